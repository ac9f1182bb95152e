"""Health check and the Swedish 503 page while the database is unreachable."""

import logging
import sys
from unittest import mock

import pytest
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import health
from portal.views import server_error
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Tjänsten är tillfälligt otillgänglig"


def database_down(exception=OperationalError):
    """Every new query fails as if PostgreSQL refused the connection, on every thread."""
    return mock.patch.object(
        type(connections["default"]),
        "ensure_connection",
        side_effect=exception('connection to server at "127.0.0.1" failed: Connection refused'),
    )


def test_healthz_says_ok_with_one_cheap_query(client):
    def queries_of_one_check():
        # The check runs on the health checker's own thread, with that thread's connection.
        with CaptureQueriesContext(connections["default"]) as captured:
            health._select_one()
        return [query["sql"] for query in captured.captured_queries]

    assert health._database_checker.submit(queries_of_one_check).result() == ["SELECT 1"]

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_healthz_is_503_without_the_database(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_healthz_is_503_without_the_cache(client):
    with mock.patch("portal.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"cache unavailable"


def test_healthz_answers_plain_http_from_the_load_balancer(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("portal:home")).status_code == 301


@pytest.mark.parametrize("exception", [OperationalError, InterfaceError])
def test_lost_database_gives_swedish_503_without_traceback(client, site_pages, caplog, exception):
    url = InitiativeFactory().get_absolute_url()

    with caplog.at_level(logging.ERROR), database_down(exception):
        response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert f"<h1>{UNAVAILABLE}</h1>" in html
    assert '<html lang="sv">' in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert any("Database unavailable" in r.getMessage() for r in caplog.records)


def test_site_recovers_by_itself_when_the_database_returns(client, site_pages):
    InitiativeFactory(title="Digitala tolken")
    url = reverse("initiatives:list")
    with database_down():
        assert client.get(url).status_code == 503

    response = client.get(url)

    assert response.status_code == 200
    assert "Digitala tolken" in response.content.decode()


def test_database_failure_outside_a_view_also_gives_503():
    """handler500 sees the exception in flight, e.g. one raised in a middleware."""
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        assert sys.exception() is not None
        response = server_error(request)
    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()


def test_other_errors_still_give_the_500_page(public_pages):
    response = Client(raise_request_exception=False).get("/__test__/fel/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_a_503_is_never_cached_so_recovery_is_immediate(client, site_pages):
    url = reverse("portal:home")
    with database_down():
        client.get(url)
        assert client.get(url).status_code == 503
    assert client.get(url).status_code == 200
