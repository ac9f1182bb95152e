"""The full-text index for SQLite (portal/search_sqlite.py); PostgreSQL has search_vector.

An FTS5 table of Snowball stems, one row per searchable object: the model's label, its
primary key (both stored, not indexed) and one column of stems per weight A–D. Run
`manage.py update_search_index` afterwards to index content that already exists.
"""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE portal_search_fts USING fts5(
    model UNINDEXED,
    object_id UNINDEXED,
    a, b, c, d,
    tokenize = 'unicode61 remove_diacritics 0'
)
"""


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE portal_search_fts")


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0004_editorial_roles"),
    ]

    operations = [
        migrations.RunPython(create_table, drop_table),
    ]
