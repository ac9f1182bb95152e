"""Operational endpoints: the load balancer's health check and the benchmark's baseline."""

import logging
import os
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.urls import path
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


def baseline(request, size):
    """A bare Django page of `size` bytes: no template, no database, no cache.

    The benchmark (bench/run.py) measures the public pages against it, through the same
    middleware stack, so the ratio shows what our own code costs.
    """
    head = b"<!doctype html><html lang=sv><title>Baslinje</title><p>"
    tail = b"</p></html>"
    filler = b"x" * max(0, size - len(head) - len(tail))
    return HttpResponse(head + filler + tail, content_type="text/html; charset=utf-8")


def benchmark_patterns():
    """The baseline URL, only when the benchmark starts the app with BENCH_BASELINE=1."""
    if os.environ.get("BENCH_BASELINE") != "1":
        return []
    return [path("__bench__/baseline/<int:size>/", baseline, name="bench_baseline")]
