"""The editorial roles. The groups are created by migration portal 0004_editorial_roles.

- Redaktör: writes, publishes, previews and restores content; no users, groups,
  feedback or admin log.
- Administratör: everything, including users and groups.
- Analytiker (feedback and statistics) is created by the feedback app's own migrations,
  which also let it read (never change) the content visitors answer about and its history.

Administratör means "every permission", including those of apps migrated later (the
feedback app's export permission, say): `administrators_post_migrate` runs after every
`migrate` and only ever adds.
"""

EDITOR = "Redaktör"
ADMINISTRATOR = "Administratör"

# Everything an editor may add, change, delete and view.
EDITOR_MODELS = {
    "portal": ["page", "question", "redirect"],
    "initiatives": ["initiative", "initiativephasechange", "municipality"],
    "resources": ["category", "resource"],
    "taggit": ["tag", "taggeditem"],
}
EDITOR_EXTRA_PERMISSIONS = {
    "portal": ["publish_page", "view_linkcheck"],
    "initiatives": ["publish_initiative"],
    "resources": ["publish_resource"],
}


def editor_codenames() -> dict[str, set[str]]:
    codenames = {
        app: {
            f"{action}_{model}"
            for model in models
            for action in ("add", "change", "delete", "view")
        }
        for app, models in EDITOR_MODELS.items()
    }
    for app, extra in EDITOR_EXTRA_PERMISSIONS.items():
        codenames.setdefault(app, set()).update(extra)
    return codenames


def administrators_post_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: keep Administratör at "every permission" as apps are added."""
    from django.contrib.auth.models import Group, Permission

    if not Group.objects.using(using).filter(name=ADMINISTRATOR).exists():
        return  # before 0004_editorial_roles has run, e.g. while migrating backwards
    group = Group.objects.using(using).get(name=ADMINISTRATOR)
    group.permissions.add(*Permission.objects.using(using).exclude(group=group))
