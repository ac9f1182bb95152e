"""The full-text index for SQLite (publishing/search_sqlite.py); PostgreSQL has search_vector.

publishing_search_document holds one row per searchable object: the model's label, its
primary key and one column of Snowball stems per weight A–D; the unique (model,
object_id) index makes replacing or deleting an object's row a lookup, not a scan.
publishing_search_fts is an FTS5 index over those columns (external content), kept in step
by the triggers FTS5's documentation gives. Run `manage.py update_search_index` after
this migration to index content that already exists.
"""

from django.db import migrations

CREATE = [
    """
    CREATE TABLE publishing_search_document (
        id INTEGER PRIMARY KEY,
        model TEXT NOT NULL,
        object_id INTEGER NOT NULL,
        a TEXT NOT NULL DEFAULT '',
        b TEXT NOT NULL DEFAULT '',
        c TEXT NOT NULL DEFAULT '',
        d TEXT NOT NULL DEFAULT '',
        UNIQUE (model, object_id)
    )
    """,
    """
    CREATE VIRTUAL TABLE publishing_search_fts USING fts5(
        a, b, c, d,
        content = 'publishing_search_document',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
    """
    CREATE TRIGGER publishing_search_document_insert AFTER INSERT ON publishing_search_document
    BEGIN
        INSERT INTO publishing_search_fts (rowid, a, b, c, d)
        VALUES (new.id, new.a, new.b, new.c, new.d);
    END
    """,
    """
    CREATE TRIGGER publishing_search_document_delete AFTER DELETE ON publishing_search_document
    BEGIN
        INSERT INTO publishing_search_fts (publishing_search_fts, rowid, a, b, c, d)
        VALUES ('delete', old.id, old.a, old.b, old.c, old.d);
    END
    """,
    """
    CREATE TRIGGER publishing_search_document_update AFTER UPDATE ON publishing_search_document
    BEGIN
        INSERT INTO publishing_search_fts (publishing_search_fts, rowid, a, b, c, d)
        VALUES ('delete', old.id, old.a, old.b, old.c, old.d);
        INSERT INTO publishing_search_fts (rowid, a, b, c, d)
        VALUES (new.id, new.a, new.b, new.c, new.d);
    END
    """,
]
DROP = [
    "DROP TABLE publishing_search_fts",
    "DROP TABLE publishing_search_document",  # its triggers go with it
]


def create_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_tables, drop_tables),
    ]
