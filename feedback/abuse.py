"""Spam and abuse limits through the shared cache, with no visitor identifier stored.

A client is a keyed hash of its IP address (and, where it helps tell people behind
one office address apart, its user agent). The key includes the date, so hashes from
different days cannot be linked, and it lives only in the cache with a short expiry:
never in the database, never in a log. With REDIS_URL set the cache is Redis, so the
limits hold across every app process.

The markers live in the "limits" cache when one is configured (portal/settings.py), so the
page cache filling its own cache can never evict them; otherwise in the default cache.
"""

import contextlib
import datetime
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.crypto import salted_hmac

from publishing import rediscalls

logger = logging.getLogger(__name__)

LIMITS_CACHE = "limits"


def limits_alias() -> str:
    """The cache alias for limits and counters: "limits" when configured, else "default"."""
    return LIMITS_CACHE if LIMITS_CACHE in settings.CACHES else "default"


def limits_cache():
    """Where rate-limit, duplicate and unique-visitor markers are kept."""
    return caches[limits_alias()]


def client_ip(request) -> str:
    """The visitor's address, taking the last TRUSTED_PROXY_COUNT proxies into account.

    The one place the site reads a client address: the feedback limits and the login
    throttle (AXES_CLIENT_IP_CALLABLE) both use it.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request, *, purpose: str, with_user_agent: bool = False, extra: str = "") -> str:
    """A keyed hash that recognises the same client today and is useless tomorrow."""
    today = timezone.localdate().isoformat()
    value = client_ip(request)
    if with_user_agent:
        value += "\n" + request.META.get("HTTP_USER_AGENT", "")
    return salted_hmac(
        f"feedback.{purpose}.{today}", f"{value}\n{extra}", algorithm="sha256"
    ).hexdigest()[:40]


def seconds_until_midnight(now: datetime.datetime | None = None) -> int:
    now = timezone.localtime(now)
    tomorrow = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time())
    return max(1, int((timezone.make_aware(tomorrow) - now).total_seconds()))


def _rate_key(client: str) -> str:
    return f"feedback:rate:{client}"


def rate_limited(client: str, *, cache=None, limit=None, window=None) -> bool:
    """Count one submission for `client`; True once it is over the limit for this window."""
    cache = cache or limits_cache()
    limit = settings.FEEDBACK_RATE_LIMIT if limit is None else limit
    window = settings.FEEDBACK_RATE_LIMIT_WINDOW if window is None else window
    # The window opens with the client's first submission and the key expires with it.
    key = _rate_key(client)
    redis = redis_client(cache)
    if redis is not None:
        # One round trip, atomic: every process sees one counter.
        count = int(script(redis, COUNT_IN_WINDOW)(keys=[cache.make_key(key)], args=[window]))
        return count > limit
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count > limit


# INCR, and the expiry set by the first submission of the window (KEYS[1], ARGV[1]).
_COUNT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
"""
COUNT_IN_WINDOW = _COUNT + "return count\n"


def redis_client(cache=None):
    """The Redis client behind a django-redis cache (default: the limits cache), or None."""
    return rediscalls.client(cache or limits_cache())


script = rediscalls.script


def _duplicate_key(client: str, parts) -> str:
    fingerprint = salted_hmac("feedback.duplicate", "\n".join(map(str, parts)), algorithm="sha256")
    return f"feedback:dup:{client}:{fingerprint.hexdigest()[:40]}"


def is_duplicate(client: str, *parts, cache=None, window=None) -> bool:
    """True if the same client sent exactly this within the window; remembers it if not."""
    cache = cache or limits_cache()
    window = settings.FEEDBACK_DUPLICATE_WINDOW if window is None else window
    return not cache.add(_duplicate_key(client, parts), 1, timeout=window)


@contextlib.contextmanager
def unless_duplicate(client: str, *parts, cache=None, window=None):
    """Yield True for the first of identical submissions; the marker stays only if stored.

    The marker is claimed with one atomic set-if-absent, so two identical posts arriving
    together store one row. If the block raises (the write failed: a database outage answers
    503), the marker is removed again, so the visitor's retry is stored rather than thanked
    and dropped.
    """
    cache = cache or limits_cache()
    fresh = is_duplicate(client, *parts, cache=cache, window=window) is False
    with _released_on_failure(fresh, client, parts, cache):
        yield fresh


@contextlib.contextmanager
def admitted(client: str, *parts):
    """The spam defences of every public form: yield True unless `client` is over the rate
    limit or sent exactly `parts` within the duplicate window.

    The same as rate_limited() and then unless_duplicate() (the marker stays only if the
    block stores the submission), in one round trip where the limits live in Redis.
    """
    cache = limits_cache()
    redis = redis_client(cache)
    if redis is None:
        if rate_limited(client, cache=cache):
            yield False
            return
        with unless_duplicate(client, *parts, cache=cache) as fresh:
            yield fresh
        return
    answer = script(redis, ADMIT)(
        keys=[
            cache.make_key(_rate_key(client)),
            cache.make_key(_duplicate_key(client, parts)),
        ],
        args=[
            settings.FEEDBACK_RATE_LIMIT_WINDOW,
            settings.FEEDBACK_RATE_LIMIT,
            settings.FEEDBACK_DUPLICATE_WINDOW,
        ],
    )
    fresh = int(answer) == 1
    with _released_on_failure(fresh, client, parts, cache):
        yield fresh


# COUNT_IN_WINDOW, then (under the limit) the duplicate marker as cache.add() sets it:
# 0 over the limit, 1 admitted, 2 a duplicate.
ADMIT = (
    _COUNT
    + """
if count > tonumber(ARGV[2]) then return 0 end
if redis.call('SET', KEYS[2], 1, 'NX', 'EX', ARGV[3]) then return 1 end
return 2
"""
)


@contextlib.contextmanager
def _released_on_failure(fresh: bool, client: str, parts, cache):
    try:
        yield
    except BaseException:
        if fresh:
            try:
                cache.delete(_duplicate_key(client, parts))
            except Exception:
                logger.warning("Could not release a duplicate marker after a failed write")
        raise


def first_visit_today(visitor: str, *, cache=None) -> bool:
    """Whether `visitor` (a client hash that includes the page or film) is new today.

    One set-if-absent in the cache that expires at midnight, when the salt changes anyway.
    """
    cache = cache or limits_cache()
    return cache.add(f"feedback:seen:{visitor}", 1, timeout=seconds_until_midnight())
