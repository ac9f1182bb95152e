"""The generation of the published content: one token that changes whenever content does.

Much of what a public page shows is the same for every visitor and changes only when an
editor saves something: the navigation, counts, "Senast uppdaterad", the filters' counts.
Rather than asking the database on every request, such values are computed once per
generation (`remember`) and kept in this process until the generation changes or a
scheduled publication makes them stale. The rendered-page cache (portal/pagecache.py)
keys its pages on the same generation.

The token lives in the shared cache (Redis when REDIS_URL is set), so a save in one app
process reaches every other one. It is bumped after any content model is saved or deleted
(`connect_signals`, for the admin, management commands and the shell alike) and by the
page cache middleware after any successful write through the admin (bulk actions built on
`QuerySet.update()` send no signals). Code that writes with `QuerySet.update()` elsewhere
calls `bump()` after it.

Within one request the token is read once: every value a page remembers, and the page the
page cache stores, belong to the same generation.
"""

import logging
import secrets
import sys
import threading
import time
import types
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from publishing import registry

logger = logging.getLogger(__name__)

KEY = "publishing:generation"
# Values remembered per process at most (facet counts are kept per filter combination).
MEMO_SIZE = 1000
# ... and the memory they may hold together, estimated (`size_of`). Some keys come from
# visitors (a search's words, a list's filters), so the count alone would let a crawler fill
# every worker with a thousand search results; fragments and counts for the whole demo
# content take about 0.5 MB (bench/README.md, "Worker memory").
MEMO_BYTES = 4 * 1024 * 1024
# However long a generation lasts, a remembered value is recomputed after this long.
LONGEST_SECONDS = 3600

_request = threading.local()
# The generation this process last read from the shared cache, and when (time.monotonic()):
# trusted for GENERATION_RECHECK_SECONDS, so neither remembered values nor the page cache's
# near copies (portal/pagecache.py) ask the shared cache on every request.
_seen: tuple[str | None, float] = (None, 0.0)
_changes = 0  # generations this process started (`bump`)
_memo: dict[str, tuple[str, float, Any, int]] = {}  # name: (generation, until, value, size)
_memo_bytes = 0  # the sizes in _memo, added up
_memo_lock = threading.Lock()


def content_apps() -> set[str]:
    """The apps whose saves change public pages: every content type's, and the tags."""
    return registry.content_app_labels() | {"taggit"}


def _read() -> str:
    known = trusted()
    if known is not None:
        return known
    changes = _changes
    value = cache.get(KEY)
    if value is None:
        # First use, or evicted: start a new generation (which also makes old pages stale).
        cache.add(KEY, _new(), None)
        value = cache.get(KEY)
    saw(value, changes)
    return str(value)


def _new() -> int:
    # A number, not text: Redis keeps it as plain digits (django-redis pickles anything
    # else), so the page cache's lookup script can put it into a key as it reads it.
    return secrets.randbits(62)


def current() -> str:
    """The generation now; inside a request, the one read first in that request."""
    if getattr(_request, "active", False):
        if _request.value is None:
            _request.value = _read()
        return _request.value
    return _read()


def seed(value: str) -> None:
    """Use `value`, just read from the cache by the caller, for the rest of this request."""
    if getattr(_request, "active", False):
        _request.value = str(value)


def changes() -> int:
    """How many generations this process has started: read it before reading the cache."""
    return _changes


def saw(value: str, changes_before: int) -> None:
    """Note that this process has just read `value` as the generation from the shared cache,
    unless it started a new one itself since `changes_before` (what was read is then old)."""
    global _seen
    if changes_before == _changes:
        _seen = (str(value), time.monotonic())


def trusted() -> str | None:
    """The generation this process read less than GENERATION_RECHECK_SECONDS ago, else None.

    Used as it is, without asking the shared cache again: a change saved in another process
    reaches this one up to that long after (the price of a round trip less per request);
    one saved in this process is known at once (`bump`).
    """
    value, at = _seen
    seconds = getattr(settings, "GENERATION_RECHECK_SECONDS", 1.0)
    return value if value is not None and time.monotonic() - at < seconds else None


def forget_seen() -> None:
    """Ask the shared cache next time (tests, after emptying it behind this module's back)."""
    global _seen
    _seen = (None, 0.0)


def bump() -> None:
    """Make every cached page and remembered value stale."""
    value = _new()
    if getattr(_request, "active", False):
        _request.value = str(value)
    try:
        cache.set(KEY, value, None)
    except Exception:
        # A cache outage must not fail an editor's save; the page cache's ceiling and
        # LONGEST_SECONDS bound how long anything stays stale.
        logger.warning("Could not start a new content generation", exc_info=True)
    finally:
        # This process knows of its own change at once: it asks the shared cache again next
        # time, and a read that began before the write above is not trusted (`saw`).
        global _changes
        _changes += 1
        forget_seen()


def _request_started(**kwargs):
    _request.active = True
    _request.value = None


def _request_finished(**kwargs):
    _request.active = False
    _request.value = None


def _content_changed(sender, **kwargs):
    if sender._meta.app_label not in content_apps():
        return
    # Now, for a request in this process that reads inside the same transaction (and tests),
    # and again after commit: a visitor who rendered the old content between the first bump
    # and the commit must not leave it cached under the new generation.
    bump()
    transaction.on_commit(bump)


def connect_signals():
    """Bump on every save/delete of content, whichever code path writes it.

    This is cache bookkeeping, not business logic, so a signal is the right tool: it reaches
    the admin, management commands (load_demo_content) and the shell alike. Tags are saved as
    taggit rows (m2m through models), hence m2m_changed and the taggit app.
    """
    post_save.connect(_content_changed, dispatch_uid="generation-save")
    post_delete.connect(_content_changed, dispatch_uid="generation-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="generation-m2m")
    request_started.connect(_request_started, dispatch_uid="generation-request-started")
    request_finished.connect(_request_finished, dispatch_uid="generation-request-finished")


# --- Scheduled publication ----------------------------------------------------------------


def next_scheduled_change(now=None):
    """The next moment a published item appears or disappears, or None."""
    from publishing.models import Publishable

    now = now or timezone.now()
    moments = []
    for content_type in registry.publishable():
        model = content_type.model
        found = model._default_manager.filter(status=Publishable.Status.PUBLISHED).aggregate(
            appears=Min("published_at", filter=Q(published_at__gt=now)),
            disappears=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
        )
        moments += [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def valid_until(gen: str, ceiling_seconds: int = LONGEST_SECONDS, now=None) -> float:
    """Unix time until which what is computed from `now` on stays correct, for this generation."""
    now = now or timezone.now()
    key = f"pagecache:next-change:{gen}"
    change = cache.get(key)
    if change is None or (change and change <= now.timestamp()):
        moment = next_scheduled_change(now)
        change = moment.timestamp() if moment else 0  # 0: nothing scheduled
        cache.set(key, change, ceiling_seconds)
    ceiling = now.timestamp() + ceiling_seconds
    return min(ceiling, change) if change else ceiling


# --- Values remembered per generation -----------------------------------------------------


def remember(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, or what it gave earlier in this process for the same generation.

    For values that are the same for every visitor and depend only on published content:
    never for anything a preview, a draft or a visitor's own input changes (a visitor's
    filter choices may be part of `name`). The value is shared by every request in this
    process until the next content change or scheduled publication, so it must not be
    mutated by the caller.
    """
    try:
        gen = current()
    except Exception:
        logger.warning("Could not read the content generation", exc_info=True)
        return compute()
    now = timezone.now()
    found = _memo.get(name)
    if found is not None and found[0] == gen and found[1] > now.timestamp():
        return found[2]
    value = compute()
    try:
        # Read from the moment before compute(): an item that appeared while it ran is then
        # a change still to come, and the value expires with it.
        until = valid_until(gen, now=now)
    except DatabaseError:
        # The database is gone: the request's own queries report it (one line per 503).
        return value
    except Exception:
        logger.warning("Could not read the next scheduled change", exc_info=True)
        return value
    size = sys.getsizeof(name) + size_of(value)
    if size > MEMO_BYTES // 8:
        return value  # one value must not push out a large part of the others
    _store(name, (gen, until, value, size))
    return value


def _store(name: str, entry: tuple[str, float, Any, int]) -> None:
    global _memo_bytes
    with _memo_lock:
        replaced = _memo.pop(name, None)
        if replaced is not None:
            _memo_bytes -= replaced[3]
        _memo[name] = entry
        _memo_bytes += entry[3]
        while len(_memo) > MEMO_SIZE or _memo_bytes > MEMO_BYTES:
            # The oldest entry first (dicts keep insertion order): cheap and good enough.
            _memo_bytes -= _memo.pop(next(iter(_memo)))[3]


def size_of(value: Any, _seen: set[int] | None = None, _depth: int = 0) -> int:
    """Bytes that `value` and what it holds take, estimated (for the memo's budget).

    Follows containers, dataclasses and model instances (their attributes) a few levels down,
    each object once; classes, functions and modules are shared with the rest of the process
    and not counted.
    """
    seen = set() if _seen is None else _seen
    if id(value) in seen or isinstance(value, _SHARED):
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if _depth >= 8 or isinstance(value, str | bytes | int | float | bool | None):
        return size
    if isinstance(value, dict):
        children = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple | set | frozenset):
        children = list(value)
    else:
        attributes = getattr(value, "__dict__", None)
        children = list(attributes.values()) if isinstance(attributes, dict) else []
        size += sys.getsizeof(attributes) if attributes is not None else 0
    return size + sum(size_of(child, seen, _depth + 1) for child in children)


_SHARED = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)
