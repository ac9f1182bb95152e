"""The main navigation, the footer links and the texts around every page (SiteText), read
once per content change, not per request.

Every page shows them, so they are kept in the cache under the page cache's generation
(portal/pagecache.py): any content save, these links included, starts a new generation and
so a fresh read. A link scheduled to appear or disappear ends the cached entry at that moment.
"""

import logging

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from portal import pagecache
from portal.models import SiteLink, SiteText

logger = logging.getLogger(__name__)

LONGEST_SECONDS = 3600


TEXT_FIELDS = ("tagline", "footer_text", "description")


def _read(now):
    links = [(link.place, link.label, link.url) for link in SiteLink.objects.published(at=now)]
    text = SiteText.objects.published(at=now).values(*TEXT_FIELDS).first()
    moments = []
    for model in (SiteLink, SiteText):
        found = model.objects.filter(status=model.Status.PUBLISHED).aggregate(
            appears=Min("published_at", filter=Q(published_at__gt=now)),
            disappears=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
        )
        moments += [moment.timestamp() for moment in found.values() if moment is not None]
    until = min([now.timestamp() + LONGEST_SECONDS, *moments])
    return {"links": links, "texts": text or dict.fromkeys(TEXT_FIELDS, ""), "until": until}


def _entry(now) -> dict:
    try:
        key = f"sitelinks:{pagecache.generation()}"
        entry = cache.get(key)
    except Exception:
        # The cache is an optimisation: without it, read the links from the database.
        logger.warning("Could not read the site links from the cache", exc_info=True)
        return _read(now)
    if entry is None or "texts" not in entry or entry["until"] <= now.timestamp():
        entry = _read(now)
        try:
            cache.set(key, entry, LONGEST_SECONDS)
        except Exception:
            logger.warning("Could not cache the site links", exc_info=True)
    return entry


def published_links() -> list[tuple[str, str, str]]:
    """(place, label, url) of every link visitors see now, in order."""
    return _entry(timezone.now())["links"]


def published_texts() -> dict[str, str]:
    """The newest live SiteText's tagline, footer text and description ("" without one)."""
    return _entry(timezone.now())["texts"]
