"""No request a visitor can craft answers 500 (runs on PostgreSQL in CI, on SQLite too).

Hypothesis throws arbitrary Unicode, control characters, NUL, digits int() refuses,
over-long, repeated and undecodable values at every public page type (tests/quality/pages.py)
and every query parameter the site reads, and at extra path segments. Every answer must be
a 4xx or a normal page. PostgreSQL matters: it refuses text with a NUL byte, SQLite does not.
"""

import string
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initiatives.models import Initiative
from initiatives.views import FACETS as INITIATIVE_FACETS
from publishing.models import Redirect
from resources.views import FACETS as RESOURCE_FACETS

pytestmark = pytest.mark.django_db

# Modest: every example is a full page render, and CI runs this on every push.
# The public_pages fixture is built once per test; requests only read it (a counted page
# view is the one write, and it is harmless to repeat).
hostile = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every query parameter the site reads somewhere: paging, search, the facets of both
# lists, preview, the feedback block's state, the sitemap's page and the admin's period.
PARAMS = sorted(
    {
        "page",
        "q",
        "p",
        "preview",
        "forhandsvisning",
        "aterkoppling",
        "fran",
        "till",
        "sida",
        "sort",
        "format",
        *(facet.param for facet in INITIATIVE_FACETS),
        *(facet.param for facet in RESOURCE_FACETS),
    }
)

# Values known to have broken a site like this one, and the classes they stand for.
NASTY = [
    "\x00",
    "a\x00b",
    "²",
    "⁵",
    "١٢",  # Arabic-Indic digits
    "１２",  # full-width digits
    "9" * 5000,  # more digits than int() converts
    "-1",
    "0",
    "1e3",
    " 2 ",
    "last",
    "1",
    "\ud7ff\ufffe\uffff",
    "\u202e\u200b\ufeff",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "x" * 3000,
]

text_values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=50),  # arbitrary Unicode, surrogates aside (a URL cannot carry them)
    st.builds("{}\x00{}".format, st.text(max_size=5), st.text(max_size=5)),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Nd", "No"])),
    st.text(alphabet="\x00\x01\x1f\x7f\n\r\t 1²", min_size=1, max_size=20),
    st.text(min_size=300, max_size=2000),
)


def _encoded_value(value) -> str:
    """A query value percent-encoded: UTF-8 text, or bytes that are not UTF-8 at all."""
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value, safe="")


query_values = st.one_of(text_values, st.binary(max_size=30))


@st.composite
def query_strings(draw):
    """Every parameter the site reads, each absent or given hostile values, plus strangers."""
    pairs = []
    for name in PARAMS:
        pairs += [(name, value) for value in draw(st.lists(query_values, max_size=2))]
    pairs += draw(st.lists(st.tuples(st.text(max_size=20), query_values), max_size=3))
    if draw(st.booleans()):  # one parameter many times over (?amne=a&amne=a&...)
        name = draw(st.sampled_from(PARAMS))
        value = draw(text_values)
        pairs += [(name, value)] * draw(st.integers(min_value=2, max_value=60))
    pairs = draw(st.permutations(pairs))
    return "&".join(f"{_encoded_value(n)}={_encoded_value(v)}" for n, v in pairs)


path_segments = st.one_of(
    st.sampled_from(NASTY),
    st.text(min_size=1, max_size=40),
    st.binary(min_size=1, max_size=20),
    st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=30),
)


# Addresses that are not pages but read the request too: the sitemap (?p=), the feeds,
# the open-data files, robots.txt and the feedback block's landing page (?aterkoppling=).
OTHER_ADDRESSES = [
    "/sitemap.xml",
    "/ai-initiativ/rss.xml",
    "/ai-initiativ/atom.xml",
    "/stod-och-verktyg/rss.xml",
    "/stod-och-verktyg/atom.xml",
    "/oppna-data/",
    "/oppna-data/initiativ.json",
    "/oppna-data/stod-och-verktyg.csv",
    "/robots.txt",
    "/aterkoppling/tack/",
    "/sok/",
]


def visitor_pages(public_pages):
    """The public pages a visitor can reach (not the test-only failing addresses)."""
    return [page for page in public_pages if page.status < 500]


def every_address(public_pages):
    return [page.path for page in visitor_pages(public_pages)] + OTHER_ADDRESSES


def assert_not_server_error(response, url):
    assert response.status_code < 500, f"{response.status_code} for {url!r}"
    assert response.status_code in (200, 301, 302, 303, 304) or 400 <= response.status_code < 500


@hostile
@given(data=st.data())
def test_hostile_query_parameters_never_answer_5xx(public_pages, data):
    client = Client(raise_request_exception=False)
    address = data.draw(st.sampled_from(every_address(public_pages)), label="address")
    query = data.draw(query_strings(), label="query")
    base, _, own_query = address.partition("?")
    url = f"{base}?{own_query + '&' if own_query else ''}{query}"
    assert_not_server_error(client.get(url), url)


@hostile
@given(data=st.data())
def test_hostile_path_segments_never_answer_5xx(public_pages, data):
    # A row in the redirect table makes the fallback lookup run for every 404.
    Redirect.remember(old_path="/gammal-adress/", target=Initiative.objects.first())
    client = Client(raise_request_exception=False)
    address = data.draw(st.sampled_from(every_address(public_pages)), label="address")
    segments = data.draw(st.lists(path_segments, min_size=1, max_size=3), label="segments")
    extra = "/".join(_encoded_value(segment) for segment in segments)
    base = address.partition("?")[0]
    for url in (f"{base}{extra}", f"{base}{extra}/", f"/{extra}/"):
        assert_not_server_error(client.get(url), url)


@hostile
@given(data=st.data())
def test_hostile_feedback_posts_never_answer_5xx(public_pages, data):
    """The feedback block's forms and the film counter, with any field sent any value."""
    client = Client(raise_request_exception=False)
    url = data.draw(
        st.sampled_from(["/aterkoppling/svar/", "/aterkoppling/kommentar/", "/aterkoppling/film/"])
    )
    pages = [page.path.partition("?")[0] for page in visitor_pages(public_pages)]
    fields = {
        "page": st.one_of(text_values, st.sampled_from(pages)),
        "helpful": st.one_of(text_values, st.sampled_from(["ja", "nej", "JA"])),
        "comment": text_values,
        "token": text_values,
        "film": text_values,
        "website": text_values,
    }
    pairs = []
    for name, values in fields.items():
        pairs += [(name, value) for value in data.draw(st.lists(values, max_size=2))]
    body = "&".join(f"{_encoded_value(n)}={_encoded_value(v)}" for n, v in pairs)
    headers = data.draw(st.sampled_from([{}, {"x-requested-with": "fetch"}]))
    response = client.post(
        url, body, content_type="application/x-www-form-urlencoded", headers=headers
    )
    assert_not_server_error(response, f"{url} {body[:200]}")


@hostile
@given(method=st.from_regex(r"[A-Z][A-Z-]{0,11}", fullmatch=True))
def test_unknown_methods_answer_405(public_pages, method):
    if method in {"GET", "HEAD", "OPTIONS", "POST"}:
        return
    client = Client(raise_request_exception=False)
    for page in visitor_pages(public_pages):
        response = client.generic(method, page.path)
        assert response.status_code == 405, (method, page)
        assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH", "FOO"])
def test_trace_and_unknown_methods_answer_405_on_every_page(public_pages, method):
    client = Client(raise_request_exception=False)
    for page in visitor_pages(public_pages):
        response = client.generic(method, page.path)
        assert response.status_code == 405, page
        assert response["X-Frame-Options"] == "DENY", page  # still a full set of headers
        assert "Content-Security-Policy" in response, page


def test_post_to_a_public_page_answers_405(public_pages):
    client = Client(raise_request_exception=False)
    read_only = [page.path for page in public_pages if page.status == 200 and not page.form]
    read_only += [
        "/sok/",
        "/oppna-data/",
        "/oppna-data/initiativ.json",
        "/robots.txt",
        "/sitemap.xml",
        "/ai-initiativ/rss.xml",
        "/ai-initiativ/atom.xml",
        "/stod-och-verktyg/rss.xml",
        "/stod-och-verktyg/alla/",
    ]
    for path in read_only:
        response = client.post(path, {"x": "1"})
        assert response.status_code == 405, path
        assert "POST" not in response["Allow"], path


def test_the_feedback_endpoints_still_take_post(public_pages):
    client = Client(raise_request_exception=False)
    response = client.post("/aterkoppling/svar/", {"page": "/", "helpful": "ja"})
    assert response.status_code == 303


def test_the_visitors_forms_take_post_and_nothing_else(public_pages):
    client = Client(raise_request_exception=False)
    for page in public_pages:
        if not page.form:
            continue
        assert client.post(page.path, {"x": "1"}).status_code == 400, page
        response = client.put(page.path)
        assert response.status_code == 405, page
        assert "POST" in response["Allow"], page


SECURITY_HEADERS = [
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
]


@pytest.mark.parametrize("host", ["evil.example", "testserver:abc", "a" * 300, "[::1"])
def test_a_bad_host_header_gets_400_with_every_security_header(site_pages, host):
    client = Client(raise_request_exception=False)
    normal = client.get("/", secure=True)
    bad = client.get("/", secure=True, headers={"host": host})

    assert bad.status_code == 400
    assert "Felaktig förfrågan" in bad.content.decode()
    for header in SECURITY_HEADERS:
        assert header in normal, header
        assert bad.get(header) is not None, header
        if header != "Content-Security-Policy":  # the 400 page has no nonce to allow
            assert bad[header] == normal[header], header
    assert "frame-ancestors 'none'" in bad["Content-Security-Policy"]
    assert "default-src 'self'" in bad["Content-Security-Policy"]


# --- The instances that were found, each pinned down --------------------------------------


@pytest.mark.parametrize("value", ["²", "⁵", "١", "１", "9" * 5000])
def test_unicode_digits_in_page_give_the_page_not_an_error(public_pages, value):
    client = Client(raise_request_exception=False)
    for page in visitor_pages(public_pages):
        response = client.get(page.path, {"page": value})
        assert response.status_code in (200, 404), page
        if response.status_code == 200:
            assert (
                'rel="canonical"' not in response.content.decode()
                or "?page=" not in (response.context["canonical_url"])
            )


def test_canonical_url_keeps_a_real_page_number(public_pages):
    client = Client()
    response = client.get("/amnen/", {"page": "3"})
    assert response.context["canonical_url"].endswith("/amnen/?page=3")
    response = client.get("/amnen/", {"page": "²"})
    assert response.context["canonical_url"].endswith("/amnen/")


@pytest.mark.parametrize(
    "url",
    [
        "/ai-initiativ/?amne=a%00b",
        "/ai-initiativ/?fas=%00",
        "/stod-och-verktyg/alla/?kategori=%00",
        "/stod-och-verktyg/alla/?avsandare=x%00",
        "/stod-och-verktyg/alla/?amne=%00&amne=%00",
    ],
)
def test_nul_in_a_facet_is_ignored(public_pages, url):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 200


def test_nul_in_a_path_is_a_404_without_a_redirect_lookup(public_pages, django_assert_num_queries):
    Redirect.remember(old_path="/gammal-adress/", target=Initiative.objects.first())
    client = Client(raise_request_exception=False)
    assert client.get("/finns-inte/").status_code == 404  # warm: sessions, content types
    with django_assert_num_queries(0):
        response = client.get("/gammal%00adress/")
    assert response.status_code == 404


# --- The admin reads ids and filters the same way ------------------------------------------


def test_admin_review_list_takes_only_real_ids(admin_client, public_pages):
    for pk in ["²", "9" * 5000, "\x00", "-1"]:
        response = admin_client.post(
            "/admin/granska/", {"model": "initiatives.initiative", "pk": pk}
        )
        assert response.status_code == 404, pk


@pytest.mark.parametrize(
    "query",
    [
        "sida=%00",
        "sida=a%00b&fran=%00&till=%C2%B2",
        "fran=2024-01-01%00&till=2024-02-30",
        "q=%00",
        "p=%C2%B2",
        "o=%C2%B2",
    ],
)
def test_admin_feedback_views_refuse_hostile_filters(admin_client, public_pages, query):
    admin_client.raise_request_exception = False
    for url in [
        "/admin/feedback/feedback/",
        "/admin/feedback/feedback/export/",
        "/admin/feedback/feedback/sammanstallning/",
        "/admin/feedback/pageviewday/",
    ]:
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code < 500, (url, query)
