"""The shared cache of rendered public pages (portal/pagecache.py)."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from portal import pagecache
from tests.factories import InitiativeFactory
from tests.quality.pages import TEST_URLCONF

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def without_tokens(response):
    return TOKEN.sub("csrfmiddlewaretoken", response.content.decode())


def ok_pages(public_pages):
    return [p for p in public_pages if p.status == 200]


def test_every_public_page_is_served_from_cache_the_second_time(
    client, public_pages, django_assert_num_queries
):
    for page in ok_pages(public_pages):
        first = client.get(page.path)
        with django_assert_num_queries(0):
            second = client.get(page.path)

        assert first[HIT] == "miss", page
        assert second[HIT] == "hit", page
        # The same page, apart from the visitor's own CSRF token in any form.
        assert without_tokens(second) == without_tokens(first), page
        # Headers added above the cache still come with a cached page.
        assert "Content-Security-Policy" in second, page


def test_error_pages_are_never_cached(public_pages):
    client = Client(raise_request_exception=False)
    for page in public_pages:
        if page.status == 200:
            continue
        for _ in range(2):
            response = client.get(page.path)
            assert response.status_code == page.status, page
            assert HIT not in response, page


def test_saved_content_shows_at_once(client, site_pages, django_capture_on_commit_callbacks):
    initiative = InitiativeFactory(title="Första versionen")
    url = reverse("initiatives:list")
    client.get(url)
    assert client.get(url)[HIT] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        initiative.title = "Andra versionen"
        initiative.save()
    response = client.get(url)
    assert response[HIT] == "miss"
    assert "Andra versionen" in response.content.decode()

    initiative.tags.add("tolkning")  # a tag is an m2m row of its own
    assert client.get(url)[HIT] == "miss"

    initiative.delete()
    assert "Andra versionen" not in client.get(url).content.decode()


def test_bulk_publish_in_the_admin_shows_at_once(client, admin_client, site_pages):
    """The admin's "Publicera markerade" uses QuerySet.update(): no model signal fires."""
    draft = InitiativeFactory(title="Nytt initiativ i Lidingö", draft=True)
    url = reverse("initiatives:list")
    assert "Nytt initiativ i Lidingö" not in client.get(url).content.decode()
    assert client.get(url)[HIT] == "hit"

    response = admin_client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk]},
    )

    assert response.status_code == 302
    assert Initiative.objects.get(pk=draft.pk).status == "published"
    assert "Nytt initiativ i Lidingö" in client.get(url).content.decode()


def test_scheduled_publication_and_unpublication_show_on_time(client, site_pages):
    now = timezone.now()
    InitiativeFactory(title="Schemalagt initiativ", published_at=now + timedelta(minutes=2))
    InitiativeFactory(title="Tas ned snart", unpublish_at=now + timedelta(minutes=4))
    url = reverse("initiatives:list")
    html = client.get(url).content.decode()
    assert "Schemalagt initiativ" not in html
    assert "Tas ned snart" in html
    assert client.get(url)[HIT] == "hit"

    # Well within PAGE_CACHE_SECONDS: only the schedule can make the entry stale.
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(minutes=3)):
        html = client.get(url).content.decode()
    assert "Schemalagt initiativ" in html
    assert "Tas ned snart" in html

    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(minutes=5)):
        html = client.get(url).content.decode()
    assert "Tas ned snart" not in html


def test_two_visitors_each_get_a_working_csrf_token_from_one_cached_page(
    settings, django_assert_num_queries
):
    settings.ROOT_URLCONF = TEST_URLCONF
    url = "/__test__/formular/"
    first_visitor = Client(enforce_csrf_checks=True)
    second_visitor = Client(enforce_csrf_checks=True)

    first = first_visitor.get(url)
    with django_assert_num_queries(0):
        second = second_visitor.get(url)

    assert (first[HIT], second[HIT]) == ("miss", "hit")
    first_token = TOKEN.search(first.content.decode()).group(1)
    second_token = TOKEN.search(second.content.decode()).group(1)
    assert first_token != second_token
    # Each visitor got their own cookie, and their own token posts successfully.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert second_visitor.post(url, {"csrfmiddlewaretoken": second_token}).status_code == 200
    assert first_visitor.post(url, {"csrfmiddlewaretoken": first_token}).status_code == 200
    # The token is tied to the visitor's own cookie: the other visitor's does not work.
    assert second_visitor.post(url, {"csrfmiddlewaretoken": first_token}).status_code == 403


def test_returning_visitor_keeps_a_token_that_matches_their_cookie(settings):
    settings.ROOT_URLCONF = TEST_URLCONF
    url = "/__test__/formular/"
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(url)
    cookie = visitor.cookies["csrftoken"].value

    response = visitor.get(url)

    assert response[HIT] == "hit"
    assert visitor.cookies["csrftoken"].value == cookie
    token = TOKEN.search(response.content.decode()).group(1)
    assert visitor.post(url, {"csrfmiddlewaretoken": token}).status_code == 200


def test_cached_page_gets_a_fresh_csp_nonce_each_time(settings):
    settings.ROOT_URLCONF = TEST_URLCONF
    nonces = []
    for expected in ("miss", "hit"):
        response = Client().get("/__test__/nonce/")
        assert response[HIT] == expected
        in_page = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{in_page}'" in response["Content-Security-Policy"]
        nonces.append(in_page)
    assert nonces[0] != nonces[1]


def test_logged_in_editors_are_never_cached(admin_client, site_pages):
    InitiativeFactory(title="Digitala tolken")
    url = reverse("initiatives:list")
    admin_client.get(url)

    response = admin_client.get(url)

    assert HIT not in response
    # Nothing an editor saw was stored for visitors either.
    assert Client().get(url)[HIT] == "miss"


def test_a_new_release_never_serves_the_old_releases_pages(client, site_pages, settings):
    url = reverse("portal:home")
    settings.PAGE_CACHE_RELEASE = "gammal"
    pagecache.release.cache_clear()
    client.get(url)
    assert client.get(url)[HIT] == "hit"

    settings.PAGE_CACHE_RELEASE = "ny"
    pagecache.release.cache_clear()
    assert client.get(url)[HIT] == "miss"
    pagecache.release.cache_clear()


def test_release_defaults_to_a_digest_of_the_code(settings):
    settings.PAGE_CACHE_RELEASE = ""
    pagecache.release.cache_clear()
    assert re.fullmatch(r"[0-9a-f]{12}", pagecache.release())
    pagecache.release.cache_clear()


def test_any_cookie_but_csrf_bypasses_the_cache(client, site_pages):
    url = reverse("portal:home")
    client.get(url)
    client.cookies["sessionid"] = "abc"
    assert HIT not in client.get(url)


def test_pages_with_one_visitors_state_in_the_address_are_not_stored(client, site_pages):
    url = reverse("portal:home") + "?aterkoppling=signerad-token"
    for _ in range(2):
        assert HIT not in client.get(url)
    assert client.get(reverse("portal:home") + "?annat=1")[HIT] == "miss"


def test_conditional_get_returns_304_until_content_changes(client, site_pages):
    initiative = InitiativeFactory(title="Första")
    url = reverse("initiatives:list")
    first = client.get(url)
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]

    assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    initiative.title = "Andra"
    initiative.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_304_for_a_page_with_a_form_only_with_the_same_csrf_cookie(settings):
    settings.ROOT_URLCONF = TEST_URLCONF
    url = "/__test__/formular/"
    visitor, other = Client(), Client()
    etag = visitor.get(url)["ETag"]

    assert visitor.get(url, headers={"if-none-match": etag}).status_code == 304
    # Another browser's stored token would not match its own cookie: a full page.
    assert other.get(url, headers={"if-none-match": etag}).status_code == 200


def test_a_cache_outage_costs_speed_not_the_page(client, site_pages):
    with mock.patch("portal.pagecache.cache.get_many", side_effect=ConnectionError("redis down")):
        response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert HIT not in response
