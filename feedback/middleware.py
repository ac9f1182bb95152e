"""Count page views per page and day, and unique visitors, without cookies.

A visitor is recognised only within one day and one page: a keyed hash of IP address,
user agent and path, with a key that includes the date (never stored, gone at
midnight). The count goes to the cache (feedback/viewcounts.py: with Redis a counter and
a HyperLogLog, which keeps no identifier) and reaches the database, as the day's two
numbers per page, when the statistics are read or flush_view_counts runs.

The site search says on its response what was searched for and how much it found
(publishing/searchreport.py); the same rules decide whether that search is counted, as a
redacted term with no visitor attached (feedback/searchterms.py), and the report is taken
off every response before it leaves.

Placed above the page cache in MIDDLEWARE, so pages served from the cache are counted too.
With Redis a count costs no round trip: each process sends its counts together about once
a second (feedback/pending.py).
"""

import functools
import logging
import re

from django.conf import settings
from django.urls import Resolver404

from feedback import abuse, paths, searchterms, services
from feedback.models import PageViewDay
from publishing import outage, registry, searchreport

logger = logging.getLogger(__name__)

# Crawlers, link previews, monitors and scripted clients. An empty user agent counts as a bot.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|"
    r"lighthouse|pagespeed|pingdom|uptime|monitor|check_http|curl|wget|python|httpx|"
    r"aiohttp|go-http-client|java/|okhttp|libwww|scrapy|phantomjs|selenium|playwright",
    re.IGNORECASE,
)
# Query parameters that mean "not an ordinary visit": a staff preview, or the page
# shown again after answering the feedback question.
SKIP_PARAMS = ("preview", "forhandsvisning", "aterkoppling")


def is_bot(request) -> bool:
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if len(user_agent) > MAX_REMEMBERED_AGENT:
        return is_bot_agent.__wrapped__(user_agent)  # matched, not kept
    return is_bot_agent(user_agent)


# The answer for a user agent seen lately is remembered: matching the pattern took 29 us,
# a tenth of a page served from the cache, and most visitors come with a few agents. Bounded
# in number and length, since visitors write the header.
MAX_REMEMBERED_AGENT = 512


@functools.lru_cache(maxsize=1024)
def is_bot_agent(user_agent: str) -> bool:
    return not user_agent or bool(BOT_RE.search(user_agent))


def should_count(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    return request_counts(request)


def request_counts(request) -> bool:
    """The rules about the request alone: a visitor reading one of the site's pages."""
    if request.method != "GET":
        return False
    if not paths.is_public_path(request.path) or is_bot(request):
        return False
    # Only the HTML pages visitors see.
    match = getattr(request, "resolver_match", None)
    if match is None:  # no view ran and the page cache did not resolve it either
        try:
            match = registry.resolved(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return False
    if not registry.is_visitor_page(match):
        return False
    if any(param in request.GET for param in SKIP_PARAMS):
        return False
    # Editors looking at the site are not visitors. Without a session cookie nobody is
    # signed in, so an anonymous visitor's request.user is never worked out here.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated and user.is_staff)


def _view(request) -> dict:
    """What record_view takes for this request."""
    return {
        "kind": PageViewDay.Kind.PAGE,
        "key": request.path[: paths.MAX_PATH_LENGTH],
        "visitor": abuse.client_hash(
            request, purpose="view", with_user_agent=True, extra=request.path
        ),
    }


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        search = searchreport.take(response)
        # Counting must never cost a visitor the page. It goes to the cache only, so a
        # database outage does not stop it; any failure is one line in the log.
        try:
            if not should_count(request, response):
                return response
            if search is not None:
                searchterms.record(query=search[0], results=search[1])
            services.record_view(**_view(request))
        except Exception as exc:
            if outage.is_database_unavailable(exc):
                outage.log_unavailable(
                    "Page view not counted for %s",
                    request.path,
                    exception=exc,
                    level=logging.WARNING,
                )
            else:
                logger.exception("Could not count a page view")
        return response
