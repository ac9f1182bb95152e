"""What counting a page view adds to a request (not a test: figures depend on the machine).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/page_view_cost.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/4 \
        .venv/bin/python bench/page_view_cost.py

Times N requests for the start page through the test client with the counting
middleware on and off, and N bare calls of the counting itself (with Redis: merged into
what the process sends once a second, feedback/pending.py; in-process: a cache add and a
counter), then the flush that sends and moves them to the database, and prints the means.
The cache keys it made (under the test settings' own prefix) are deleted at the end.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from feedback import services  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 500
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36"


def timed_requests(label: str) -> float:
    client = Client(HTTP_USER_AGENT=AGENT)
    client.get("/")  # warm up templates, the day's row and connections
    started = time.perf_counter()
    for i in range(N):
        client.get("/", REMOTE_ADDR=f"10.0.{i // 250}.{i % 250}")
    mean = (time.perf_counter() - started) / N * 1000
    print(f"{label:<34} {mean:7.2f} ms per request")
    return mean


if __name__ == "__main__":
    call_command("migrate", run_syncdb=True, verbosity=0)  # tests.notices has no migrations
    print(f"database: {connection.vendor}, cache: {settings.CACHES['default']['BACKEND']}")
    without = settings.MIDDLEWARE[:]
    without.remove("feedback.middleware.PageViewMiddleware")
    # Alternate the two runs and keep the best of each: the machine is shared and noisy.
    on, off = [], []
    for _ in range(3):
        on.append(timed_requests("start page, counting on"))
        with override_settings(MIDDLEWARE=without):
            off.append(timed_requests("start page, counting off"))
    with_counting, without_counting = min(on), min(off)
    started = time.perf_counter()
    for i in range(N):
        services.record_view(kind="page", key="/bench/", visitor=f"visitor-{i}")
    bare = (time.perf_counter() - started) / N * 1000
    print(f"{'counting alone (in the cache)':<34} {bare:7.2f} ms per view")
    from feedback import viewcounts

    started = time.perf_counter()
    viewcounts.flush()
    print(f"{'flush to the database':<34} {(time.perf_counter() - started) * 1000:7.2f} ms")
    print(f"difference per request: {with_counting - without_counting:+.2f} ms")
    from tests.conftest import clear_own_cache_keys

    clear_own_cache_keys()
