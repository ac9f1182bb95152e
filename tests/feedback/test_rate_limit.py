"""The rate limit lives in the shared cache, so it holds across app processes.

These tests use Redis DB 4 on 127.0.0.1 (REDIS_TEST_URL to change) and are skipped
with a reason when no Redis answers there.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from feedback import abuse

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/4")


def redis_cache(prefix):
    from django_redis.cache import RedisCache

    return RedisCache(REDIS_URL, {"KEY_PREFIX": prefix, "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1}})


@pytest.fixture
def prefix():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:
        if os.environ.get("CI"):
            pytest.fail(f"no Redis at {REDIS_URL} in CI (.ci/run starts it): {error}")
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    # Only this test's keys: clear() would flush the whole Redis database, shared with others.
    redis_cache(prefix).delete_pattern("*")


def test_limit_holds_across_two_separately_built_cache_clients(prefix):
    first, second = redis_cache(prefix), redis_cache(prefix)
    assert first is not second
    client = "klient-a"

    results = [abuse.rate_limited(client, cache=first, limit=3, window=60) for _ in range(2)]
    results += [abuse.rate_limited(client, cache=second, limit=3, window=60) for _ in range(2)]

    assert results == [False, False, False, True]
    # Another client has its own budget.
    assert abuse.rate_limited("klient-b", cache=second, limit=3, window=60) is False


def test_duplicates_are_seen_across_cache_clients(prefix):
    first, second = redis_cache(prefix), redis_cache(prefix)
    assert abuse.is_duplicate("klient", "/", True, "", cache=first, window=60) is False
    assert abuse.is_duplicate("klient", "/", True, "", cache=second, window=60) is True
    assert abuse.is_duplicate("klient", "/", False, "", cache=second, window=60) is False


CHILD = """
import django, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
django.setup()
from feedback import abuse
from tests.feedback.test_rate_limit import redis_cache
cache = redis_cache(sys.argv[1])
hits = [abuse.rate_limited("klient", cache=cache, limit=4, window=60) for _ in range(3)]
print(",".join(map(str, hits)))
"""


def test_limit_holds_across_two_processes(prefix):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}

    def run():
        result = subprocess.run(
            [sys.executable, "-c", CHILD, prefix],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.strip()

    assert run() == "False,False,False"
    assert run() == "False,True,True"  # the second process sees the first one's count


def test_clearing_between_tests_deletes_only_this_runs_keys(prefix, settings):
    """Redis is shared: the autouse cleanup must never flush other people's keys."""
    from django.core.cache import cache

    from tests.conftest import clear_own_cache_keys

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    theirs = redis_cache(f"{prefix}-someone-else")
    theirs.set("their-key", "kept", 60)
    cache.set("our-key", "gone", 60)

    clear_own_cache_keys()

    assert cache.get("our-key") is None
    assert theirs.get("their-key") == "kept"
    theirs.delete("their-key")


def test_every_test_cache_has_a_prefix_of_this_run(settings):
    from tests import settings as test_settings

    prefixes = [config.get("KEY_PREFIX", "") for config in test_settings.CACHES.values()]
    assert len(set(prefixes)) == len(prefixes)
    assert all(p.startswith(test_settings.TEST_CACHE_PREFIX) for p in prefixes)


def test_markers_live_in_the_limits_cache_out_of_the_page_caches_reach():
    from django.core.cache import caches

    assert abuse.is_duplicate("klient", "/", True, "") is False
    assert abuse.rate_limited("klient") is False

    key = abuse._duplicate_key("klient", ("/", True, ""))
    assert caches["limits"].get(key) == 1
    assert caches["limits"].get("feedback:rate:klient") == 1
    assert caches["default"].get(key) is None
