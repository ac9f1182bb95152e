"""Server-side cache of rendered public pages, shared by all anonymous visitors.

Why our own small cache instead of Django's per-site cache middleware: every public page
carries the "Hjälpte denna information dig?" form with a CSRF token. Django's cache
middleware refuses to cache a response that sets the CSRF cookie for a cookie-less visitor
and varies on Cookie otherwise, so each visitor would get a private entry and nothing would
be shared. Here a page is stored with its per-request secrets (the CSRF token and the CSP
nonce) replaced by placeholders, and every response served from the cache gets fresh ones
made for the visitor who asks: one visitor never receives another's token, and the CSRF
middleware sets the visitor's own cookie exactly as for a freshly rendered page.

Which requests: GET, no Authorization header, no cookies except the CSRF cookie (any
session cookie means a logged-in editor, a preview or a flash message: never cached, never
served from the cache), and none of the query parameters that carry one visitor's state
(PAGE_CACHE_BYPASS_PARAMS, e.g. the feedback block's answer token). Which responses: 200,
not streaming, no cookie set by the view, no `Cache-Control: private/no-cache/no-store`
(views opt out with `never_cache`), `Vary` on nothing but Cookie.

Freshness, in three layers:
1. A cache "generation": every entry records the generation it was rendered in, and
   bumping the generation makes every stored page stale at once (one MGET reads both).
   It is bumped after any content model is saved or deleted (see `connect_signals`, for
   the management commands and shell) and after any successful write through the admin
   (see the middleware: that also covers bulk actions such as "Publicera markerade",
   which use `QuerySet.update()` and send no signals).
2. Scheduled publication: an entry is valid only until the next moment a published item
   appears or disappears (`published_at` / `unpublish_at` in the future), so scheduled
   content shows on time without a cron job, exactly as without the cache.
3. A ceiling, PAGE_CACHE_SECONDS (default 10 minutes), for anything else that changes with
   time or by a write that bypasses both (`QuerySet.update()` in code: call
   `bump_generation()` after it).

Several app processes must share one cache (REDIS_URL) for the generation to reach them all;
with the in-process default cache an edit reaches other processes within PAGE_CACHE_SECONDS.
"""

import functools
import hashlib
import hmac
import logging
import re
import secrets
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from publishing import registry
from publishing.models import Publishable

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CSRF_PLACEHOLDER = b"__pagecache_csrf_token__"
NONCE_PLACEHOLDER = b"__pagecache_csp_nonce__"
# Exactly what Django's {% csrf_token %} renders; the token is a masked 64-character secret.
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
HIT_HEADER = "X-Page-Cache"


def max_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


def content_apps() -> set[str]:
    """The apps whose saves change public pages: every content type's, and the tags."""
    return registry.content_app_labels() | {"taggit"}


# --- Generation ---------------------------------------------------------------------------


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # First use, or evicted: start a new generation (which also makes old pages stale).
        cache.add(GENERATION_KEY, _new_generation(), None)
        value = cache.get(GENERATION_KEY)
    return str(value)


def _new_generation() -> str:
    return secrets.token_hex(8)


def bump_generation() -> None:
    """Make every cached page stale, e.g. after content changed outside the ORM's save()."""
    try:
        cache.set(GENERATION_KEY, _new_generation(), None)
    except Exception:
        # A cache outage must not fail an editor's save; PAGE_CACHE_SECONDS bounds staleness.
        logger.warning("Could not invalidate the page cache", exc_info=True)


def _content_changed(sender, **kwargs):
    if sender._meta.app_label not in content_apps():
        return
    # Now, for a request in this process that reads inside the same transaction (and tests),
    # and again after commit: a visitor who rendered the old content between the first bump
    # and the commit must not leave it cached under the new generation.
    bump_generation()
    transaction.on_commit(bump_generation)


def connect_signals():
    """Invalidate on every save/delete of content, whichever code path writes it.

    This is cache bookkeeping, not business logic, so a signal is the right tool: it reaches
    the admin, management commands (load_demo_content) and the shell alike. Tags are saved as
    taggit rows (m2m through models), hence m2m_changed and the taggit app.
    """
    post_save.connect(_content_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="pagecache-m2m")


# --- Scheduled publication ----------------------------------------------------------------


def next_scheduled_change(now=None):
    """The next moment a published item appears or disappears, or None."""
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


def valid_until(gen: str) -> float:
    """Unix time until which a page rendered now stays correct, for this generation."""
    now = timezone.now()
    key = f"pagecache:next-change:{gen}"
    change = cache.get(key)
    if change is None or (change and change <= now.timestamp()):
        moment = next_scheduled_change(now)
        change = moment.timestamp() if moment else 0  # 0: nothing scheduled
        cache.set(key, change, max_seconds())
    ceiling = now.timestamp() + max_seconds()
    return min(ceiling, change) if change else ceiling


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


def page_key(request) -> str:
    # Scheme and host too: canonical links and feeds contain absolute addresses.
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"pagecache:page:{release()}:{address}"


def lookup(request):
    """(key, current generation, valid stored entry or None), in one cache round trip."""
    key = page_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    gen = found.get(GENERATION_KEY)
    if gen is None:
        gen = generation()
    entry = found.get(key)
    if entry is not None and (
        entry["generation"] != gen or entry["until"] <= timezone.now().timestamp()
    ):
        entry = None  # stale: rendered before the last change, or past a scheduled one
    return key, gen, entry


def _vary_ok(response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= {"cookie"}


def entry_from_response(request, response, gen):
    """What to store for this response, or None when it must not be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return None
    if not _vary_ok(response):
        return None
    content = response.content
    uses_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if uses_csrf:
        tokens = set(CSRF_INPUT.findall(content))
        if not tokens:
            # The token went somewhere we cannot see: do not share this page.
            return None
        for token in tokens:
            content = content.replace(token, CSRF_PLACEHOLDER)
    nonce = get_nonce(request)
    uses_nonce = bool(nonce)  # LazyNonce is truthy only once a template used it
    if uses_nonce:
        content = content.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in {"content-length", "vary", "set-cookie"}
    ]
    return {
        "content": content,
        "headers": headers,
        "csrf": uses_csrf,
        "nonce": uses_nonce,
        "digest": hashlib.sha256(content).hexdigest()[:32],
        "generation": gen,
        "until": 0.0,  # set by the caller: see valid_until()
    }


def response_from_entry(request, entry):
    """A response for this visitor: their own CSRF token and CSP nonce, fresh each time."""
    content = entry["content"]
    if entry["csrf"]:
        # get_token() also makes the CSRF middleware set this visitor's cookie and Vary.
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    if entry["nonce"]:
        content = content.replace(NONCE_PLACEHOLDER, str(get_nonce(request)).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    return response


def etag_for(request, entry) -> str | None:
    """An ETag from the page's content and, if it has a form, the visitor's CSRF secret.

    With the secret in the tag, a 304 is only given to a browser whose stored copy holds a
    token for the cookie it sends now, so a form from the browser cache still posts. Pages
    with a CSP nonce get no ETag: a 304 would pair the old inline-script nonce with a header
    that does not list it.
    """
    if entry["nonce"]:
        return None
    tag = entry["digest"]
    if entry["csrf"]:
        secret = request.META.get("CSRF_COOKIE", "")
        mac = hmac.new(settings.SECRET_KEY.encode(), secret.encode(), hashlib.sha256)
        tag = hashlib.sha256(f"{tag}:{mac.hexdigest()}".encode()).hexdigest()[:32]
    return f'"{tag}"'


def finish(request, response, entry):
    """Conditional GET and browser caching rules, shared by hits and misses."""
    etag = etag_for(request, entry)
    if etag and not response.has_header("ETag"):
        response["ETag"] = etag
    # The browser may keep the page but must ask again each time (a cheap 304); shared
    # caches must not store it, since it can carry a visitor's own CSRF cookie.
    patch_cache_control(response, private=True, no_cache=True)
    if etag:
        return get_conditional_response(request, etag=etag, response=response)
    return response
