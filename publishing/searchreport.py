"""How the site search tells whoever counts searches what was searched for and found.

The search page is served from the page cache like any other visitor page, so a count
kept in its view would miss every cached hit. Instead the view writes the (cleaned)
query and its number of results on its response; the response is cached with it, and a
middleware above the page cache (feedback's page-view counter) takes the report off
every response, cached or not, before it leaves the site. The core knows no counter and
the site's search knows no statistics app.
"""

from urllib.parse import quote, unquote

HEADER = "X-Site-Search"


def report(response, *, query: str, results: int) -> None:
    """Say on `response` that `query` was searched for and found `results` items."""
    response[HEADER] = f"{int(results)};{quote(query, safe='')}"


def take(response) -> tuple[str, int] | None:
    """Remove the report from `response` and return (query, results), or None if none."""
    value = response.get(HEADER)
    if not value:
        return None
    del response[HEADER]
    count, _, query = value.partition(";")
    try:
        return unquote(query), max(0, int(count))
    except ValueError:
        return None
