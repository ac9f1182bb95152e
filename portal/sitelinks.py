"""The main navigation, the footer links and the texts around every page (SiteText), read
once per content change, not per request.

Every page shows them, so they are remembered per content generation
(publishing/generation.py): any content save, these links included, starts a new
generation and so a fresh read, and a link scheduled to appear or disappear ends the
remembered value at that moment.
"""

from portal.models import SiteLink, SiteText
from publishing import generation

TEXT_FIELDS = ("tagline", "footer_text", "description")


def published_links() -> list[tuple[str, str, str]]:
    """(place, label, url) of every link visitors see now, in order."""
    return generation.remember(
        "sitelinks",
        lambda: [(link.place, link.label, link.url) for link in SiteLink.objects.published()],
    )


def published_texts() -> dict[str, str]:
    """The newest live SiteText's tagline, footer text and description ("" without one)."""

    def read():
        text = SiteText.objects.published().values(*TEXT_FIELDS).first()
        return text or dict.fromkeys(TEXT_FIELDS, "")

    return generation.remember("sitetexts", read)
