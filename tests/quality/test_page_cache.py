"""The shared cache of rendered public pages (portal/pagecache.py)."""

import gzip
import re
from datetime import timedelta
from unittest import mock
from urllib.parse import parse_qs

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from portal import pagecache
from tests.factories import InitiativeFactory
from tests.quality.pages import TEST_URLCONF

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


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
        # The same bytes for everyone: no per-visitor token in the page.
        assert second.content == first.content, page
        # Headers added above the cache still come with a cached page.
        for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
            assert header in second, (page, header)
        assert not second.cookies and "Cookie" not in second.get("Vary", ""), page


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


def test_a_page_with_a_csrf_token_is_never_shared(settings):
    """A token belongs to one visitor's cookie: such a page is rendered for each visitor."""
    settings.ROOT_URLCONF = TEST_URLCONF
    url = "/__test__/formular/"
    first, second = Client().get(url), Client().get(url)
    assert HIT not in first and HIT not in second
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_page_that_uses_the_csp_nonce_is_never_shared(settings):
    settings.ROOT_URLCONF = TEST_URLCONF
    nonces = []
    for _ in range(2):
        response = Client().get("/__test__/nonce/")
        assert HIT not in response
        in_page = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{in_page}'" in response["Content-Security-Policy"]
        nonces.append(in_page)
    assert nonces[0] != nonces[1]


def test_public_pages_use_no_inline_script(public_pages):
    """Inline scripts would need the per-request nonce, and their pages could not be shared."""
    for page in ok_pages(public_pages):
        html = Client().get(page.path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
        assert "nonce-" not in Client().get(page.path).get("Content-Security-Policy", ""), page


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


def test_unknown_query_parameters_never_create_entries(client, site_pages):
    """?x=1 ... ?x=N must not fill the cache (issue 11): the key holds only what pages read."""
    url = reverse("initiatives:list")
    keys = []
    original_set = cache.set

    def remember(key, *args, **kwargs):
        keys.append(key)
        return original_set(key, *args, **kwargs)

    with mock.patch.object(cache, "set", side_effect=remember):
        for n in range(5):
            assert HIT not in client.get(f"{url}?x={n}")  # nothing stored yet: rendered only
        stored = client.get(url)
        assert stored[HIT] == "miss"
        for n in range(5):
            again = client.get(f"{url}?x={n}&utm_source=nyhetsbrev")
            assert again[HIT] == "hit"  # the stored page: the parameters change nothing
            assert again.content == stored.content
    # One page, stored as two copies (as it is, and gzip-compressed).
    pages = {key.removesuffix(pagecache.GZIP) for key in keys if key.startswith("pagecache:page:")}
    assert len(pages) == 1


def test_parameters_pages_read_are_part_of_the_key_in_any_order(client, site_pages):
    url = reverse("initiatives:list")
    assert client.get(f"{url}?fas=test&omrade=aldreomsorg")[HIT] == "miss"
    assert client.get(f"{url}?omrade=aldreomsorg&fas=test")[HIT] == "hit"
    assert client.get(f"{url}?fas=i_drift&omrade=aldreomsorg")[HIT] == "miss"
    assert client.get(reverse("portal:search") + "?q=tolk")[HIT] == "miss"
    assert client.get(reverse("portal:search") + "?q=chatt")[HIT] == "miss"


def test_every_facet_parameter_is_part_of_its_pages_cache_key(rf):
    from initiatives.views import FACETS as INITIATIVE_FACETS
    from resources.views import FACETS as RESOURCE_FACETS

    for url, facets in [
        (reverse("initiatives:list"), INITIATIVE_FACETS),
        (reverse("resources:list"), RESOURCE_FACETS),
    ]:
        request = rf.get(url, {facet.param: "x" for facet in facets} | {"page": "2", "y": "1"})
        query, dropped = pagecache.canonical_query(request)
        assert dropped  # the made-up parameter is not part of the key
        assert set(parse_qs(query)) == {"page", *(facet.param for facet in facets)}
    search = rf.get(reverse("portal:search"), {"q": "tolk", "page": "2"})
    assert pagecache.canonical_query(search) == ("q=tolk", True)


def test_cached_pages_are_sent_compressed_to_browsers_that_accept_it(client, site_pages):
    url = reverse("initiatives:list")
    plain = client.get(url)
    for expected in ("miss", "hit"):
        packed = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
        assert packed[HIT] == "hit"
        assert packed["Content-Encoding"] == "gzip", expected
        assert gzip.decompress(packed.content) == plain.content
        assert len(packed.content) < len(plain.content) / 2
        assert "Accept-Encoding" in packed["Vary"]
    assert "Content-Encoding" not in client.get(url)


def test_uncached_pages_are_compressed_too(client, site_pages, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get(reverse("initiatives:list"), headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(response.content)


def test_a_cdn_may_keep_a_cached_page_until_its_next_change(client, site_pages):
    now = timezone.now()
    url = reverse("initiatives:list")
    response = client.get(url)
    assert "public" in response["Cache-Control"]
    assert "s-maxage=300" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["Last-Modified"]
    # Something scheduled in 30 seconds: nobody may keep the page longer than that.
    InitiativeFactory(title="Snart publicerat", published_at=now + timedelta(seconds=30))
    response = client.get(url)
    maxage = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert 0 < maxage <= 30


def test_conditional_get_returns_304_until_content_changes(client, site_pages):
    initiative = InitiativeFactory(title="Första")
    url = reverse("initiatives:list")
    first = client.get(url)
    etag = first["ETag"]
    assert "public" in first["Cache-Control"]

    assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    initiative.title = "Andra"
    initiative.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_conditional_get_by_last_modified(client, site_pages):
    url = reverse("initiatives:list")
    modified = client.get(url)["Last-Modified"]
    response = client.get(url, headers={"if-modified-since": modified})
    assert response.status_code == 304


def test_a_cache_outage_costs_speed_not_the_page(client, site_pages):
    with mock.patch("django.core.cache.cache.get", side_effect=ConnectionError("redis down")):
        response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert HIT not in response


def test_a_hit_is_answered_before_sessions_auth_and_the_view(client, site_pages):
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.csrf import CsrfViewMiddleware

    url = reverse("initiatives:list")
    client.get(url)
    with (
        mock.patch.object(SessionMiddleware, "process_request") as session,
        mock.patch.object(CsrfViewMiddleware, "process_view") as csrf,
        mock.patch("initiatives.views.InitiativeListView.get_queryset") as view,
    ):
        response = client.get(url)
    assert response[HIT] == "hit"
    assert not session.called and not csrf.called and not view.called
