"""During a database outage: one log line per request, never a traceback; cached pages stay fast."""

import logging
from unittest import mock

import pytest
from django.core.handlers.exception import response_for_exception
from django.db import connections
from django.db.utils import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from feedback import viewcounts
from feedback.models import PageViewDay
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


# Requests run outside the test's transaction, as real ones do.
@pytest.mark.django_db(transaction=True)
def test_a_cached_page_is_served_and_counted_without_the_database(site_pages, caplog):
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    home = reverse("portal:home")
    assert visitor.get(home).status_code == 200  # now in the page cache

    with database_down() as connect, caplog.at_level(logging.INFO):
        response = visitor.get(home)
        again = visitor.get(home)

    assert response.status_code == again.status_code == 200
    assert response["X-Page-Cache"] == again["X-Page-Cache"] == "hit"
    assert connect.call_count == 0  # neither the page nor counting its view asked the database
    assert logged(caplog) == []
    viewcounts.flush()  # once the database is back, as the statistics pages do
    assert PageViewDay.objects.get(key=home).views == 3
