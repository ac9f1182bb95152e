"""Visitors get no cookie: reading, searching, filtering and answering the feedback question."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from feedback import viewcounts
from feedback.models import Feedback, PageViewDay

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130 Safari/537.36"
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


def assert_no_cookie(response, what):
    assert "Set-Cookie" not in response, what
    assert not response.cookies, what
    assert "cookie" not in response.get("Vary", "").lower(), what


def visitor():
    # A real browser's checks: CSRF enforced as for any visitor, a browser's user agent.
    return Client(enforce_csrf_checks=True, raise_request_exception=False, HTTP_USER_AGENT=BROWSER)


def test_every_public_page_sets_no_cookie_and_does_not_vary_on_cookie(public_pages, settings):
    for cache_seconds in (0, 600):  # rendered, and served from the page cache (twice)
        settings.PAGE_CACHE_SECONDS = cache_seconds
        client = visitor()
        for page in public_pages:
            for _ in range(2):
                assert_no_cookie(client.get(page.path), page)


def test_searching_and_filtering_set_no_cookie(site_pages):
    client = visitor()
    for url in [
        reverse("portal:search") + "?q=tolk",
        reverse("portal:search") + "?q=",
        reverse("initiatives:list") + "?fas=test&amne=chattbot",
        reverse("initiatives:list") + "?page=2",
        reverse("resources:list") + "?format=rapport",
    ]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert_no_cookie(response, url)


def test_the_feedback_flow_without_javascript_sets_no_cookie(site_pages):
    client = visitor()
    page = site_pages["introduktion-till-ai"].get_absolute_url()
    assert_no_cookie(client.get(page), "page")

    answered = client.post(
        reverse("feedback:answer"), {"page": page, "helpful": "nej"}, **SAME_ORIGIN
    )
    assert answered.status_code == 303
    assert_no_cookie(answered, "answer")
    form_page = client.get(answered["Location"].split("#")[0])
    assert_no_cookie(form_page, "comment form")
    assert 'name="token"' in form_page.content.decode()
    assert "csrfmiddlewaretoken" not in form_page.content.decode()

    token = form_page.content.decode().split('name="token" value="')[1].split('"')[0]
    commented = client.post(
        reverse("feedback:comment"),
        {"page": page, "token": token, "comment": "Mer om juridiken, tack."},
        **SAME_ORIGIN,
    )
    assert commented.status_code == 303
    assert_no_cookie(commented, "comment")
    thanks = client.get(commented["Location"].split("#")[0])
    assert_no_cookie(thanks, "thanks")
    assert urlsplit(commented["Location"]).path == page
    assert Feedback.objects.get().comment == "Mer om juridiken, tack."


def test_the_feedback_flow_with_javascript_and_a_film_play_set_no_cookie(films_on_pages):
    client = visitor()
    fetch = {**SAME_ORIGIN, "HTTP_X_REQUESTED_WITH": "fetch"}
    answered = client.post(reverse("feedback:answer"), {"page": "/", "helpful": "ja"}, **fetch)
    assert answered.status_code == 200
    assert_no_cookie(answered, "answer (fetch)")
    played = client.post(reverse("feedback:film_play"), {"film": "webbinarium-2024-del-1"}, **fetch)
    assert played.status_code == 204
    assert_no_cookie(played, "film play")
    assert Feedback.objects.count() == 1
    viewcounts.flush()
    assert PageViewDay.objects.films().totals_by_key().get()["total_views"] == 1


def test_the_admin_keeps_django_token_csrf(admin_user):
    """Editors get the session and CSRF cookies in the admin; a post without a token fails."""
    login = Client(enforce_csrf_checks=True).get(reverse("admin:login"))
    assert "csrftoken" in login.cookies
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("admin:login"), {"username": "admin", "password": "password"}, **SAME_ORIGIN
    )
    assert response.status_code == 403
