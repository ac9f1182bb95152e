"""Analytiker may read (never change) the content that visitors answer about.

Per-version answer counts are shown on the content's history page, and an analyst
needs to see what an edit changed to tell whether "Nej" answers dropped after it.
View permission gives the read-only form, the history and the comparison; nothing else.
Only adds: whatever an administrator granted or removed by hand is left as it is.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Analytiker"
CONTENT_PERMISSIONS = {
    "portal": ["view_page", "view_question"],
    "initiatives": ["view_initiative"],
    "resources": ["view_category"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_label in CONTENT_PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return  # removed by an administrator: not ours to bring back
    for app_label, codenames in CONTENT_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for app_label, codenames in CONTENT_PERMISSIONS.items():
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_feedback_version"),
        ("portal", "0001_initial"),
        ("initiatives", "0001_initial"),
        ("resources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
