"""The health check of a kept PostgreSQL connection (portal.db), on a connection of its own.

PostgreSQL only: the engine exists for it (SQLite has no server to lose).
"""

import select
import time

import pytest
from django.db import OperationalError, connection, connections

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="portal.db is for PostgreSQL"),
]


@pytest.fixture
def own_connection():
    """A second connection to the test database, as a gunicorn thread holds one."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


@pytest.fixture
def checks(monkeypatch):
    """The health checks (`SELECT 1` round trips) each wrapper made."""
    made = []
    wrapper_class = type(connections["default"])
    assert wrapper_class.__module__ == "portal.db.base"
    original = wrapper_class.is_usable

    def is_usable(self):
        made.append(self)
        return original(self)

    monkeypatch.setattr(wrapper_class, "is_usable", is_usable)
    return made


def start_request(wrapper):
    """What Django does for the next request: the connection must be checked again."""
    wrapper.close_if_unusable_or_obsolete()
    wrapper.close_if_health_check_failed()


def test_a_connection_that_answered_lately_is_reused_without_a_round_trip(
    own_connection, checks, settings
):
    settings.DATABASE_HEALTH_CHECK_IDLE_SECONDS = 5
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 2")
    start_request(own_connection)
    assert checks == []
    assert own_connection.health_check_done
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 3")
        assert cursor.fetchone() == (3,)


def test_the_first_statement_on_an_unchecked_connection_waits_no_longer_than_the_check(
    own_connection, settings, monkeypatch
):
    """A server that hangs right after the last answer costs what the check would have."""
    settings.DATABASE_HEALTH_CHECK_IDLE_SECONDS = 5
    monkeypatch.setattr(own_connection, "_connect_timeout", lambda: 0.3)
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 2")

    start_request(own_connection)
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 3")  # the first statement answers at once
        cursor.execute("SELECT pg_sleep(0.6)")  # the second has the usual limit
    start_request(own_connection)
    started = time.monotonic()
    with (
        pytest.raises(OperationalError, match=r"did not answer within 0\.3 s"),
        own_connection.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_sleep(5)")  # no answer within the check's limit
    assert time.monotonic() - started < 2


def test_a_connection_idle_for_longer_is_checked(own_connection, checks, settings):
    settings.DATABASE_HEALTH_CHECK_IDLE_SECONDS = 0.05
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 2")
    time.sleep(0.1)
    start_request(own_connection)
    assert checks == [own_connection]
    assert own_connection.connection is not None


def test_zero_checks_before_every_request(own_connection, checks, settings):
    settings.DATABASE_HEALTH_CHECK_IDLE_SECONDS = 0
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 2")
    start_request(own_connection)
    assert checks == [own_connection]


def test_a_connection_the_server_closed_is_checked_and_replaced_however_recent(
    own_connection, checks, settings
):
    settings.DATABASE_HEALTH_CHECK_IDLE_SECONDS = 60
    kept = own_connection.connection
    with connection.cursor() as cursor:  # the test's own connection ends the other's backend
        cursor.execute("SELECT pg_terminate_backend(%s)", [kept.info.backend_pid])
    # The server's goodbye reaches the socket within moments.
    select.select([kept.fileno()], [], [], 2)

    start_request(own_connection)

    assert checks == [own_connection]
    assert own_connection.connection is None  # closed; the next query opens a new one
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 4")
        assert cursor.fetchone() == (4,)
    assert own_connection.connection is not kept
