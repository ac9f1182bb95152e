"""Analytiker: reads feedback and statistics, exports them, and reads (never changes) the
content visitors answer about, with its history. The group itself comes from migration
feedback 0002_analyst_group.
"""

from django.contrib.auth.models import Group

from publishing import registry
from publishing.roles import permissions_in

ANALYST = "Analytiker"


def content_view_codenames() -> dict[str, set[str]]:
    """View rights on every content type whose answers are counted per version, and its parts."""
    codenames = {}
    for content_type in registry.content_types():
        if not registry.counts_feedback_per_version(content_type.model):
            continue
        for model in [content_type.model, *content_type.part_models]:
            opts = model._meta
            codenames.setdefault(opts.app_label, set()).add(f"view_{opts.model_name}")
    return codenames


def analysts_read_content(sender=None, using="default", **kwargs):
    """post_migrate receiver: only adds, so what an administrator changed by hand stays."""
    group = Group.objects.using(using).filter(name=ANALYST).first()
    if group is not None:
        group.permissions.add(*permissions_in(content_view_codenames(), using))
