"""Unique page views and film plays, counted per day without cookies or stored identifiers."""

import datetime
import io
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback import abuse, pending, viewcounts
from feedback.models import PageViewDay
from media.models import Film
from tests.conftest import redis_commands, use_local_redis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["in-process", "redis"])
def counting_cache(request, settings):
    """Every test here runs with the in-process cache and with Redis (when one answers)."""
    viewcounts.local.take()  # nothing left over from another test
    if request.param == "in-process":
        yield request.param
        return
    clean_up = use_local_redis(settings)
    yield request.param
    clean_up()


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
OTHER_BROWSER = "Mozilla/5.0 (Macintosh) Gecko/20100101 Firefox/121.0"


def visitor(ip="198.51.100.10", agent=BROWSER):
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


def counts(key="/", kind="page"):
    viewcounts.flush()  # as the statistics pages do when they are read
    row = PageViewDay.objects.filter(kind=kind, key=key).first()
    return (row.views, row.unique_views) if row else (0, 0)


def test_views_and_unique_visitors_per_page_and_day(site_pages):
    anna, bertil = visitor(), visitor(ip="198.51.100.11")
    anna.get("/")
    anna.get("/")
    bertil.get("/")
    anna.get("/ai-initiativ/")

    assert counts("/") == (3, 2)
    assert counts("/ai-initiativ/") == (1, 1)
    assert PageViewDay.objects.get(key="/").date == timezone.localdate()
    # The same address with another browser is another visitor.
    visitor(agent=OTHER_BROWSER).get("/")
    assert counts("/") == (4, 3)


def test_a_page_served_from_the_cache_is_counted_without_a_round_trip(site_pages, counting_cache):
    if counting_cache != "redis":
        pytest.skip("round trips are a Redis matter; the in-process cache has none")
    assert visitor().get("/")["X-Page-Cache"] == "miss"
    with redis_commands() as sent:
        response = visitor(ip="198.51.100.11").get("/")
    assert response["X-Page-Cache"] == "hit"
    # The page from this process's near copy, the count gathered for the next send.
    assert sent == []
    assert counts("/") == (2, 2)


def test_without_near_copies_a_hit_is_one_round_trip(site_pages, counting_cache, settings):
    if counting_cache != "redis":
        pytest.skip("round trips are a Redis matter; the in-process cache has none")
    settings.GENERATION_RECHECK_SECONDS = 0
    assert visitor().get("/")["X-Page-Cache"] == "miss"
    with redis_commands() as sent:
        response = visitor(ip="198.51.100.11").get("/")
    assert response["X-Page-Cache"] == "hit"
    assert sent == ["EVALSHA"]  # the generation and the stored page; the count waits
    assert counts("/") == (2, 2)


def test_counts_on_another_redis_are_sent_there(site_pages, counting_cache, settings):
    if counting_cache != "redis":
        pytest.skip("round trips are a Redis matter; the in-process cache has none")
    from django.core.cache import caches

    # Limits and counters on a Redis of their own (LIMITS_REDIS_URL): the views go there,
    # once each, hits and misses alike.
    settings.CACHES = {
        **settings.CACHES,
        "limits": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:6379/6"},
    }
    try:
        assert visitor().get("/")["X-Page-Cache"] == "miss"
        assert visitor(ip="198.51.100.11").get("/")["X-Page-Cache"] == "hit"
        pending.send_now()
        limits = caches["limits"]
        views_key, _ = viewcounts._keys(viewcounts._member(timezone.localdate(), "page", "/"))
        assert limits.client.get_client().get(views_key) == b"2"
        assert not caches["default"].client.get_client().exists(views_key)
        assert counts("/") == (2, 2)
    finally:
        caches["limits"].delete_pattern("*")  # only this test's keys (the prefix)


def test_no_cookie_is_set_for_counting(site_pages):
    response = visitor().get("/ai-initiativ/")
    assert not response.cookies and "Set-Cookie" not in response
    assert counts("/ai-initiativ/") == (1, 1)


def test_uniqueness_rotates_with_the_day(site_pages):
    anna = visitor()
    anna.get("/")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with mock.patch("feedback.abuse.timezone.localdate", return_value=tomorrow):
        hash_tomorrow = abuse.client_hash(
            mock.Mock(META={"REMOTE_ADDR": "198.51.100.10", "HTTP_USER_AGENT": BROWSER}),
            purpose="view",
            with_user_agent=True,
            extra="/",
        )
    hash_today = abuse.client_hash(
        mock.Mock(META={"REMOTE_ADDR": "198.51.100.10", "HTTP_USER_AGENT": BROWSER}),
        purpose="view",
        with_user_agent=True,
        extra="/",
    )
    assert hash_today != hash_tomorrow
    assert "198.51.100.10" not in hash_today


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 HeadlessChrome/120.0",
        "curl/8.5.0",
        "python-requests/2.31",
        "facebookexternalhit/1.1",
    ],
)
def test_bots_are_not_counted(site_pages, agent):
    visitor(agent=agent).get("/")
    assert counts("/") == (0, 0)


def test_a_bot_is_known_by_a_long_user_agent_and_the_answers_kept_stay_bounded(site_pages):
    from feedback import middleware

    middleware.is_bot_agent.cache_clear()
    visitor(agent="Mozilla/5.0 " + "x" * 600 + " examplebot/1.0").get("/")
    assert counts("/") == (0, 0)
    assert middleware.is_bot_agent.cache_info().currsize == 0  # too long to be kept
    # Visitors write the header: however many agents come, the answers kept are bounded.
    for n in range(3000):
        middleware.is_bot_agent(f"{BROWSER} variant/{n}")
    assert middleware.is_bot_agent.cache_info().currsize == 1024


def test_an_anonymous_visitor_is_counted_without_reading_who_is_signed_in(rf):
    from django.urls import resolve

    from feedback import middleware

    class NobodyAsked:
        @property
        def is_authenticated(self):
            raise AssertionError("request.user was read for a visitor with no session")

    request = rf.get("/", HTTP_USER_AGENT=BROWSER)
    request.resolver_match = resolve("/")
    request.user = NobodyAsked()
    assert middleware.request_counts(request)
    request.COOKIES["sessionid"] = "någon"
    with pytest.raises(AssertionError, match=r"request\.user was read"):
        middleware.request_counts(request)


def test_only_successful_public_html_gets_are_counted(site_pages, admin_client):
    client = visitor()
    client.head("/")
    client.get("/finns-inte/alls/")  # 404
    client.get("/?preview=1")
    client.get("/?aterkoppling=klar")  # the page shown again after answering
    client.get("/static/css/site.css")
    client.get("/admin/login/")
    client.post(reverse("feedback:answer"), {"page": "/", "helpful": "ja"})
    admin_client.get("/", HTTP_USER_AGENT=BROWSER)  # staff looking at the site
    viewcounts.flush()
    assert PageViewDay.objects.count() == 0


def test_counting_a_view_writes_nothing_to_the_database(site_pages):
    client = visitor()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")  # from the page cache: no query at all, and counted
    assert not [q for q in queries.captured_queries if "feedback_pageviewday" in q["sql"]]
    assert counts("/") == (2, 1)


def test_counts_move_to_the_database_when_read_and_add_up_over_flushes(site_pages):
    anna, bertil = visitor(), visitor(ip="198.51.100.11")
    anna.get("/")
    assert counts("/") == (1, 1)
    anna.get("/")
    bertil.get("/")
    assert counts("/") == (3, 2)  # the second flush adds views; Anna is still one visitor
    assert counts("/") == (3, 2)  # nothing new: nothing changes
    assert PageViewDay.objects.count() == 1


def test_the_summary_and_the_command_flush_the_counts(site_pages, admin_client):
    from django.core.management import call_command

    from feedback import summary

    visitor().get("/")
    today = timezone.localdate()
    assert [(r.page, r.views, r.unique) for r in summary.page_summary(today, today)] == [
        ("/", 1, 1)
    ]
    visitor(ip="198.51.100.12").get("/ai-initiativ/")
    call_command("flush_view_counts", stdout=io.StringIO())
    assert PageViewDay.objects.get(key="/ai-initiativ/").views == 1
    visitor(ip="198.51.100.13").get("/ai-initiativ/")
    response = admin_client.get(reverse("admin:feedback_pageviewday_changelist"))
    assert response.status_code == 200
    assert PageViewDay.objects.get(key="/ai-initiativ/").views == 2


def test_counts_wait_in_the_process_at_most_until_the_next_send(site_pages, counting_cache):
    if counting_cache != "redis":
        pytest.skip("the in-process cache counts in the process (documented)")
    from django.core.cache import cache

    visitor().get("/")
    visitor(ip="198.51.100.11").get("/")
    views_key, _ = viewcounts._keys(viewcounts._member(timezone.localdate(), "page", "/"))
    assert cache.get(views_key) is None  # gathered here, not yet in Redis
    assert pending.send_now() == 1  # one page and day: one set of commands for both views
    assert cache.client.get_client().get(views_key) == b"2"
    assert pending.send_now() == 0
    assert counts("/") == (2, 2)


def test_a_failing_flush_loses_no_count(site_pages):
    visitor().get("/")
    with mock.patch.object(PageViewDay.objects, "add", side_effect=RuntimeError("db down")):
        assert viewcounts.flush() == 0
    assert not PageViewDay.objects.exists()
    assert counts("/") == (1, 1)


def test_a_failing_count_never_costs_the_visitor_the_page(site_pages):
    with mock.patch("feedback.services.record_view", side_effect=RuntimeError("cache down")):
        response = visitor().get("/")
    assert response.status_code == 200


def test_film_plays_are_counted_per_film_with_unique_viewers(films_on_pages):
    url = reverse("feedback:film_play")
    anna, bertil = visitor(), visitor(ip="198.51.100.11")
    assert anna.post(url, {"film": "webbinarium-2024-del-1"}).status_code == 204
    anna.post(url, {"film": "webbinarium-2024-del-1"})
    bertil.post(url, {"film": "webbinarium-2024-del-1"})
    bertil.post(url, {"film": "webbinarium-2024-del-2"})

    assert counts("webbinarium-2024-del-1", kind="film") == (3, 2)
    assert counts("webbinarium-2024-del-2", kind="film") == (1, 1)


@pytest.mark.parametrize("film", ["", "../etc", "<script>", "a" * 101, "film med mellanslag"])
def test_film_play_refuses_bad_ids(films_on_pages, film):
    response = visitor().post(reverse("feedback:film_play"), {"film": film})
    assert response.status_code == 400
    viewcounts.flush()
    assert not PageViewDay.objects.exists()


@pytest.mark.parametrize(
    "film", ["webbinarium-2024-del-3", "pa-hittad-film", "webbinarium-2024-del-1\n"]
)
def test_film_play_refuses_films_no_page_shows(films_on_pages, film):
    response = visitor().post(reverse("feedback:film_play"), {"film": film})
    assert response.status_code == 400
    viewcounts.flush()
    assert not PageViewDay.objects.exists()


def test_a_film_that_is_not_published_is_not_counted(films_on_pages):
    Film.objects.filter(film_id="webbinarium-2024-del-1").update(status=Film.Status.DRAFT)
    response = visitor().post(reverse("feedback:film_play"), {"film": "webbinarium-2024-del-1"})
    assert response.status_code == 400
    viewcounts.flush()
    assert not PageViewDay.objects.exists()
    assert 'data-film-id="webbinarium-2024-del-1"' not in (
        visitor().get(films_on_pages.get_absolute_url()).content.decode()
    )


def test_a_film_id_written_as_markup_is_not_a_film(site_pages):
    # Only the library makes films: <video> in Markdown is stripped, its id never counted.
    webinar = site_pages["webbinarium"]
    webinar.body = '<video data-film-id="pa-hittad-film" src="/media/x.mp4" controls></video>'
    webinar.save()
    assert "data-film-id" not in visitor().get(webinar.get_absolute_url()).content.decode()
    response = visitor().post(reverse("feedback:film_play"), {"film": "pa-hittad-film"})
    assert response.status_code == 400
    viewcounts.flush()
    assert not PageViewDay.objects.filter(kind="film").exists()


def test_film_plays_by_bots_are_not_counted(films_on_pages):
    response = visitor(agent="Googlebot/2.1").post(
        reverse("feedback:film_play"), {"film": "webbinarium-2024-del-1"}
    )
    assert response.status_code == 204
    viewcounts.flush()
    assert not PageViewDay.objects.exists()


def test_client_ip_honours_trusted_proxies(settings):
    request = mock.Mock(
        META={"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.1.1.1, 2.2.2.2"}
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert abuse.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert abuse.client_ip(request) == "2.2.2.2"  # the address our own proxy saw
    settings.TRUSTED_PROXY_COUNT = 2
    assert abuse.client_ip(request) == "1.1.1.1"


def test_flushing_twice_counts_once_and_old_days_are_let_go(site_pages, counting_cache):
    week_ago = timezone.localdate() - datetime.timedelta(days=7)
    with mock.patch("feedback.viewcounts.timezone.localdate", return_value=week_ago):
        viewcounts.record(kind="page", key="/", visitor="a")
        viewcounts.record(kind="page", key="/", visitor="b")
    assert viewcounts.flush() == 1
    assert viewcounts.flush() == 0  # taken once: a second flush finds nothing to add
    assert counts("/") == (2, 2)
    assert PageViewDay.objects.get().date == week_ago
    if counting_cache == "redis":
        from django.core.cache import cache
        from django_redis import get_redis_connection

        index = cache.make_key(viewcounts.INDEX)
        assert not get_redis_connection("default").smembers(index)  # nothing left to flush
