"""The group "Analytiker": reads feedback and statistics, exports them, edits no content."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Analytiker"
PERMISSIONS = [
    "view_feedback",
    "change_feedback",  # status only: every other field is read-only in the admin
    "export_feedback",
    "view_pageviewday",
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="feedback", codename__in=PERMISSIONS)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("feedback", "0001_feedback_and_daily_view_counts"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
