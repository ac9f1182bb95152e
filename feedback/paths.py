"""Which page feedback is about: a path on this site that a visitor can actually see.

Feedback, the redirect after it and the page-view counts all take a path from the
request. It is only trusted after `page_exists` has resolved it with the site's own
URL configuration to one of the HTML pages visitors see (publishing.registry's visitor
pages) and, for pages backed by content, found the published object. Query strings are
never part of it.
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404

from publishing import generation, registry

# The not-found page has no address of its own; feedback given there is filed here.
# No route ends without a slash, so this key never collides with a real page.
NOT_FOUND_PAGE = "/404"

MAX_PATH_LENGTH = 300

# Areas that are not public pages: no feedback block, no view counting.
NON_PUBLIC_PREFIXES = ("/admin/", "/static/", "/media/", "/aterkoppling/", "/ut/")


# Control characters and backslashes (which browsers read as slashes) have no place in a path.
UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")


def normalise_path(value) -> str | None:
    """A site-relative path from a form field or request, or None if it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_PATH_LENGTH:
        return None
    if UNSAFE.search(value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//"):
        return None
    return path


def is_public_path(path: str) -> bool:
    return not path.startswith(NON_PUBLIC_PREFIXES)


def page_exists(path: str | None) -> bool:
    """Whether `path` is a public page of this site that a visitor can see right now."""
    if not path or not is_public_path(path):
        return False
    try:
        match = registry.resolved(path)
    except Resolver404:
        return False
    # Pages that show one object answer 404 when it is missing or unpublished; the same
    # test decides whether the page exists (publishing.registry). The answer changes only
    # with published content: remembered per content generation.
    return generation.remember(f"page-exists:{path}", lambda: registry.visible_page_exists(match))


def is_rendering_visitor_page(request) -> bool:
    """Whether `request` is a visitor page's own view at work (not a preview, not an error)."""
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and not getattr(request, "is_preview", False)
        and is_public_path(request.path)
        and registry.is_visitor_page(match)
    )


def feedback_page_for(path: str) -> str:
    """The page key the feedback block on `path` posts: the path, or the not-found page."""
    path = normalise_path(path)
    return path if page_exists(path) else NOT_FOUND_PAGE


def is_valid_feedback_page(page: str | None) -> bool:
    return page == NOT_FOUND_PAGE or page_exists(page)
