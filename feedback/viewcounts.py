"""Page views and film plays counted in the cache, moved to the database when read.

A view used to be an upsert on the same (page, day) row, so under a burst every request
queued on that row's lock. Now a view costs no query and no round trip:

- Redis (REDIS_URL): per page and day a counter and a HyperLogLog (PFADD of the
  visitor's daily hash) for unique visitors. A HyperLogLog keeps no identifier at all,
  only registers; PFCOUNT estimates how many distinct hashes went in (exact for small
  numbers, within about 1 % for large ones). Each process gathers its views for up to
  FEEDBACK_COUNT_SECONDS and sends them together (feedback/pending.py: also when it
  stops, so a restart or deploy loses none); from there they live in Redis.
- The in-process default cache (`make run`, tests): a counter per page and day in this
  process, unique visitors recognised by a set-if-absent in the cache as before. The
  counts reach the database when statistics are read *in the same process* (or by
  flush_view_counts); a restart loses the counts not yet flushed. Fine for one local
  process, which is what that default is for.

`flush()` moves the totals into PageViewDay rows (views added, unique visitors raised to
the day's count). It runs when statistics are read (the summary, its export, the daily
counts in the admin) and from `manage.py flush_view_counts` (cron, e.g. every 10 minutes),
so analysts see the same numbers as before.
"""

import datetime
import logging
import threading

from django.db import transaction
from django.utils import timezone

from feedback import abuse, pending
from feedback.models import PageViewDay

logger = logging.getLogger(__name__)

# Redis keys live this long without a flush (a forgotten cron, a long outage).
KEEP_SECONDS = 14 * 24 * 60 * 60
INDEX = "viewcounts:index"  # members "YYYY-MM-DD|kind|key": what may need flushing
SEPARATOR = "|"


def _redis():
    """The raw Redis client behind the limits cache, or None for another backend."""
    return abuse.redis_client()


def _member(day: datetime.date, kind: str, key: str) -> str:
    return SEPARATOR.join([day.isoformat(), kind, key])


def _keys(member: str, cache=None) -> tuple[str, str]:
    cache = cache or abuse.limits_cache()
    return cache.make_key(f"viewcounts:n:{member}"), cache.make_key(f"viewcounts:u:{member}")


# --- Counting --------------------------------------------------------------------------


class LocalCounts:
    """This process's counts for the in-process cache: {(day, kind, key): [views, unique]}."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[tuple[datetime.date, str, str], list[int]] = {}

    def add(self, day, kind, key, unique: bool):
        with self.lock:
            row = self.counts.setdefault((day, kind, key), [0, 0])
            row[0] += 1
            row[1] += int(unique)

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, {}
        return counts

    def give_back(self, counts):
        for (day, kind, key), (views, unique) in counts.items():
            with self.lock:
                row = self.counts.setdefault((day, kind, key), [0, 0])
                row[0] += views
                row[1] += unique


local = LocalCounts()


def record(*, kind: str, key: str, visitor: str) -> None:
    """Count one view of `key` today by `visitor` (a daily keyed hash): no query, and with
    Redis no round trip either (sent with the others within a second: feedback/pending.py)."""
    client = _redis()
    if client is None:
        local.add(timezone.localdate(), kind, key, abuse.first_visit_today(visitor))
        return
    cache = abuse.limits_cache()
    member = _member(timezone.localdate(), kind, key)
    views_key, unique_key = _keys(member, cache)
    waiting.add(client, (cache.make_key(INDEX), views_key, unique_key, member), [1, {visitor}])


# Visitors of one page remembered per send at most: more within a second or two is a flood,
# or an outage of Redis; either way it must not grow without bound.
MAX_VISITORS_WAITING = 5000


def _merge(old: list, new: list) -> list:
    old[0] += new[0]
    if len(old[1]) < MAX_VISITORS_WAITING:
        old[1] |= new[1]
    return old


def _send(client, pipe, counts: dict) -> None:
    """The commands for the views of each page and day, on one pipeline."""
    for (index, views_key, unique_key, member), (views, visitors) in counts.items():
        pipe.sadd(index, member)
        pipe.incrby(views_key, views)
        pipe.expire(views_key, KEEP_SECONDS)
        # A HyperLogLog keeps no identifier, only registers (see above).
        pipe.pfadd(unique_key, *visitors)
        pipe.expire(unique_key, KEEP_SECONDS)


waiting = pending.Pending("page views", _send, _merge)


# --- Moving the counts to the database ------------------------------------------------------


def flush() -> int:
    """Move the counted views into PageViewDay rows; returns how many rows changed."""
    try:
        client = _redis()
        if client is not None:
            pending.send_now()  # what this process counted in the last second too
        return _flush_local() if client is None else _flush_redis(client)
    except Exception:
        # Reading statistics must work even if the cache is down: the counts wait there.
        logger.warning("Could not move view counts to the database", exc_info=True)
        return 0


def _flush_local() -> int:
    counts = local.take()
    if not counts:
        return 0
    try:
        with transaction.atomic():
            for (day, kind, key), (views, unique) in counts.items():
                PageViewDay.objects.add(kind=kind, key=key, date=day, views=views, unique=unique)
    except Exception:
        local.give_back(counts)
        raise
    return len(counts)


def _flush_redis(client) -> int:
    index = abuse.limits_cache().make_key(INDEX)
    members = sorted(m.decode() if isinstance(m, bytes) else m for m in client.smembers(index))
    if not members:
        return 0
    # Take every counter in one MULTI (GET and DEL together: a view or a second flush
    # running at the same time cannot slip in between, so nothing is counted twice; a view
    # after it starts a new counter), and read each day's unique visitors so far.
    with client.pipeline(transaction=True) as pipe:
        for member in members:
            views_key, unique_key = _keys(member)
            pipe.get(views_key)
            pipe.delete(views_key)
            pipe.pfcount(unique_key)
        results = pipe.execute()
    taken = [
        (member, int(results[3 * n] or 0), int(results[3 * n + 2] or 0))
        for n, member in enumerate(members)
    ]
    try:
        with transaction.atomic():
            for member, views, unique in taken:
                if views:
                    day, kind, key = member.split(SEPARATOR, 2)
                    PageViewDay.objects.add(
                        kind=kind,
                        key=key,
                        date=datetime.date.fromisoformat(day),
                        views=views,
                        unique_at_least=unique,
                    )
    except Exception:
        # The database did not take them: give the views back for the next flush.
        with client.pipeline(transaction=False) as pipe:
            for member, views, _ in taken:
                if views:
                    views_key, _ = _keys(member)
                    pipe.incrby(views_key, views)
                    pipe.expire(views_key, KEEP_SECONDS)
            pipe.execute()
        raise
    # Days with nothing new for two days are done: their rows hold the totals.
    old = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    done = [member for member, views, _ in taken if not views and member < old]
    if done:
        client.srem(index, *done)
        client.delete(*(key for member in done for key in _keys(member)))
    return sum(1 for _, views, _ in taken if views)
