"""Which films the site shows: a play is counted only for one of them.

A page marks a film as `<video data-film-id="...">` and static/js/feedback.js reports
when it starts. Until the media library owns films, the films the site shows are those
marked in the rendered body of a published page. The Markdown allowlist
(portal/markdown.py) strips <video> today, so no page shows a film yet and every play is
refused: a made-up id never becomes a row in the statistics.
"""

import re

from portal.models import Page

FILM_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
MARKER = "data-film-id"
_MARKED_FILM_RE = re.compile(r"<video\b[^>]*?\sdata-film-id=\"([A-Za-z0-9][A-Za-z0-9_-]{0,99})\"")


def shown_film_ids() -> set[str]:
    """The ids (lower case) of the films on published pages, as visitors get them."""
    films = set()
    for page in Page.objects.published().filter(body__contains=MARKER).only("body"):
        films.update(film.lower() for film in _MARKED_FILM_RE.findall(page.body_html))
    return films


def shown_film(value) -> str | None:
    """The film id a visitor reported, if the site shows that film; otherwise None."""
    if not isinstance(value, str) or not FILM_ID_RE.fullmatch(value):
        return None
    film = value.lower()
    return film if film in shown_film_ids() else None
