"""The main navigation and the footer links, read once per content change, not per request.

Every page shows them, so they are kept in the cache under the page cache's generation
(portal/pagecache.py): any content save, these links included, starts a new generation and
so a fresh read. A link scheduled to appear or disappear ends the cached entry at that moment.
"""

import logging

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from portal import pagecache
from portal.models import SiteLink

logger = logging.getLogger(__name__)

LONGEST_SECONDS = 3600


def _read(now):
    links = [(link.place, link.label, link.url) for link in SiteLink.objects.published(at=now)]
    found = SiteLink.objects.filter(status=SiteLink.Status.PUBLISHED).aggregate(
        appears=Min("published_at", filter=Q(published_at__gt=now)),
        disappears=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
    )
    moments = [moment.timestamp() for moment in found.values() if moment is not None]
    until = min([now.timestamp() + LONGEST_SECONDS, *moments])
    return {"links": links, "until": until}


def published_links() -> list[tuple[str, str, str]]:
    """(place, label, url) of every link visitors see now, in order."""
    now = timezone.now()
    try:
        key = f"sitelinks:{pagecache.generation()}"
        entry = cache.get(key)
    except Exception:
        # The cache is an optimisation: without it, read the links from the database.
        logger.warning("Could not read the site links from the cache", exc_info=True)
        return _read(now)["links"]
    if entry is None or entry["until"] <= now.timestamp():
        entry = _read(now)
        try:
            cache.set(key, entry, LONGEST_SECONDS)
        except Exception:
            logger.warning("Could not cache the site links", exc_info=True)
    return entry["links"]
