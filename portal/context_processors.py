from django.conf import settings
from django.urls import reverse

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
    return {"SITE_NAME": settings.SITE_NAME, "main_menu": menu}
