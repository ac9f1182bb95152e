"""Which page feedback is about: a path on this site that a visitor can actually see.

Feedback, the redirect after it and the page-view counts all take a path from the
request. It is only trusted after `page_exists` has resolved it with the site's own
URL configuration to one of the HTML pages visitors see (VISITOR_PAGES) and, for pages
backed by content, found the published object. Query strings are never part of it.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

# The not-found page has no address of its own; feedback given there is filed here.
# No route ends without a slash, so this key never collides with a real page.
NOT_FOUND_PAGE = "/404"

MAX_PATH_LENGTH = 300

# Areas that are not public pages: no feedback block, no view counting.
NON_PUBLIC_PREFIXES = ("/admin/", "/static/", "/media/", "/aterkoppling/")


def normalise_path(value) -> str | None:
    """A site-relative path from a form field or request, or None if it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_PATH_LENGTH:
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in value) or "\\" in value:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//"):
        return None
    return path


def _published_page(slug):
    from portal.models import Page

    return Page.objects.published().filter(slug=slug).exists()


def _published_initiative(slug):
    from initiatives.models import Initiative

    return Initiative.objects.published().filter(slug=slug).exists()


def _category(slug):
    from resources.models import Category

    return Category.objects.filter(slug=slug).exists()


def _tag_with_published_content(slug):
    from initiatives.models import Initiative
    from resources.models import Resource

    return (
        Initiative.objects.published().filter(tags__slug=slug).exists()
        or Resource.objects.published().filter(tags__slug=slug).exists()
    )


# The HTML pages visitors see, by view name: only these take feedback and count views.
# Anything else a path may resolve to (open-data files, robots.txt, the feeds, the
# sitemap, the feedback endpoints) is not a page. Views that show one object answer 404
# when it is missing or unpublished; the same test, given here, decides whether the page
# exists. None: a page without an object (start page, lists), there whenever it resolves.
VISITOR_PAGES = {
    "portal:home": None,
    "portal:page": _published_page,
    "portal:tag_list": None,
    "portal:tag": _tag_with_published_content,
    "portal:search": None,
    "portal:open_data": None,
    "initiatives:list": None,
    "initiatives:detail": _published_initiative,
    "resources:category_list": None,
    "resources:list": None,
    "resources:category": _category,
}


def is_visitor_page(view_name: str | None) -> bool:
    """Whether a view (by its name, e.g. "initiatives:list") is a page visitors see."""
    return view_name in VISITOR_PAGES


def is_public_path(path: str) -> bool:
    return not path.startswith(NON_PUBLIC_PREFIXES)


def page_exists(path: str | None) -> bool:
    """Whether `path` is a public page of this site that a visitor can see right now."""
    if not path or not is_public_path(path):
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if not is_visitor_page(match.view_name):
        return False
    check = VISITOR_PAGES[match.view_name]
    return check(**match.kwargs) if check else True


def feedback_page_for(path: str) -> str:
    """The page key the feedback block on `path` posts: the path, or the not-found page."""
    path = normalise_path(path)
    return path if page_exists(path) else NOT_FOUND_PAGE


def is_valid_feedback_page(page: str | None) -> bool:
    return page == NOT_FOUND_PAGE or page_exists(page)
