"""Where feedback meets the published content (publishing core).

- The content's history page counts visitors' answers per saved version.
- Analytiker reads feedback and statistics, exports them, and reads (never changes) the
  content visitors answer about, with its history. The group itself comes from migration
  feedback 0002_analyst_group.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_migrate

from feedback.models import Feedback
from publishing import registry
from publishing.roles import permissions_in
from publishing.versions import count_answers_with

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


def connect():
    """Called once from FeedbackConfig.ready()."""
    # The content's history page shows the answers given on each version.
    count_answers_with(Feedback.objects.counts_per_version)
    # Analysts read what visitors answer about, for every content type that counts it.
    post_migrate.connect(analysts_read_content, dispatch_uid="feedback_analysts")
