"""Server-side cache of rendered public pages, shared by all anonymous visitors.

Public pages carry no per-visitor secret: the "Hjälpte denna information dig?" forms are
protected by Fetch Metadata and Origin (publishing/cross_site.py), not a CSRF token, and no
public template uses the CSP nonce (scripts are static files). So a cached page is the same
bytes for everyone and is served like a static file: by `PublicPageCacheMiddleware`, placed
high in MIDDLEWARE (see settings), before sessions, authentication, messages and the view
run; the security headers and page-view counting above it still apply to every hit. The
entry is stored once as it is and once gzip-compressed, with an ETag and Last-Modified for
conditional GETs, and `Cache-Control: public` with a short max-age and s-maxage so a CDN or
reverse proxy in front may keep it too (never past the next scheduled change).

Why not Django's own cache middleware (UpdateCacheMiddleware/FetchFromCacheMiddleware),
now that pages need no rewriting: it keys on the whole query string (so `?x=1..N` fills
the cache), knows only a fixed timeout (not the generation bump on publish or the next
scheduled publication below), and compresses nothing ahead. What is left here is those
three rules and a few lines of serving.

Which requests: GET, no Authorization header, no cookies except an old CSRF cookie (a
session cookie means a logged-in editor, a preview or a flash message: never cached, never
served from the cache), and none of the query parameters that carry one visitor's state
(PAGE_CACHE_BYPASS_PARAMS, e.g. the feedback block's answer token). The key holds only the
query parameters the page reads (its view declares them: page, q, the facets), so
`?x=1`, `?x=2`, ... cannot fill the cache: with any other parameter a stored page is
served, and a page that is not stored is rendered but not stored. Which responses: 200,
not streaming, no cookie set, no CSP nonce used, no `Cache-Control: private/no-cache/
no-store` (views opt out with `never_cache`), no `Vary`.

Freshness, in three layers:
1. The content generation (publishing/generation.py): every entry is stored under the
   generation it was rendered in, and a new generation, started after any content change,
   makes every stored page stale at once. With Redis one script reads the generation and
   the page stored for it (`lookup`): one round trip.
2. Scheduled publication: an entry is kept (the cache's own expiry) only until the next
   moment a published item appears or disappears (`published_at` / `unpublish_at` in the
   future), so scheduled content shows on time without a cron job, exactly as without
   the cache.
3. A ceiling, PAGE_CACHE_SECONDS (default 10 minutes), for anything else that changes with
   time or by a write that bypasses both (`QuerySet.update()` in code: call
   `publishing.generation.bump()` after it).

Near copies: with Redis, each process also keeps the pages it served lately in its own
memory (`NearCopies`, PAGE_CACHE_NEAR_BYTES, 1 MB) and serves them without a round trip for
GENERATION_RECHECK_SECONDS (1 s) after it last read the generation from Redis. A hit on a page
much visited then costs what a static file costs (bench/README.md). The price: a change saved
through another process reaches this one up to that second later; the process that saved it
knows at once (publishing.generation.bump), and editors never see cached pages.

Several app processes must share one cache (REDIS_URL) for the generation to reach them all;
with the in-process default cache an edit reaches other processes within PAGE_CACHE_SECONDS.
"""

import dataclasses
import functools
import gzip
import hashlib
import logging
import re
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.urls import Resolver404
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from publishing import generation, rediscalls, registry

logger = logging.getLogger(__name__)

HIT_HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers of the stored response that are not replayed: set per response or by middleware.
NOT_STORED = {"content-length", "vary", "set-cookie", "content-encoding", "etag", "last-modified"}


def max_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


# The generation (publishing/generation.py) and the next scheduled change bound every entry.
def valid_until(gen: str) -> float:
    """Unix time until which a page rendered now stays correct, for this generation."""
    return generation.valid_until(gen, max_seconds())


# --- Near copies -------------------------------------------------------------------------


class NearCopies:
    """Pages this process served or stored lately, each under the generation it belongs to.

    Bounded by size (PAGE_CACHE_NEAR_BYTES), least recently served dropped first. A copy is
    served only while its generation is the one this process read from Redis within
    GENERATION_RECHECK_SECONDS (`lookup`), so a hit on a page much visited costs no round
    trip.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: OrderedDict[str, tuple[str, dict, int]] = OrderedDict()
        self.bytes = 0

    def get(self, key: str, gen: str) -> dict | None:
        with self.lock:
            found = self.entries.get(key)
            if found is None or found[0] != gen:
                return None
            self.entries.move_to_end(key)
            return found[1]

    def put(self, key: str, gen: str, entry: dict) -> None:
        limit = int(getattr(settings, "PAGE_CACHE_NEAR_BYTES", 1024 * 1024))
        size = len(entry["content"]) + NEAR_OVERHEAD
        if size > limit:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old[2]
            self.entries[key] = (gen, entry, size)
            self.bytes += size
            while self.bytes > limit:
                _, (_, _, dropped) = self.entries.popitem(last=False)
                self.bytes -= dropped

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.bytes = 0


# What a copy holds besides its content (headers, key, bookkeeping), estimated.
NEAR_OVERHEAD = 1024
near = NearCopies()


# --- Requests and responses ---------------------------------------------------------------


def request_is_cacheable(request) -> bool:
    if request.method != "GET" or max_seconds() <= 0:
        return False
    excluded = getattr(
        settings, "PAGE_CACHE_EXCLUDED_PATHS", ["/admin/", "/healthz", "/__bench__/"]
    )
    if any(request.path.startswith(prefix) for prefix in excluded):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    bypass = getattr(settings, "PAGE_CACHE_BYPASS_PARAMS", [])
    if any(param in request.GET for param in bypass):
        return False
    allowed = set(getattr(settings, "PAGE_CACHE_ALLOWED_COOKIES", [settings.CSRF_COOKIE_NAME]))
    return set(request.COOKIES) <= allowed


def query_params(request) -> frozenset[str]:
    """The query parameters the requested page reads, as its view declares them."""
    try:
        match = registry.resolved(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return frozenset()
    # Kept where Django keeps it: on a hit no view runs, and page-view counting above
    # needs the match too (a view that does run sets it again).
    request.resolver_match = match
    return registry.query_params(match)


def canonical_query(request) -> tuple[str, bool]:
    """The query string of the parameters the page reads, sorted; and whether any were dropped."""
    known = query_params(request)
    kept = sorted((name, request.GET.getlist(name)) for name in request.GET if name in known)
    dropped = any(name not in known for name in request.GET)
    return urlencode(kept, doseq=True), dropped


@functools.cache
def release() -> str:
    """This deployment's code: pages rendered by another release are never served.

    RELEASE (e.g. the git commit the deploy sets) if given, else a digest of the project's
    own Python and template files and the static manifest. During a rolling deploy, old and
    new processes share the cache without serving each other's pages (which would point at
    static file names the other release may not have).
    """
    if getattr(settings, "PAGE_CACHE_RELEASE", ""):
        return settings.PAGE_CACHE_RELEASE
    base = Path(settings.BASE_DIR)
    roots = {Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])}
    roots |= {Path(c.path) for c in apps.get_app_configs() if Path(c.path).is_relative_to(base)}
    digest = hashlib.sha256()
    for root in sorted(roots):
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".xml"} and "migrations" not in path.parts:
                digest.update(str(path.relative_to(base)).encode() + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or base / "staticfiles") / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def page_key(request, query: str) -> str:
    """The key of this page without its generation: `page_key(...) + generation` is stored.

    With the generation in the key, an entry of an older generation is never even read, and
    its expiry (the entry's validity, below) is the cache's own.
    """
    # Scheme and host too: canonical links and feeds contain absolute addresses.
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"pagecache:page:{release()}:{digest}:"


@dataclasses.dataclass
class Lookup:
    key: str  # where to store the page rendered now (each copy adds its suffix)
    generation: str
    entry: dict | None  # the stored page, or None on a miss
    near_key: str = ""  # this page and copy in this process's near copies (with Redis)
    variant: str = ""  # which copy the request reads (PLAIN or GZIP), kept near when stored


# With Redis: the generation and the page stored for it, in one round trip. The page's key
# is built here from the generation just read, so it is not among KEYS: fine on one Redis
# server, not on a cluster.
LOOKUP = """
local gen = redis.call('GET', KEYS[1])
if not gen then return {} end
return {gen, redis.call('GET', ARGV[1] .. gen .. ARGV[2])}
"""


def lookup(request, query: str) -> Lookup:
    """The current generation and the page stored for it: from this process's near copies
    while it has read the generation lately, else in one round trip to Redis."""
    key, suffix = page_key(request, query), variant(request)
    pages = caches["default"]
    client = rediscalls.client(pages)
    if client is None:
        gen = generation.current()
        return Lookup(key + gen, gen, fresh(pages.get(key + gen + suffix)))
    near_key = key + suffix
    gen = generation.trusted()
    if gen is not None:
        entry = fresh(near.get(near_key, gen))
        if entry is not None:
            generation.seed(gen)
            return Lookup(key + gen, gen, entry, near_key, suffix)
    changes = generation.changes()
    found = rediscalls.script(client, LOOKUP)(
        keys=[pages.make_key(generation.KEY)], args=[pages.make_key(key), suffix]
    )
    if not found:  # no generation yet (first use, or evicted): start one
        gen = generation.current()
        return Lookup(key + gen, gen, None, near_key, suffix)
    gen = found[0].decode()
    generation.saw(gen, changes)
    # What the page remembers per generation (publishing.generation.remember) and the page
    # stored below must belong to the same generation.
    generation.seed(gen)
    entry = pages.client.decode(found[1]) if len(found) > 1 and found[1] is not None else None
    if entry is not None:
        near.put(near_key, gen, entry)
    return Lookup(key + gen, gen, fresh(entry), near_key, suffix)


def store(found: Lookup, entries: dict[str, dict]) -> None:
    """Store each copy of a page rendered now, until it may no longer be correct."""
    until = valid_until(found.generation)
    for entry in entries.values():
        entry["until"] = until
    caches["default"].set_many(
        {found.key + suffix: entry for suffix, entry in entries.items()},
        until - timezone.now().timestamp(),
    )
    if found.near_key:
        near.put(found.near_key, found.generation, entries[found.variant])


def fresh(entry):
    """The entry unless a scheduled change has passed: the cache's expiry says the same,
    but by its own clock (Redis's), and this one is the clock the page was rendered by."""
    return entry if entry is not None and entry["until"] > timezone.now().timestamp() else None


def variant(request) -> str:
    """Which stored copy a request gets: the compressed one if the browser accepts gzip."""
    return GZIP if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else PLAIN


PLAIN, GZIP = "", ":gz"  # key suffixes: each copy is a cache entry of its own, read alone


def entries_from_response(request, response) -> dict[str, dict] | None:
    """What to store for this response, per variant, or None when it must not be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return None
    if response.has_header("Vary") or response.has_header("Content-Encoding"):
        return None  # depends on something about the visitor (e.g. a session was read)
    if get_nonce(request):
        return None  # the page uses this request's CSP nonce (LazyNonce is truthy once used)
    content = response.content
    compressed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) > 200 else None
    if compressed is not None and len(compressed) >= len(content):
        compressed = None
    common = {
        "headers": [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in NOT_STORED
        ],
        "digest": hashlib.sha256(content).hexdigest()[:32],
        "modified": int(timezone.now().timestamp()),
        "vary": compressed is not None,  # the answer depends on Accept-Encoding
        "until": 0.0,  # set by the caller: see valid_until()
    }
    return {
        PLAIN: {**common, "content": content, "gzip": False},
        GZIP: {**common, "content": compressed or content, "gzip": compressed is not None},
    }


def response_from_entry(entry):
    """The stored copy as a response."""
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    if entry["gzip"]:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(entry["content"]))
    return response


def finish(request, response, entry):
    """Validators, shared-cache rules and conditional GET, the same for hits and misses."""
    etag = f'"{entry["digest"]}"'
    # GZipMiddleware (above this one) marks a tag weak when it compresses; do the same for
    # a stored compressed copy, so both paths send the same validator.
    response["ETag"] = f"W/{etag}" if response.get("Content-Encoding") == "gzip" else etag
    response["Last-Modified"] = http_date(entry["modified"])
    remaining = max(0, int(entry["until"] - timezone.now().timestamp()))
    browser = int(getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60))
    shared = int(getattr(settings, "PAGE_CACHE_SHARED_SECONDS", 300))
    response["Cache-Control"] = (
        f"public, max-age={min(browser, remaining)}, s-maxage={min(shared, remaining)}"
    )
    if entry["vary"]:
        patch_vary_headers(response, ["Accept-Encoding"])
    return get_conditional_response(
        request, etag=etag, last_modified=entry["modified"], response=response
    )
