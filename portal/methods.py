"""The HTTP methods the site answers at all: anything else is 405 before any view runs.

Public pages are read-only and say so themselves (`require_safe`, or a class-based view
with only `get`), so a POST to a page is a 405 too; the admin and the feedback endpoints
keep their own rules. TRACE, PUT, DELETE, WebDAV's PROPFIND and made-up methods never
reach a view, whatever view the address has.
"""

from django.http import HttpResponseNotAllowed

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS", "POST")


class AllowedMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            response = HttpResponseNotAllowed(
                ALLOWED_METHODS,
                "Metoden stöds inte.",
                content_type="text/plain; charset=utf-8",
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
