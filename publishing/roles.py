"""The editorial roles. The groups are created by migration portal 0004_editorial_roles.

- Redaktör: writes, publishes, previews and restores content; no users, groups,
  feedback or admin log.
- Administratör: everything, including users and groups.
- Analytiker (feedback and statistics) is created by the feedback app's own migrations,
  which also let it read (never change) the content visitors answer about and its history.

The groups' rights follow the content types (publishing.registry): after every `migrate`,
`sync_roles` gives Redaktör every right on each declared content type and its parts, and
Administratör every permission there is, including those of apps migrated later. It only
ever adds, so what an administrator granted by hand stays. Apps above the core whose models
editors work with but visitors never see (an inbox of visitors' messages) name those rights
in their AppConfig's `editor_permissions`, and sync_roles grants them the same way.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from publishing import registry

EDITOR = "Redaktör"
ADMINISTRATOR = "Administratör"

ACTIONS = ("add", "change", "delete", "view")

# What editors work with besides the content types: old addresses, link checks, the changes
# waiting for review (publishing/review.py) and tags.
CORE_EDITOR_PERMISSIONS = {
    "publishing": [*(f"{a}_redirect" for a in ACTIONS), "view_linkcheck", "view_reviewrequest"],
    "taggit": [f"{a}_{m}" for m in ("tag", "taggeditem") for a in ACTIONS],
}


def app_editor_codenames() -> dict[str, set[str]]:
    """Rights that apps above the core give editors: their AppConfig's `editor_permissions`."""
    return {
        config.label: set(config.editor_permissions)
        for config in apps.get_app_configs()
        if getattr(config, "editor_permissions", None)
    }


def editor_codenames() -> dict[str, set[str]]:
    """app label → the codenames Redaktör holds there."""
    codenames = {app: set(names) for app, names in CORE_EDITOR_PERMISSIONS.items()}
    for app, names in app_editor_codenames().items():
        codenames.setdefault(app, set()).update(names)
    for content_type in registry.content_types():
        for model in [content_type.model, *content_type.part_models]:
            opts = model._meta
            codenames.setdefault(opts.app_label, set()).update(
                f"{action}_{opts.model_name}" for action in ACTIONS
            )
        opts = content_type.model._meta
        # The right to publish, where the content type declares one (PublishableAdmin).
        publish = f"publish_{opts.model_name}"
        if any(codename == publish for codename, _ in opts.permissions):
            codenames[opts.app_label].add(publish)
    return codenames


def permissions_in(codenames: dict[str, set[str]], using="default"):
    condition = Q(pk__in=[])
    for app_label, names in codenames.items():
        condition |= Q(content_type__app_label=app_label, codename__in=names)
    return Permission.objects.using(using).filter(condition)


def sync_roles(sender=None, using="default", **kwargs):
    """post_migrate receiver: bring Redaktör and Administratör up to the content types."""
    groups = {
        g.name: g for g in Group.objects.using(using).filter(name__in=[EDITOR, ADMINISTRATOR])
    }
    if len(groups) < 2:
        return  # before 0004_editorial_roles has run, e.g. while migrating backwards
    groups[EDITOR].permissions.add(*permissions_in(editor_codenames(), using))
    administrator = groups[ADMINISTRATOR]
    administrator.permissions.add(*Permission.objects.using(using).exclude(group=administrator))
