from django.conf import settings
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from publishing.params import positive_int

# The four entry points of the site, as the final report (2.4) describes them.
MAIN_MENU = [
    ("Introduktion till AI", "portal:page", {"slug": "introduktion-till-ai"}),
    ("AI-initiativ", "initiatives:list", {}),
    ("Stöd och verktyg", "resources:category_list", {}),
    ("Nätverk och forum", "portal:page", {"slug": "natverk-och-forum"}),
]


def site(request):
    """Site name and main menu, with the visitor's current section marked."""
    path = getattr(request, "path", "")
    menu = []
    for label, name, kwargs in MAIN_MENU:
        url = reverse(name, kwargs=kwargs)
        if path == url:
            current = "page"
        elif path.startswith(url):
            current = "true"
        else:
            current = ""
        menu.append({"label": label, "url": url, "current": current})
    return {
        "SITE_NAME": settings.SITE_NAME,
        "main_menu": menu,
        "canonical_url": canonical_url(request),
    }


def canonical_url(request):
    """The page's address on the public site: no query string except a page number."""
    if not hasattr(request, "path"):
        return ""
    url = settings.SITE_URL.rstrip("/") + iri_to_uri(request.path)
    page = positive_int(request.GET.get("page"), 1)
    if page > 1:
        url += f"?page={page}"
    return url
