"""In a real browser: the feedback form posts from our own pages, never from another site.

No CSRF token or cookie: Chromium's Fetch Metadata (Sec-Fetch-Site) and Origin decide.
The other site is a real second web server on the loopback address (127.0.0.1, while the
live server is `localhost`: another origin and another site).
"""

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from feedback.models import Feedback

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def other_site():
    """A web server on another origin that serves `other_site.html` at every address."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = server.html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = None
    for port in range(18460, 18500):
        with contextlib.suppress(OSError):
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
    assert server, "no free port for the other site"
    server.html = ""
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_same_origin_post_works_and_sets_no_cookie(live_server, page_without_js, site_pages):
    page = page_without_js
    page.goto(live_server.url + "/introduktion-till-ai/")
    page.locator("#feedback").get_by_role("button", name="Ja").click()
    page.locator(".feedback__thanks", has_text="Tack för ditt svar!").wait_for()
    assert Feedback.objects.get().helpful is True
    assert page.context.cookies() == []


def test_a_form_on_another_site_cannot_post_an_answer(
    live_server, page_without_js, site_pages, other_site
):
    page = page_without_js
    action = live_server.url + reverse("feedback:answer")
    other_site.html = (
        '<!doctype html><html lang="sv"><title>Annan webbplats</title>'
        f'<form method="post" action="{action}">'
        '<input type="hidden" name="page" value="/">'
        '<button name="helpful" value="nej">Skicka</button></form></html>'
    )
    page.goto(other_site.url + "/formular/")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Skicka").click()

    assert navigation.value.status == 403
    assert page.get_by_role("heading", name="Formuläret kunde inte skickas").is_visible()
    assert not Feedback.objects.exists()


def test_a_script_on_another_site_cannot_post_an_answer(live_server, page, site_pages, other_site):
    """fetch() in no-cors mode sends a simple POST cross-site; it must be refused too."""
    action = live_server.url + reverse("feedback:answer")
    other_site.html = "<!doctype html><title>Annan webbplats</title>"
    script = """async ([action, helpful, mode]) => {
        const body = new URLSearchParams({page: "/", helpful});
        const response = await fetch(action, {method: "POST", mode, body});
        return response.type;
    }"""
    page.goto(other_site.url + "/")
    assert page.evaluate(script, [action, "nej", "no-cors"]) == "opaque"
    assert not Feedback.objects.exists()
    # The same script on our own page is answered (a same-origin fetch).
    page.goto(live_server.url + "/")
    assert page.evaluate(script, [action, "ja", "same-origin"]) == "basic"
    assert Feedback.objects.get().helpful is True
