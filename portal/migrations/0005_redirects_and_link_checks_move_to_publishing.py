"""Old addresses and link checks now belong to the publishing core: carry every row over.

The rows are copied with their ids into publishing's tables, then the old tables go.
Backwards, the rows are copied back the same way.
"""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = {
    "Redirect": ["id", "old_path", "content_type_id", "object_id", "created_at"],
    "LinkCheck": [
        "id",
        "url",
        "status_code",
        "final_url",
        "error",
        "is_broken",
        "found_in",
        "checked_at",
    ],
}


def _copy(apps, source_app, target_app):
    for name, fields in FIELDS.items():
        source = apps.get_model(source_app, name)
        target = apps.get_model(target_app, name)
        rows = [target(**row) for row in source.objects.values(*fields).iterator()]
        target.objects.bulk_create(rows, batch_size=500)


def _reset_sequences(apps, schema_editor, app_label):
    """Rows came with their ids: PostgreSQL's sequences must continue after them."""
    models = [apps.get_model(app_label, name) for name in FIELDS]
    with schema_editor.connection.cursor() as cursor:
        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def forwards(apps, schema_editor):
    _copy(apps, "portal", "publishing")
    _reset_sequences(apps, schema_editor, "publishing")


def remove_stale_content_types(apps, schema_editor):
    """The old models' content types and permissions go with them, as
    `remove_stale_contenttypes` would do; the roles hold publishing's permissions now."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="portal", model__in=["redirect", "linkcheck"]).delete()


def backwards(apps, schema_editor):
    _copy(apps, "publishing", "portal")
    _reset_sequences(apps, schema_editor, "portal")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_editorial_roles"),
        ("publishing", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="LinkCheck"),
        migrations.DeleteModel(name="Redirect"),
        migrations.RunPython(remove_stale_content_types, migrations.RunPython.noop),
    ]
