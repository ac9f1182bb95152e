"""Operational endpoints: the load balancer's health check."""

import logging
import secrets
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, connections
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from publishing import outage

logger = logging.getLogger(__name__)

# The database check runs on a thread of its own, so /healthz answers within
# HEALTHZ_DATABASE_TIMEOUT even when the database hangs (no connect timeout can be set
# below 2 s). The thread keeps its connection, reused between checks like a worker's. While
# one check hangs (at most DATABASE_WAIT_TIMEOUT, see portal.db) the next ones time out.
_database_checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz-db")


def _select_one():
    close_old_connections()  # CONN_MAX_AGE and broken connections, as between requests
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def close_connection() -> None:
    """Close the checker's connection (tests do, before they drop the test database)."""
    _database_checker.submit(connections.close_all).result(timeout=30)


def database_answers(timeout: float) -> None:
    """Raise unless the database answers `SELECT 1` within `timeout` seconds."""
    future = _database_checker.submit(_select_one)
    try:
        future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()  # if it has not started; a running check is bounded by portal.db
        raise TimeoutError(f"no answer within {timeout:g} s") from None


@never_cache
def healthz(request):
    """200 "ok" when this process can serve: the database and the cache answer.

    Deliberately cheap (one `SELECT 1`, one cache write and read) since a load balancer
    asks every few seconds; it lives outside the public pages, so it is neither cached
    nor counted as a page view. It answers within about HEALTHZ_DATABASE_TIMEOUT plus the
    cache's socket timeout, however the database fails.
    """
    try:
        database_answers(getattr(settings, "HEALTHZ_DATABASE_TIMEOUT", 1.0))
    except Exception as exc:
        outage.log_unavailable(
            "Health check: database unavailable", exception=exc, level=logging.WARNING
        )
        return _plain("database unavailable", status=503)
    try:
        # A key of its own per check: concurrent checks must not read each other's value.
        key, token = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(4)
        cache.set(key, token, 10)
        if cache.get(key) != token:
            raise RuntimeError("value read back differs")
        cache.delete(key)
    except Exception as exc:
        logger.warning("Health check: cache unavailable: %s", outage.describe(exc))
        return _plain("cache unavailable", status=503)
    return _plain("ok")


def _plain(text, status=200):
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    # The line above is the only one: Django would log every failed check a second time.
    response._has_been_logged = status != 200
    return response
