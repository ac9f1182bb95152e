"""Template helpers for the editorial workflow (preview banner, review notices)."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.filter
def admin_change_url(obj) -> str:
    """The admin address where `obj` is edited, or "" if it has none."""
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""
