"""During a database outage: one log line per request, never a traceback; cached pages stay fast."""

import logging
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.db import connections
from django.db.utils import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from feedback.models import PageViewDay
from portal import health
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
# What psycopg says when the server is gone: several lines, as real messages are.
REFUSED = (
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
    "Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"
)


def database_down():
    return mock.patch.object(
        type(connections["default"]), "ensure_connection", side_effect=OperationalError(REFUSED)
    )


def logged(caplog):
    """What an operator reads: every record at WARNING or above."""
    return [r for r in caplog.records if r.levelno >= logging.WARNING]


def assert_one_line_without_traceback(records):
    assert len(records) == 1, [r.getMessage() for r in records]
    record = records[0]
    assert record.exc_info is None and not record.exc_text
    assert "\n" not in record.getMessage()
    return record.getMessage()


def test_a_page_needing_the_database_logs_one_line(client, site_pages, caplog):
    url = InitiativeFactory().get_absolute_url()
    with database_down(), caplog.at_level(logging.INFO):
        assert client.get(url).status_code == 503

    message = assert_one_line_without_traceback(logged(caplog))
    assert message.startswith(f"Database unavailable, answered 503 for GET {url}")
    assert "Connection refused" in message


def test_a_failure_outside_a_view_logs_one_line(caplog):
    """handler500 answers 503; Django must not log the same request again with a traceback."""
    request = RequestFactory().get("/ai-initiativ/")
    with caplog.at_level(logging.INFO):
        try:
            raise OperationalError(REFUSED)
        except OperationalError as exc:
            response = response_for_exception(request, exc)

    assert response.status_code == 503
    message = assert_one_line_without_traceback(logged(caplog))
    assert message.startswith("Database unavailable, answered 503 for GET /ai-initiativ/")


def test_healthz_logs_one_line(client, caplog):
    with database_down(), caplog.at_level(logging.INFO):
        assert client.get("/healthz").status_code == 503

    message = assert_one_line_without_traceback(logged(caplog))
    assert message.startswith("Health check: database unavailable")


# Counting writes in a transaction of its own: these run outside the test's transaction, as
# requests do, so a failed write leaves nothing half-done for the next request.
@pytest.mark.django_db(transaction=True)
def test_a_cached_page_is_served_and_its_uncounted_view_logs_one_line(site_pages, caplog):
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    home = reverse("portal:home")
    assert visitor.get(home).status_code == 200  # now in the page cache

    with database_down() as connect, caplog.at_level(logging.INFO):
        response = visitor.get(home)
        tries_after_first = connect.call_count
        again = visitor.get(home)

    assert response.status_code == again.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    first, second = logged(caplog)[:1], logged(caplog)[1:]
    assert assert_one_line_without_traceback(first).startswith("Page view not counted for /")
    assert assert_one_line_without_traceback(second).startswith("Page view not counted for /")
    # After the failure the next page does not wait for the database at all.
    assert tries_after_first >= 1
    assert connect.call_count == tries_after_first
    assert PageViewDay.objects.get(key=home).views == 1  # the view before the outage


@pytest.mark.django_db(transaction=True)
def test_counting_resumes_after_the_pause(site_pages, monkeypatch):
    from portal import outage

    visitor = Client(HTTP_USER_AGENT=BROWSER)
    home = reverse("portal:home")
    visitor.get(home)
    with database_down():
        visitor.get(home)
    assert outage.recently_unavailable()

    later = time.monotonic() + outage.PAUSE_SECONDS + 1
    monkeypatch.setattr(outage.time, "monotonic", lambda: later)
    visitor.get(home)

    assert PageViewDay.objects.get(key=home).views == 2


def test_healthz_answers_in_time_while_the_database_hangs(client, settings):
    """The check waits on its own thread; the request gets its answer when the time is up."""
    settings.HEALTHZ_DATABASE_TIMEOUT = 0.2
    release = mock.Mock()
    hanging = pytest.importorskip("threading").Event()
    release.side_effect = lambda: hanging.wait(5)
    with mock.patch.object(health, "_select_one", release):
        response = client.get("/healthz")
        hanging.set()

    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_database_waits_are_bounded_in_the_settings():
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "portal.db":
        pytest.skip("PostgreSQL only: the limits are libpq and server settings")
    options = db["OPTIONS"]
    assert options["connect_timeout"] == 2
    assert options["keepalives"] == 1 and options["tcp_user_timeout"] == 3000
    assert "-c statement_timeout=5000" in options["options"]
    assert "-c lock_timeout=2000" in options["options"]
    assert settings.DATABASE_WAIT_TIMEOUT == 7
    with connections["default"].cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"


def test_a_database_that_does_not_answer_in_time_is_an_unavailable_database(settings):
    """portal.db: the client stops waiting, drops the connection, and the next one works."""
    if settings.DATABASES["default"]["ENGINE"] != "portal.db":
        pytest.skip("PostgreSQL only")
    settings.DATABASE_WAIT_TIMEOUT = 0.3
    wrapper = connections.create_connection("default")  # outside the test's transaction
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            sleeping = cursor.fetchone()[0]
        with (
            pytest.raises(OperationalError, match=r"did not answer within 0\.3 s"),
            wrapper.cursor() as cursor,
        ):
            cursor.execute("SELECT pg_sleep(3)")
        with connections["default"].cursor() as cursor:  # the server has not noticed yet
            cursor.execute("SELECT pg_terminate_backend(%s)", [sleeping])
        assert wrapper.connection.closed  # never reused in an unknown state
        assert not wrapper.is_usable()

        wrapper.close()
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
    finally:
        wrapper.close()
