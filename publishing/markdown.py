"""Markdown from editors, rendered and sanitised with an allowlist.

Editors are trusted, their browsers and copy-pastes less so: whatever reaches a page
passes nh3 with only the tags and attributes our content needs. Scripts, event
handlers and `javascript:` links never survive.

Embeds: an editor places a library item with a short code such as `[[bild:12]]` (an
image or film on a paragraph of its own, a document link anywhere in the text). The core
knows no library: an app registers a renderer for its kind (`register_embed`, from its
AppConfig.ready()), and the code is replaced by that renderer's HTML *after* nh3 has
cleaned the editor's text. The renderer builds its HTML from its own rows with escaping
templates, never from the editor's markup, so the allowlist stays as narrow as it is.
A code nobody renders (unknown kind, missing or unpublished item) disappears.
"""

import re
from collections.abc import Callable

from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


# kind → renderer(reference) returning trusted HTML, or None when there is nothing to show.
_EMBEDS: dict[str, Callable[[str], str | None]] = {}
_CODE = r"\[\[(?P<kind>[a-z]+):(?P<ref>[A-Za-z0-9_-]{1,100})\]\]"
EMBED_RE = re.compile(_CODE)
# A code alone in its paragraph replaces the whole paragraph (a block: picture, video).
_BLOCK_EMBED_RE = re.compile(r"<p>\s*" + _CODE + r"\s*</p>")


def register_embed(kind: str, render: Callable[[str], str | None]) -> None:
    """Let `[[kind:reference]]` in Markdown show what `render(reference)` returns."""
    _EMBEDS[kind] = render


def _render_embed(match: re.Match) -> str:
    render = _EMBEDS.get(match["kind"])
    return (render(match["ref"]) or "") if render else ""


def resolve_embeds(clean_html: str) -> str:
    """Sanitised HTML with its embed codes replaced by what their items show right now."""
    if "[[" not in clean_html:
        return mark_safe(clean_html)
    html = EMBED_RE.sub(_render_embed, _BLOCK_EMBED_RE.sub(_render_embed, clean_html))
    return mark_safe(html)


def sanitised_html(text: str) -> str:
    """Markdown `text` as HTML through the allowlist, embed codes still in it.

    This is what content keeps when it is saved (publishing.models.RendersMarkdown); the
    codes are resolved when the page is shown, since an item can be unpublished or replaced
    without the text around it changing.
    """
    if not text:
        return ""
    # Imported here: Markdown runs when content is saved, not when a page is served.
    import markdown as md
    import nh3

    html = md.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    """Return safe HTML for Markdown `text`, with registered embeds resolved."""
    return resolve_embeds(sanitised_html(text))
