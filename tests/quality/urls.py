"""The site's URLs plus test-only addresses: error pages and cache probes."""

from django.db.utils import OperationalError
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import handler400, handler404, handler500
from portal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]


def fail(request):
    raise RuntimeError("Deliberate failure to show the 500 page")


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')


FORM_PAGE = engines["django"].from_string(
    """<!doctype html><html lang="sv"><title>Formulär</title>
<form method="post" action="/__test__/formular/">{% csrf_token %}<button>Skicka</button></form>
</html>"""
)
NONCE_PAGE = engines["django"].from_string(
    """<!doctype html><html lang="sv"><title>Skript</title>
<script nonce="{{ csp_nonce }}">document.title = "Skript körs";</script></html>"""
)


def form_page(request):
    """A cacheable page with a CSRF-protected form, like the feedback block."""
    if request.method == "POST":
        return HttpResponse("Tack!")
    return HttpResponse(FORM_PAGE.render(request=request))


def nonce_page(request):
    """A cacheable page with an inline script allowed by the per-request CSP nonce."""
    return HttpResponse(NONCE_PAGE.render(request=request))


urlpatterns = [
    path("__test__/fel/", fail),
    path("__test__/databasfel/", database_down),
    path("__test__/formular/", form_page),
    path("__test__/nonce/", nonce_page),
    *site_urlpatterns,
]
