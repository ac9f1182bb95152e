"""The main navigation and the footer links, read once per content change, not per request.

Every page shows them, so they are remembered per content generation
(publishing/generation.py): any content save, these links included, starts a new
generation and so a fresh read, and a link scheduled to appear or disappear ends the
remembered value at that moment.
"""

from portal.models import SiteLink
from publishing import generation


def published_links() -> list[tuple[str, str, str]]:
    """(place, label, url) of every link visitors see now, in order."""
    return generation.remember(
        "sitelinks",
        lambda: [(link.place, link.label, link.url) for link in SiteLink.objects.published()],
    )
