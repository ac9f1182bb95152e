"""Markdown from editors, rendered and sanitised with an allowlist.

Editors are trusted, their browsers and copy-pastes less so: whatever reaches a page
passes nh3 with only the tags and attributes our content needs. Scripts, event
handlers and `javascript:` links never survive.
"""

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> str:
    """Return safe HTML for Markdown `text`."""
    if not text:
        return ""
    html = md.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)
