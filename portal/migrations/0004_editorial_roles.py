"""Create the editorial roles Redaktör and Administratör (see portal/roles.py).

Groups are found by name (get_or_create), so this works whether or not another app
has created its own roles (Analytiker) first, and never removes what an administrator
granted by hand.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Redaktör"
ADMINISTRATOR = "Administratör"
EDITOR_MODELS = {
    "portal": ["page", "question", "redirect"],
    "initiatives": ["initiative", "initiativephasechange", "municipality"],
    "resources": ["category", "resource"],
    "taggit": ["tag", "taggeditem"],
}
EDITOR_EXTRA = {
    "portal": ["publish_page", "view_linkcheck"],
    "initiatives": ["publish_initiative"],
    "resources": ["publish_resource"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create
    # them now so the groups can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    for app_label, models in EDITOR_MODELS.items():
        codenames = [f"{a}_{m}" for m in models for a in ("add", "change", "delete", "view")]
        codenames += EDITOR_EXTRA.get(app_label, [])
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        assert permissions.count() == len(codenames), f"missing permissions in {app_label}"
        editor.permissions.add(*permissions)

    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.add(*Permission.objects.all())


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, ADMINISTRATOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_editorial_workflow"),
        ("initiatives", "0003_editorial_workflow"),
        ("resources", "0003_editorial_workflow"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
