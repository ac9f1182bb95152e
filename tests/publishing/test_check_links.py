"""`manage.py check_links` against a local HTTP server started by the test; never the internet."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from publishing.linkcheck import links_in_markdown
from publishing.models import LinkCheck
from tests.factories import InitiativeFactory, PageFactory, QuestionFactory, ResourceFactory

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    requests = []

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        Handler.requests.append((self.command, self.path, self.headers.get("User-Agent")))
        if self.path == "/slow":
            time.sleep(1.5)
        status, headers = {
            "/ok": (200, {}),
            "/slow": (200, {}),
            "/missing": (404, {}),
            "/error": (500, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/no-head": (405 if self.command == "HEAD" else 200, {}),
        }.get(self.path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def linked_content(server):
    ok = ResourceFactory(title="Fungerar", url=f"{server}/ok")
    missing = ResourceFactory(title="Saknas", url=f"{server}/missing")
    slow = ResourceFactory(title="Långsam", url=f"{server}/slow", draft=True)
    initiative = InitiativeFactory(
        source_url=f"{server}/error", implementation=f"Se [flytten]({server}/moved)."
    )
    page = PageFactory(body=f"Läs [mer]({server}/ok) och <a href='javascript:alert(1)'>x</a>.")
    QuestionFactory(page=page, answer=f"Svar med <{server}/no-head>.")
    return {"ok": ok, "missing": missing, "slow": slow, "initiative": initiative}


def run_check():
    out = io.StringIO()
    call_command("check_links", "--timeout", "0.5", "--workers", "4", stdout=out)
    return out.getvalue()


def test_every_external_link_is_checked_and_recorded(server, linked_content):
    output = run_check()

    checks = {check.url.removeprefix(server): check for check in LinkCheck.objects.all()}
    assert set(checks) == {"/ok", "/missing", "/slow", "/error", "/moved", "/no-head"}
    assert (checks["/ok"].status_code, checks["/ok"].is_broken) == (200, False)
    assert (checks["/missing"].status_code, checks["/missing"].is_broken) == (404, True)
    assert (checks["/error"].status_code, checks["/error"].is_broken) == (500, True)
    assert checks["/moved"].status_code == 200
    assert checks["/moved"].final_url == f"{server}/ok"
    assert checks["/moved"].redirected
    assert (checks["/no-head"].status_code, checks["/no-head"].is_broken) == (200, False)
    assert checks["/slow"].is_broken
    assert checks["/slow"].error == "Svarade inte inom 0.5 sekunder."
    assert all(check.checked_at is not None for check in checks.values())
    assert "AI-initiativ:" in checks["/error"].found_in
    assert "6 länkar kontrollerade, 3 trasiga." in output


def test_polite_user_agent_head_first_and_get_only_as_fallback(server, linked_content):
    run_check()

    agents = {agent for _, _, agent in Handler.requests}
    assert agents == {settings.LINK_CHECK_USER_AGENT}
    assert settings.LINK_CHECK_USER_AGENT.startswith("AI-for-socialtjansten-lankkontroll/1.0 (+")
    ok_requests = [method for method, path, _ in Handler.requests if path == "/ok"]
    assert "GET" not in ok_requests  # HEAD was enough
    no_head = [method for method, path, _ in Handler.requests if path == "/no-head"]
    assert no_head == ["HEAD", "GET"]


def test_a_second_run_updates_the_same_rows(server, linked_content):
    run_check()
    first = LinkCheck.objects.get(url=f"{server}/missing").checked_at
    run_check()
    assert LinkCheck.objects.filter(url=f"{server}/missing").count() == 1
    assert LinkCheck.objects.get(url=f"{server}/missing").checked_at > first


def test_admin_filters_broken_links(editor_client, server, linked_content):
    run_check()
    url = reverse("admin:resources_resource_changelist")

    broken = editor_client.get(url, {"lankstatus": "trasig"})
    working = editor_client.get(url, {"lankstatus": "fungerar"})

    assert "Trasiga länkar" in broken.content.decode()
    assert {r.title for r in broken.context["cl"].result_list} == {"Saknas", "Långsam"}
    assert {r.title for r in working.context["cl"].result_list} == {"Fungerar"}
    initiatives = editor_client.get(
        reverse("admin:initiatives_initiative_changelist"), {"lankstatus": "trasig"}
    )
    assert list(initiatives.context["cl"].result_list) == [linked_content["initiative"]]


def test_links_in_markdown_only_counts_what_reaches_the_page():
    text = "[a](https://a.se/) <https://b.se/x> [c](mailto:c@d.se) <a href='javascript:x'>j</a>"
    assert links_in_markdown(text) == {"https://a.se/", "https://b.se/x"}
