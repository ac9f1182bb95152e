"""Old addresses of renamed content keep working."""

from django.http import HttpResponsePermanentRedirect

from publishing.models import Redirect
from publishing.params import is_clean_text


class RedirectFallbackMiddleware:
    """Answer a 404 at an address content used to have with a 301 to where it lives now.

    Runs only when the site has nothing at the address, so a live page always wins and
    ordinary requests cost no query. Content that is no longer visible stays a 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if not is_clean_text(request.path):
            return response  # no stored address has a NUL or control character
        redirect = (
            Redirect.objects.filter(old_path=request.path).select_related("content_type").first()
        )
        new_path = redirect.new_path if redirect else None
        if not new_path or new_path == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
