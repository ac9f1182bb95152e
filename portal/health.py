"""Operational endpoints: the load balancer's health check."""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 "ok" when this process can serve: the database and the cache answer.

    Deliberately cheap (one `SELECT 1`, one cache write and read) since a load balancer
    asks every few seconds; it lives outside the public pages, so it is neither cached
    nor counted as a page view.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        logger.warning("Health check: database unavailable: %s", exc)
        return _plain("database unavailable", status=503)
    try:
        # A key of its own per check: concurrent checks must not read each other's value.
        key, token = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(4)
        cache.set(key, token, 10)
        if cache.get(key) != token:
            raise RuntimeError("value read back differs")
        cache.delete(key)
    except Exception as exc:
        logger.warning("Health check: cache unavailable: %s", exc)
        return _plain("cache unavailable", status=503)
    return _plain("ok")


def _plain(text, status=200):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
