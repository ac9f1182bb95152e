"""What visitors search for: per day, each term with its searches and what it found.

A search is counted the way a page view is (feedback/viewcounts.py): in the cache, no
query per search, moved into SearchTermDay rows when the statistics are read or by
`manage.py flush_view_counts`.

- Redis: per term and day a counter of its searches (and of those that found nothing)
  and the latest number of results, gathered in the process and sent with the page
  views (feedback/pending.py).
- The in-process default cache: a dict in this process, like the page views.

The term is never tied to a visitor: nothing about the request but the query itself is
read. Before it is counted anywhere (the cache included) it is redacted like comments
(feedback/redaction.py: personnummer, phone numbers, e-mail and street addresses become
markers) and normalised (NFKC, lower case, spaces squeezed, at most 100 characters), so
"Hemtjänst " and "hemtjänst" are one term.

Visitors choose the terms, so their number is bounded: at most
FEEDBACK_SEARCH_TERMS_PER_DAY different terms a day are counted as themselves; searches
for further new terms that day count under OTHER_TERMS. A flood of made-up queries
therefore fills neither Redis nor the table.
"""

import datetime
import logging
import threading
import unicodedata

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from feedback import abuse, pending, viewcounts
from feedback.models import SEARCH_TERM_MAX_LENGTH, SearchTermDay
from feedback.redaction import redact

logger = logging.getLogger(__name__)

INDEX = "searchterms:index"  # members "YYYY-MM-DD|term": what may need flushing
SEPARATOR = "|"
OTHER_TERMS = "[övriga sökord]"  # where a day's terms beyond the limit are counted

# Sent with the page views (feedback/pending.py), one script per term and day: the day's
# set of terms decides (atomically) whether the term is counted as itself or, once the day
# has its limit of terms, under OTHER_TERMS.
# KEYS: index, the day's set, then the term's three counters and OTHER_TERMS' three.
# ARGV: the term's member, OTHER_TERMS' member, the limit, the latest results, the expiry,
# the searches and those without results since the last send.
RECORD_SCRIPT = """
local first = 3
local member = ARGV[1]
if redis.call('SISMEMBER', KEYS[2], member) == 0
   and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  first = 6
  member = ARGV[2]
end
redis.call('SADD', KEYS[2], member)
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('SADD', KEYS[1], member)
redis.call('INCRBY', KEYS[first], ARGV[6])
redis.call('EXPIRE', KEYS[first], ARGV[5])
if ARGV[7] ~= '0' then
  redis.call('INCRBY', KEYS[first + 1], ARGV[7])
  redis.call('EXPIRE', KEYS[first + 1], ARGV[5])
end
redis.call('SET', KEYS[first + 2], ARGV[4], 'EX', ARGV[5])
return first
"""


def normalise(query: str | None) -> str:
    """The term as counted: redacted, NFKC, lower case, single spaces, at most 100 characters."""
    query = query or ""
    known = _terms.get(query)
    if known is not None:
        return known
    text = "".join(" " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in query)
    # Redact the whole query first: cutting it to length could leave half a personnummer
    # that no longer looks like one.
    redacted = redact(text).text
    term = " ".join(unicodedata.normalize("NFKC", redacted).lower().split())
    term = term[:SEARCH_TERM_MAX_LENGTH].rstrip()
    # Popular searches repeat, so each one's term is worked out once; a query the redaction
    # changed is never kept (the process must not hold what a visitor typed about someone).
    if redacted == text and len(query) <= SEARCH_TERM_MAX_LENGTH:
        if len(_terms) >= KNOWN_TERMS:
            _terms.clear()
        _terms[query] = term
    return term


KNOWN_TERMS = 256
_terms: dict[str, str] = {}  # query: term, for queries with nothing redacted


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
        self.terms: dict[datetime.date, set[str]] = {}  # the day's terms, for the limit

    def add(self, day, term, results: int):
        with self.lock:
            terms = self.terms.setdefault(day, set())
            if term not in terms and len(terms) >= settings.FEEDBACK_SEARCH_TERMS_PER_DAY:
                term = OTHER_TERMS
            terms.add(term)
            for old in [d for d in self.terms if d < day]:
                del self.terms[old]
            row = self.counts.setdefault((day, term), [0, 0, 0])
            row[0] += 1
            row[1] += int(results == 0)
            row[2] = results

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, {}
        return counts

    def clear(self):
        """Forget everything, the day's terms too (tests)."""
        with self.lock:
            self.counts, self.terms = {}, {}

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
    member, other = _member(day, term), _member(day, OTHER_TERMS)
    cache = abuse.limits_cache()
    keys = (
        cache.make_key(INDEX),
        cache.make_key(f"searchterms:day:{day.isoformat()}"),
        *_keys(member),
        *_keys(other),
    )
    waiting.add(client, (keys, member, other), [1, int(results == 0), int(results)])


def _merge(old: list, new: list) -> list:
    return [old[0] + new[0], old[1] + new[1], new[2]]


def _send(client, pipe, counts: dict) -> None:
    script = abuse.script(client, RECORD_SCRIPT)
    limit = settings.FEEDBACK_SEARCH_TERMS_PER_DAY
    for (keys, member, other), (searches, empty, results) in counts.items():
        args = [member, other, limit, results, viewcounts.KEEP_SECONDS, searches, empty]
        script(keys=list(keys), args=args, client=pipe)


waiting = pending.Pending("searches", _send, _merge)


def flush() -> int:
    """Move the counted searches into SearchTermDay rows; returns how many rows changed."""
    try:
        client = viewcounts._redis()
        if client is not None:
            pending.send_now()  # what this process counted in the last second too
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
