"""Which films the site shows: a play is counted only for one of them.

A page marks a film as `<video data-film-id="...">` and static/js/feedback.js reports
when it starts. Until the media library owns films, the films the site shows are those
marked in the rendered Markdown of published content (every content type's
`markdown_fields`, publishing.registry). The Markdown allowlist (publishing/markdown.py)
strips <video> today, so no page shows a film yet and every play is refused: a made-up id
never becomes a row in the statistics.
"""

import re

from django.db.models import Q

from publishing import registry
from publishing.markdown import render_markdown

FILM_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
MARKER = "data-film-id"
_MARKED_FILM_RE = re.compile(r"<video\b[^>]*?\sdata-film-id=\"([A-Za-z0-9][A-Za-z0-9_-]{0,99})\"")


def shown_film_ids() -> set[str]:
    """The ids (lower case) of the films in published content, as visitors get them."""
    films = set()
    for content_type in registry.content_types():
        fields = content_type.declaration.markdown_fields
        if not fields:
            continue
        marked = Q()
        for field in fields:
            marked |= Q(**{f"{field}__contains": MARKER})
        for values in content_type.published().filter(marked).values_list(*fields):
            for text in values:
                films.update(f.lower() for f in _MARKED_FILM_RE.findall(render_markdown(text)))
    return films


def shown_film(value) -> str | None:
    """The film id a visitor reported, if the site shows that film; otherwise None."""
    if not isinstance(value, str) or not FILM_ID_RE.fullmatch(value):
        return None
    film = value.lower()
    return film if film in shown_film_ids() else None
