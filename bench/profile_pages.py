"""Where an uncached page's time goes (not a test: figures depend on the machine).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/profile_pages \
        .venv/bin/python bench/profile_pages.py [--requests 50] [--top 25]

Loads the demo content into the given database (migrating it first), then for each page
type renders N requests through the test client with the page cache off and prints, per
page: CPU milliseconds per request (without the profiler), queries per request, and, from
a second run under cProfile, the share of time spent inside templates, the ORM (with the
driver), Markdown, page-view counting and URL resolving. `--top` prints the costliest
functions too. The test client adds about 0.1 ms per request that gunicorn does not.
"""

import argparse
import cProfile
import itertools
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130 Safari/537.36"

# Parts of the stack, recognised by the file a function lives in; each part is charged the
# time spent inside its own functions (cProfile's tottime), so nothing is counted twice.
PARTS = {
    "templates": ("django/template/",),
    "ORM and driver": ("django/db/", "psycopg/", "sqlite3"),
    "Markdown": ("markdown/", "nh3", "publishing/markdown.py"),
    "page-view counting": ("feedback/viewcounts.py", "feedback/middleware.py"),
    "URL resolving": ("django/urls/",),
}


def pages():
    from initiatives.models import Initiative

    initiative = Initiative.objects.published().order_by("title").first()
    return {
        "startsida": "/",
        "initiativlista": "/ai-initiativ/",
        "initiativlista filtrerad": "/ai-initiativ/?fas=test",
        "initiativ": initiative.get_absolute_url(),
        "kategori (Juridik)": "/stod-och-verktyg/juridik/",
        "stöd och verktyg": "/stod-och-verktyg/",
        "sök": "/sok/?q=socialtj%C3%A4nst",
        # A query not asked before on every request ("{n}" is a counter): never remembered.
        "sök, ny fråga": "/sok/?q=socialtj%C3%A4nst+or+ord{n}",
    }


def share(stats: pstats.Stats, needles, total) -> float:
    """Summed internal time (tottime) of functions whose file matches one of the needles."""
    spent = 0.0
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        if any(needle in filename for needle in needles):
            spent += tottime
    return spent / total if total else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()

    call_command("migrate", run_syncdb=True, verbosity=0)  # tests.notices has no migrations
    call_command("load_demo_content", verbosity=0)
    call_command("update_search_index", verbosity=0)
    client = Client(HTTP_USER_AGENT=AGENT, HTTP_X_FORWARDED_PROTO="https")
    print(f"database: {connection.vendor}; {args.requests} requests per page, page cache off")
    print(f"{'page':<26} {'CPU ms':>7} {'queries':>7}  " + "  ".join(f"{p:>10}" for p in PARTS))
    for name, path in pages().items():
        if args.only and args.only not in name:
            continue
        numbers = itertools.count()

        def get(path=path, numbers=numbers):
            return client.get(path.replace("{n}", str(next(numbers))))

        assert get().status_code == 200, path  # warm templates and connections
        queries = []

        def counted(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            get()
        started = time.process_time()
        for _ in range(args.requests):
            get()
        cpu = (time.process_time() - started) / args.requests * 1000
        # The shares from a second, profiled run (the profiler itself slows every call).
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.requests):
            get()
        profiler.disable()
        stats = pstats.Stats(profiler)
        total = stats.total_tt
        shares = [share(stats, needles, total) for needles in PARTS.values()]
        print(
            f"{name:<26} {cpu:7.1f} {len(queries):7d}  "
            + "  ".join(f"{s * 100:9.0f}%" for s in shares)
        )
        if args.top:
            stats.sort_stats("tottime").print_stats(args.top)
        reset_queries()


if __name__ == "__main__":
    main()
