"""The public forms refuse cross-site posts by Fetch Metadata and Origin, with no token."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from feedback import viewcounts
from feedback.models import Feedback, PageViewDay
from publishing import cross_site

pytestmark = pytest.mark.django_db

ANSWER = reverse("feedback:answer")
DATA = {"page": "/", "helpful": "ja"}
OURS = "http://testserver"


def strict():
    return Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Mozilla/5.0 Firefox/130")


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": OURS},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": OURS},  # a browser without Fetch Metadata
        {"HTTP_REFERER": f"{OURS}/ai-initiativ/"},  # ... and without Origin on POST
    ],
)
def test_a_same_origin_post_is_answered(site_pages, headers):
    response = strict().post(ANSWER, DATA, **headers)
    assert response.status_code == 303
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://elak.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://annan.testserver"},
        # An attacker cannot make a browser lie in Sec-Fetch-Site, but Origin must agree.
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://elak.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: URL
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_REFERER": "https://elak.example/sida/"},
        {},  # a browser always says where a form post comes from
    ],
)
def test_a_cross_site_post_is_refused_with_a_swedish_403(site_pages, headers):
    for url, data in [
        (ANSWER, DATA),
        (reverse("feedback:comment"), {"page": "/", "token": "x", "comment": "Hej"}),
        (reverse("feedback:film_play"), {"film": "webbinarium"}),
    ]:
        response = strict().post(url, data, **headers)
        assert response.status_code == 403, (url, headers)
        assert "Formuläret kunde inte skickas" in response.content.decode()
        assert "Set-Cookie" not in response
    assert not Feedback.objects.exists()
    viewcounts.flush()
    assert not PageViewDay.objects.exists()


def test_trusted_origins_may_post_from_another_site(site_pages, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://aisocialtjanst.digg.se", "https://*.digg.se"]
    for origin in ("https://aisocialtjanst.digg.se", "https://test.digg.se"):
        response = strict().post(ANSWER, DATA, HTTP_SEC_FETCH_SITE="same-site", HTTP_ORIGIN=origin)
        assert response.status_code == 303, origin
    response = strict().post(
        ANSWER, DATA, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://digg.se.elak.example"
    )
    assert response.status_code == 403


def test_the_origin_must_be_an_allowed_host(settings):
    settings.ALLOWED_HOSTS = ["aisocialtjanst.digg.se"]
    request = RequestFactory().post(
        ANSWER, HTTP_HOST="elak.example", HTTP_ORIGIN="http://elak.example"
    )
    assert cross_site.refusal_reason(request)
    request = RequestFactory().post(
        ANSWER, HTTP_HOST="aisocialtjanst.digg.se", HTTP_ORIGIN="http://aisocialtjanst.digg.se"
    )
    assert cross_site.refusal_reason(request) is None


def test_safe_methods_pass_untouched():
    request = RequestFactory().get("/", HTTP_SEC_FETCH_SITE="cross-site")
    assert cross_site.refusal_reason(request) is None
