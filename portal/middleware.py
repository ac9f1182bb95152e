import logging

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.urls import NoReverseMatch, reverse

from portal import pagecache
from publishing import generation, outage

logger = logging.getLogger(__name__)

# Seconds a visitor's browser (or a load balancer) should wait before asking again.
RETRY_AFTER_SECONDS = 30


class PermissionsPolicyMiddleware:
    """Send a Permissions-Policy header: the site needs no camera, microphone or location."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


is_database_unavailable = outage.is_database_unavailable


def service_unavailable_response():
    """The Swedish 503 page. Rendered without a request: the database is what failed."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable_response(request, exception):
    """The 503 page for a lost database, logged as one line for this request.

    Django would log the 503 once more (with the traceback, for an exception raised outside
    a view); the line here says all of it, so the response is marked as logged.
    """
    outage.log_unavailable(
        "Database unavailable, answered 503 for %s %s",
        request.method,
        request.path,
        exception=exception,
    )
    response = service_unavailable_response()
    response._has_been_logged = True  # read by django.utils.log.log_response
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 "Tjänsten är tillfälligt otillgänglig" while the database is unreachable.

    Django opens connections per request and, with CONN_HEALTH_CHECKS, drops a broken one
    before reuse, so the next request after the database returns connects afresh: the site
    recovers by itself. Failures outside a view (in another middleware) reach handler500,
    which gives the same page (portal.views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        # One line, no traceback: an outage would otherwise flood the log.
        return database_unavailable_response(request, exception)


class PublicPageCacheMiddleware:
    """Serve rendered public pages to anonymous visitors from the shared cache.

    Placed high in MIDDLEWARE, right below the middleware that set security headers,
    compress and count page views (see settings): a hit is answered before sessions,
    authentication, messages, CSRF and the view run. The rules and the reasons are in
    portal/pagecache.py.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not pagecache.request_is_cacheable(request):
            response = self.get_response(request)
            self._invalidate_after_admin_write(request, response)
            return response

        try:
            query, dropped = pagecache.canonical_query(request)
            found = pagecache.lookup(request, query)
        except Exception:
            # A cache outage costs speed, never the page.
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)

        if found.entry is not None:
            # Parameters no page reads change nothing: the stored page is the answer.
            response = pagecache.response_from_entry(found.entry)
            response[pagecache.HIT_HEADER] = "hit"
            return pagecache.finish(request, response, found.entry)

        response = self.get_response(request)
        if dropped:
            return response  # rendered with unknown parameters: served, never stored
        entries = pagecache.entries_from_response(request, response)
        if entries is None:
            return response
        try:
            pagecache.store(found, entries)
        except Exception:
            logger.warning("Could not store page in the cache", exc_info=True)
            return response
        # The copy a hit would serve, so a miss sends the same bytes and headers.
        entry = entries[pagecache.variant(request)]
        response = pagecache.response_from_entry(entry)
        response[pagecache.HIT_HEADER] = "miss"
        return pagecache.finish(request, response, entry)

    @staticmethod
    def _invalidate_after_admin_write(request, response):
        """Any successful write through the admin may change public content.

        This catches what model signals miss, such as bulk actions built on
        QuerySet.update(), and stays true however the admin is extended.
        """
        if request.method in {"GET", "HEAD", "OPTIONS"} or response.status_code >= 400:
            return
        try:
            admin_prefix = reverse("admin:index")
        except NoReverseMatch:
            return
        if request.path.startswith(admin_prefix):
            generation.bump()
