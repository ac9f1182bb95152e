"""What visitors search for: per day, each term with its searches and what it found.

A search is counted the way a page view is (feedback/viewcounts.py): in the cache, no
query per search, moved into SearchTermDay rows when the statistics are read or by
`manage.py flush_view_counts`.

- Redis: per term and day an INCR of its searches (and of those that found nothing)
  and a SET of the latest number of results, in one pipeline round trip.
- The in-process default cache: a dict in this process, like the page views.

The term is never tied to a visitor: nothing about the request but the query itself is
read. Before it is counted anywhere (the cache included) it is redacted like comments
(feedback/redaction.py: personnummer, phone numbers, e-mail and street addresses become
markers) and normalised (NFKC, lower case, spaces squeezed, at most 100 characters), so
"Hemtjänst " and "hemtjänst" are one term.
"""

import datetime
import logging
import threading
import unicodedata

from django.db import transaction
from django.utils import timezone

from feedback import abuse, viewcounts
from feedback.models import SEARCH_TERM_MAX_LENGTH, SearchTermDay
from feedback.redaction import redact

logger = logging.getLogger(__name__)

INDEX = "searchterms:index"  # members "YYYY-MM-DD|term": what may need flushing
SEPARATOR = "|"


def normalise(query: str | None) -> str:
    """The term as counted: redacted, NFKC, lower case, single spaces, at most 100 characters."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in query or ""
    )
    # Redact the whole query first: cutting it to length could leave half a personnummer
    # that no longer looks like one.
    text = redact(text).text
    text = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return text[:SEARCH_TERM_MAX_LENGTH].rstrip()


def _member(day: datetime.date, term: str) -> str:
    return f"{day.isoformat()}{SEPARATOR}{term}"


def _keys(member: str) -> tuple[str, str, str]:
    cache = abuse.limits_cache()
    return (
        cache.make_key(f"searchterms:n:{member}"),
        cache.make_key(f"searchterms:z:{member}"),
        cache.make_key(f"searchterms:r:{member}"),
    )


class LocalCounts:
    """The in-process cache's searches: {(day, term): [searches, without results, results]}."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[tuple[datetime.date, str], list[int]] = {}

    def add(self, day, term, results: int):
        with self.lock:
            row = self.counts.setdefault((day, term), [0, 0, 0])
            row[0] += 1
            row[1] += int(results == 0)
            row[2] = results

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, {}
        return counts

    def give_back(self, counts):
        with self.lock:
            for (day, term), (searches, empty, results) in counts.items():
                row = self.counts.setdefault((day, term), [0, 0, results])
                row[0] += searches
                row[1] += empty


local = LocalCounts()


def record(*, query: str, results: int) -> None:
    """Count one search for `query` that found `results` items: no database query."""
    term = normalise(query)
    if not term:
        return
    day = timezone.localdate()
    client = viewcounts._redis()
    if client is None:
        local.add(day, term, results)
        return
    member = _member(day, term)
    searches_key, empty_key, results_key = _keys(member)
    with client.pipeline(transaction=False) as pipe:
        pipe.sadd(abuse.limits_cache().make_key(INDEX), member)
        pipe.incr(searches_key)
        if results == 0:
            pipe.incr(empty_key)
        pipe.set(results_key, results, ex=viewcounts.KEEP_SECONDS)
        pipe.expire(searches_key, viewcounts.KEEP_SECONDS)
        pipe.expire(empty_key, viewcounts.KEEP_SECONDS)
        pipe.execute()


def flush() -> int:
    """Move the counted searches into SearchTermDay rows; returns how many rows changed."""
    try:
        client = viewcounts._redis()
        return _flush_local() if client is None else _flush_redis(client)
    except Exception:
        logger.warning("Could not move search counts to the database", exc_info=True)
        return 0


def _save(counts) -> None:
    with transaction.atomic():
        for (day, term), (searches, empty, results) in counts.items():
            SearchTermDay.objects.add(
                term=term, date=day, searches=searches, without_results=empty, results=results
            )


def _flush_local() -> int:
    counts = local.take()
    if not counts:
        return 0
    try:
        _save(counts)
    except Exception:
        local.give_back(counts)
        raise
    return len(counts)


def _flush_redis(client) -> int:
    index = abuse.limits_cache().make_key(INDEX)
    members = sorted(m.decode() if isinstance(m, bytes) else m for m in client.smembers(index))
    if not members:
        return 0
    # GET and DEL of both counters in one MULTI, as for page views: nothing counted twice.
    with client.pipeline(transaction=True) as pipe:
        for member in members:
            searches_key, empty_key, results_key = _keys(member)
            pipe.get(searches_key)
            pipe.delete(searches_key)
            pipe.get(empty_key)
            pipe.delete(empty_key)
            pipe.get(results_key)
        results = pipe.execute()
    counts = {}
    for n, member in enumerate(members):
        searches, empty, found = (int(results[5 * n + i] or 0) for i in (0, 2, 4))
        if searches:
            day, term = member.split(SEPARATOR, 1)
            counts[(datetime.date.fromisoformat(day), term)] = [searches, empty, found]
    try:
        if counts:
            _save(counts)
    except Exception:
        with client.pipeline(transaction=False) as pipe:
            for (day, term), (searches, empty, _) in counts.items():
                searches_key, empty_key, _ = _keys(_member(day, term))
                pipe.incrby(searches_key, searches)
                pipe.expire(searches_key, viewcounts.KEEP_SECONDS)
                if empty:
                    pipe.incrby(empty_key, empty)
                    pipe.expire(empty_key, viewcounts.KEEP_SECONDS)
            pipe.execute()
        raise
    # As for page views: a day with nothing new for two days is done (removing a member
    # right after taking it could lose a search counted in between).
    old = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    taken = {_member(day, term) for day, term in counts}
    done = [member for member in members if member not in taken and member < old]
    if done:
        client.srem(index, *done)
        client.delete(*(key for member in done for key in _keys(member)))
    return len(counts)
