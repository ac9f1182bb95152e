from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.functional import SimpleLazyObject

from portal.models import SiteLink
from portal.sitelinks import published_links, published_texts
from publishing.params import positive_int


def _marked(links, path):
    """The links with the visitor's current page (aria-current="page") or section ("true")."""
    items = []
    for link in links:
        _place, label, url = link
        if path == url:
            current = "page"
        elif url.startswith("/") and url != "/" and path.startswith(url):
            current = "true"
        else:
            current = ""
        items.append({"label": label, "url": url, "current": current})
    return items


def site(request):
    """Site name, main menu and footer links (SiteLink) and the texts around every page
    (SiteText), edited in the admin.

    They are read only when a template shows them: the admin's pages never do.
    """
    path = getattr(request, "path", "")
    links = SimpleLazyObject(published_links)

    def in_place(place):
        return SimpleLazyObject(lambda: _marked([link for link in links if link[0] == place], path))

    main_menu = in_place(SiteLink.Place.MAIN_MENU)
    footer_links = in_place(SiteLink.Place.FOOTER)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "main_menu": main_menu,
        "footer_links": footer_links,
        "site_texts": SimpleLazyObject(published_texts),
        # Which link is current is all that differs between pages: the menus are rendered
        # once per content generation and key ({% remembered %} in base.html).
        "main_menu_key": SimpleLazyObject(lambda: _current_marks(main_menu)),
        "footer_links_key": SimpleLazyObject(lambda: _current_marks(footer_links)),
        "canonical_url": canonical_url(request),
    }


def _current_marks(items) -> str:
    """E.g. "-p--": the second link is the current page; "t" marks the current section."""
    return "".join({"page": "p", "true": "t"}.get(item["current"], "-") for item in items)


def canonical_url(request):
    """The page's address on the public site: no query string except a page number."""
    if not hasattr(request, "path"):
        return ""
    url = settings.SITE_URL.rstrip("/") + iri_to_uri(request.path)
    page = positive_int(request.GET.get("page"), 1)
    if page > 1:
        url += f"?page={page}"
    return url
