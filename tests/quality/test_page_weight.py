"""Page weight and what a page may load: small, self-hosted, JavaScript only as static files."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024  # bytes of HTML + CSS per page


class PageAssets(HTMLParser):
    """Collects what a page loads, its inline scripts/styles and event attributes."""

    def __init__(self):
        super().__init__()
        self.loads = []  # (tag, attribute, url, rel)
        self.inline_scripts = 0
        self.inline_styles = 0
        self.event_attributes = []
        self.h1 = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower()
        for attribute in ("src", "href", "srcset", "poster", "data"):
            if attrs.get(attribute) and tag in {
                "link",
                "script",
                "img",
                "source",
                "video",
                "audio",
                "iframe",
                "embed",
                "object",
            }:
                for url in attrs[attribute].split(","):
                    self.loads.append((tag, attribute, url.strip().split(" ")[0], rel))
        if tag == "script" and not attrs.get("src"):
            self._in_script = True
        if tag == "style" or "style" in attrs:
            self.inline_styles += 1
        self.event_attributes += [name for name in attrs if name.startswith("on")]
        if tag == "h1":
            self.h1 += 1

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def parse(html):
    parser = PageAssets()
    parser.feed(html)
    return parser


def stylesheet_bytes(loads):
    total = 0
    for tag, _, url, rel in loads:
        if tag == "link" and "stylesheet" in rel:
            path = finders.find(url.removeprefix(settings.STATIC_URL))
            assert path, f"stylesheet not found: {url}"
            total += Path(path).stat().st_size
    return total


def is_own(url):
    parts = urlsplit(url)
    own_hosts = {"", "testserver", urlsplit(settings.SITE_URL).hostname}
    return parts.scheme in {"", "https", "http", "data"} and (parts.hostname or "") in own_hosts


def test_every_public_page_is_under_50_kb_of_html_and_css(public_pages):
    client = Client(raise_request_exception=False)
    for page in public_pages:
        response = client.get(page.path)
        assets = parse(response.content.decode())
        css = stylesheet_bytes(assets.loads)

        assert css > 0, f"{page}: no stylesheet"
        weight = len(response.content) + css
        assert weight < BUDGET, f"{page}: {weight} bytes of HTML and CSS"


def test_pages_load_nothing_from_other_sites_and_no_inline_code(public_pages):
    client = Client(raise_request_exception=False)
    for page in public_pages:
        assets = parse(client.get(page.path).content.decode())

        external = [load for load in assets.loads if not is_own(load[2])]
        assert external == [], f"{page} loads from elsewhere: {external}"
        scripts = [url for tag, attribute, url, _ in assets.loads if tag == "script"]
        assert all(url.startswith(settings.STATIC_URL) for url in scripts), (page, scripts)
        assert assets.inline_scripts == 0, f"{page}: inline <script>"
        assert assets.inline_styles == 0, f"{page}: inline style"
        assert assets.event_attributes == [], f"{page}: {assets.event_attributes}"
        assert assets.h1 == 1, f"{page}: {assets.h1} <h1> elements"


def test_the_checks_see_what_they_look_for():
    """The parser must notice the mistakes the page tests guard against."""
    assets = parse(
        '<link rel="stylesheet" href="https://fonts.example.com/x.css">'
        '<script>alert(1)</script><img src="//cdn.example.com/a.png" onclick="x()">'
        '<p style="color:red">'
    )
    assert [is_own(url) for _, _, url, _ in assets.loads] == [False, False]
    assert assets.inline_scripts == 1
    assert assets.inline_styles == 1
    assert assets.event_attributes == ["onclick"]
