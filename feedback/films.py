"""Which films the site shows: a play is counted only for one of them.

A page marks a film as `<video data-film-id="...">` and static/js/feedback.js reports
when it starts. The films are those of the media library that are published: the library
declares its film model to the publishing registry (`Declaration.film_id_field`), so
feedback asks the registry and knows no film model itself. A made-up id never becomes a
row in the statistics.
"""

import re

from publishing import registry

FILM_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def shown_film_ids() -> set[str]:
    """The ids (lower case) of the published films."""
    return registry.film_ids()


def shown_film(value) -> str | None:
    """The film id a visitor reported, if the site shows that film; otherwise None."""
    if not isinstance(value, str) or not FILM_ID_RE.fullmatch(value):
        return None
    film = value.lower()
    return film if film in shown_film_ids() else None
