"""Template helpers for the editorial workflow (preview banner, review notices)."""

from django import template
from django.urls import NoReverseMatch, reverse

from publishing.models import ReviewRequest

register = template.Library()


@register.filter
def admin_change_url(obj) -> str:
    """The admin address where `obj` is edited, or "" if it has none."""
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def waiting_for_review(context, limit=10):
    """The changes waiting for review that the signed-in user may see, oldest first."""
    user = context["request"].user
    if not user.has_perm("publishing.view_reviewrequest"):
        return None
    pending = (
        ReviewRequest.objects.pending()
        .select_related("requested_by", "content_type")
        .order_by("requested_at", "pk")
    )
    return {"items": list(pending[:limit]), "count": pending.count()}
