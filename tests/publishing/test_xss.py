"""Rich text that cannot inject: a corpus of XSS payloads through Markdown and a real page.

Each payload goes through `render_markdown` and through a published page's body. The
checks parse the HTML the way a browser would and look for anything executable: a tag
outside the allowlist, an event attribute, a style, or a link to a script scheme.
"""

import html
import re
from html.parser import HTMLParser

import pytest

from publishing.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    render_markdown,
)
from tests.factories import PageFactory

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<p onclick=alert(1)>klicka</p>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">länk</a>',
    '<a href="JaVaScRiPt:alert(1)">länk</a>',
    '<a href="  javascript:alert(1)">länk</a>',
    '<a href="java\tscript:alert(1)">länk</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">länk</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">länk</a>',
    '<a href="vbscript:msgbox(1)">länk</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">länk</a>',
    "[länk](javascript:alert(1))",
    "[länk](JAVASCRIPT:alert(1))",
    "[länk](&#106;avascript:alert(1))",
    "[länk](data:text/html,<script>alert(1)</script>)",
    '[länk](https://ok.example/ "x" onmouseover="alert(1))',
    "![bild](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>skicka</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<details open ontoggle=alert(1)>",
    '<a href="https://ok.example/" onfocus="alert(1)" autofocus>x</a>',
    "<!--<img src=x onerror=alert(1)>-->",
    '"><script>alert(1)</script>',
    '<a href="javascript&colon;alert(1)">länk</a>',
    "<a href='jav&#x09;ascript:alert(1)'>länk</a>",
]

EXECUTABLE_SCHEMES = {"javascript", "vbscript", "data"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"}


class Audit(HTMLParser):
    """Collect every tag and attribute as a browser would see them (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


C0_AND_SPACE = "".join(map(chr, range(0x21)))


def scheme(url: str) -> str:
    """The scheme a browser would use (WHATWG URL parsing): tabs and newlines anywhere are
    dropped, leading and trailing controls and spaces trimmed, entities decoded."""
    cleaned = re.sub(r"[\t\n\r]", "", html.unescape(url or "")).strip(C0_AND_SPACE)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def executable_parts(markup: str, *, allowed_tags, allowed_attributes) -> list[str]:
    audit = Audit()
    audit.feed(markup)
    problems = []
    for tag, attrs in audit.tags:
        if tag not in allowed_tags:
            problems.append(f"tag <{tag}>")
        for name, value in attrs.items():
            allowed = allowed_attributes.get(tag, set())
            if name.startswith("on") or name == "style" or name not in allowed:
                problems.append(f"attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES and scheme(value) in EXECUTABLE_SCHEMES:
                problems.append(f"{name}={value!r} on <{tag}>")
    return problems


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_markdown_leaves_nothing_executable(payload):
    output = render_markdown(payload)
    allowed_attributes = {tag: {*attrs, "rel"} for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    assert (
        executable_parts(output, allowed_tags=ALLOWED_TAGS, allowed_attributes=allowed_attributes)
        == []
    ), output
    for href in re.findall(r'href="([^"]*)"', output):
        assert scheme(href) in ALLOWED_URL_SCHEMES | {""}, output


def test_the_audit_itself_catches_executable_markup():
    # Guard against a checker that passes everything.
    for bad in [
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#x01; javascript:alert(1)">x</a>',
        "<img onerror=x>",
        "<svg>",
    ]:
        assert executable_parts(bad, allowed_tags={"a"}, allowed_attributes={"a": {"href"}})


@pytest.mark.django_db
def test_a_published_page_with_every_payload_carries_nothing_executable(client, site_pages):
    page = PageFactory(slug="xss-test", body="\n\n".join(PAYLOADS))
    page.questions.create(question="Fråga?", answer="\n\n".join(PAYLOADS))

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    # The editors' content lives in the page's <article>; the site's own chrome around it
    # (search form, feedback form) is ours, not editor input.
    markup = html[html.index('<article class="page">') : html.index("</article>")]
    assert "Fråga?" in markup
    audit = Audit()
    audit.feed(markup)
    for tag, attrs in audit.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        assert tag not in {"iframe", "object", "embed", "svg", "math", "style", "base", "form"}
        if tag == "script":
            assert "src" in attrs, "inline script on the page"  # only the site's own files
        if tag == "meta":
            assert "http-equiv" not in attrs
        for name in URL_ATTRIBUTES & attrs.keys():
            assert scheme(attrs[name]) not in EXECUTABLE_SCHEMES, (tag, attrs)


def test_markdown_images_never_reach_a_page():
    # Content has no images: the allowlist has no <img>, so none can lack alt text either.
    assert "img" not in ALLOWED_TAGS
    assert "<img" not in render_markdown("![Ett diagram](https://ok.example/bild.png)")
