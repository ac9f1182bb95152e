"""Counts gathered in the process and sent to Redis together (feedback/pending.py)."""

import contextlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
import redis
from django.utils import timezone

from feedback import pending, searchterms, viewcounts

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def views_key(key="/"):
    return viewcounts._keys(viewcounts._member(timezone.localdate(), "page", key))[0]


def in_redis(cache, key):
    return cache.client.get_client().get(key)


def test_the_sender_thread_sends_by_itself(redis_cache, settings):
    settings.FEEDBACK_COUNT_SECONDS = 0.05
    viewcounts.record(kind="page", key="/", visitor="a")
    pending.wake()  # the thread may be waiting out the tests' long interval
    deadline = time.monotonic() + 5
    while in_redis(redis_cache, views_key()) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert in_redis(redis_cache, views_key()) == b"1"
    settings.FEEDBACK_COUNT_SECONDS = 3600
    pending.wake()


def test_views_of_one_page_go_as_one_count(redis_cache):
    for visitor in ["a", "b", "a", "c"]:
        viewcounts.record(kind="page", key="/", visitor=visitor)
    searchterms.record(query="Hemtjänst", results=3)
    searchterms.record(query="hemtjänst ", results=0)
    assert pending.send_now() == 2  # one page and day, one term and day
    assert in_redis(redis_cache, views_key()) == b"4"
    unique_key = viewcounts._keys(viewcounts._member(timezone.localdate(), "page", "/"))[1]
    assert redis_cache.client.get_client().pfcount(unique_key) == 3
    assert searchterms.flush() == 1
    from feedback.models import SearchTermDay

    row = SearchTermDay.objects.get(term="hemtjänst")
    assert (row.searches, row.without_results, row.results) == (2, 1, 0)


def test_counts_wait_while_redis_does_not_answer(redis_cache, caplog):
    viewcounts.record(kind="page", key="/", visitor="a")
    with mock.patch.object(
        redis.client.Pipeline, "execute", side_effect=redis.ConnectionError("no Redis")
    ):
        assert pending.send_now() == 0
        viewcounts.record(kind="page", key="/", visitor="b")  # counted meanwhile
    assert "kept for the next try" in caplog.text
    assert in_redis(redis_cache, views_key()) is None
    assert pending.send_now() == 1
    assert in_redis(redis_cache, views_key()) == b"2"


def test_what_waits_is_bounded(redis_cache, caplog, monkeypatch):
    monkeypatch.setattr(pending, "MAX_WAITING", 2)
    monkeypatch.setattr(pending, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="feedback.pending"):
        for page in ["/a/", "/b/", "/c/"]:
            viewcounts.record(kind="page", key=page, visitor="a")
        viewcounts.record(kind="page", key="/a/", visitor="b")  # a waiting key still counts
    assert "Too many page views waiting" in caplog.text
    assert pending.send_now() == 2
    assert in_redis(redis_cache, views_key("/a/")) == b"2"
    assert in_redis(redis_cache, views_key("/c/")) is None


CHILD = """
import django
django.setup()
from feedback import abuse, viewcounts
viewcounts.record(kind="page", key="/", visitor="a")
viewcounts.record(kind="page", key="/", visitor="b")
print(abuse.limits_cache().make_key(""))
"""


def test_a_process_that_stops_sends_what_waits_first():
    """A process that ends normally (gunicorn's graceful stop, a deploy) loses no count."""
    client = redis.Redis.from_url("redis://127.0.0.1:6379/7", socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/7",
        "LIMITS_REDIS_URL": "",
    }
    child = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 0, child.stderr
    prefix = child.stdout.strip().splitlines()[-1]
    member = viewcounts._member(timezone.localdate(), "page", "/")
    try:
        assert client.get(f"{prefix}viewcounts:n:{member}") == b"2"
        assert client.pfcount(f"{prefix}viewcounts:u:{member}") == 2
    finally:
        keys = list(client.scan_iter(f"{prefix}*"))  # only the child's keys (its prefix)
        if keys:
            client.delete(*keys)


class FakeRedis:
    """A client whose pipelines hand what was queued to `received` on execute, or fail."""

    def __init__(self, fails=False):
        self.connection_pool, self.fails, self.received = object(), fails, []

    @contextlib.contextmanager
    def pipeline(self, transaction):
        client = self

        class Pipe:
            queued = []

            def execute(self):
                if client.fails:
                    raise redis.ConnectionError("no answer")
                client.received += self.queued

        yield Pipe()


def test_one_server_failing_keeps_its_counts_and_lets_the_others_go():
    def send(client, pipe, counts):
        pipe.queued = sorted(counts.items())

    kind = pending.Pending("test counts", send, lambda old, new: old + new)
    try:
        down, up = FakeRedis(fails=True), FakeRedis()
        kind.add(down, "a", 1)
        kind.add(up, "b", 2)
        kind.add(up, "b", 3)
        with pytest.raises(redis.ConnectionError):
            kind.push()
        assert up.received == [("b", 5)]  # the working server's counts went, merged
        assert list(kind.items.values()) == [1]  # the failing server's count waits
        down.fails = False
        assert kind.push() == 1
        assert down.received == [("a", 1)] and kind.items == {}
    finally:
        pending._all.remove(kind)
