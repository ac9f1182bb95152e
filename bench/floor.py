#!/usr/bin/env python
"""What a Django project holds and answers before any site code: `make bench-floor`.

Issue 12 asks for at most 64 MB per worker after a run and a p99 under 50 ms at 16
connections. This script measures where a plain Django project stands against the same
two goals on this machine, in the same setup as `make bench` (gunicorn 2 workers ×
4 threads with gunicorn.conf.py, wrk -t2 -c16, PostgreSQL on loopback), next to the site:

- **bare Django** (bench/baseline): one app, no middleware; the floor `make bench`
  compares with;
- **startproject** (bench/baseline/startproject_settings.py): the same pages with what
  `django-admin startproject` puts in every project (admin, auth, sessions, messages,
  static files, their middleware);
- **startproject + Redis**: the same, with Redis as the cache through django-redis, as
  the site uses it for its page cache, counters and limits (issue 12 asks for Redis
  counters);
- **the site**: the initiative list with the page cache off (one query, as `make bench`'s
  uncached targets).

The three baselines serve the page that reads 20 rows from PostgreSQL (`/databas/`). Each
server is measured in turns with the others, `--rounds` runs of `--duration` seconds; the
p99 of every run is printed, as is each worker's RSS and USS after all the runs. The
database is dropped at the end and the run's cache keys deleted.
"""

import argparse
import statistics
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import content
from bench.common import (
    Gunicorn,
    app_env,
    clean_up,
    clear_own_cache_keys,
    ensure_wrk,
    log,
    prepare_app,
    prepare_baseline,
    reset_database,
    setup_django,
)
from bench.run import MEMORY_GOAL_MB, P99_GOAL_MS, wrk


def servers(env, baseline, redis_url):
    """Each measured server: its label, environment, WSGI application and page."""
    startproject = {
        **{key: value for key, value in baseline.items() if key != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "bench.baseline.startproject_settings",
    }
    startproject_app = "bench.baseline.startproject_wsgi:application"
    return [
        ("bare Django", baseline, "bench.baseline.wsgi:application", "/databas/"),
        ("startproject", startproject, startproject_app, "/databas/"),
        (
            "startproject + Redis",
            {**startproject, "REDIS_URL": redis_url},
            startproject_app,
            "/databas/",
        ),
        (
            "the site, list uncached",
            {**env, "PAGE_CACHE_SECONDS": "0"},
            "portal.wsgi:application",
            "/ai-initiativ/",
        ),
    ]


def measure(args, wrk_path, started):
    """Every server's wrk runs, in turns; then each worker's memory."""
    runs = {label: [] for label, _, _ in started}
    for _, server, path in started:  # warm-up: templates compiled, connections open
        wrk(wrk_path, server.port, path, args, seconds=2)
    for _ in range(args.rounds):
        for label, server, path in started:
            runs[label].append(wrk(wrk_path, server.port, path, args))
    return [(label, path, runs[label], server.worker_memory()) for label, server, path in started]


def report(results):
    log(
        f"\n{'':<26} {'req/s':>6} {'p50':>6}  p99 of each run (ms, sorted)"
        f"{'':<12} runs ≥ {P99_GOAL_MS:.0f} ms   worker RSS (USS), MB"
    )
    for label, path, runs, memory in results:
        p99s = sorted(run["p99"] for run in runs)
        over = sum(p99 >= P99_GOAL_MS for p99 in p99s)
        log(
            f"{label:<26} {statistics.median(run['rps'] for run in runs):>6.0f} "
            f"{statistics.median(run['p50'] for run in runs):>6.1f}  "
            + " ".join(f"{p99:5.1f}" for p99 in p99s)
            + f"   {over} of {len(p99s)}   "
            + ", ".join(f"{m['rss']:.1f} ({m['uss']:.1f})" for m in memory)
            + f"   {path}"
        )
    log(f"goals of issue 12: p99 < {P99_GOAL_MS:.0f} ms, worker RSS ≤ {MEMORY_GOAL_MB:.0f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/bench_floor",
        help="a database of this run's own: dropped and created, dropped at the end",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=4, help="seconds per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    args = parser.parse_args()

    wrk_path = ensure_wrk()
    env = app_env(
        args.database_url,
        REDIS_URL=args.redis_url,
        # Our own key prefix (the database's name): the run deletes only keys under it.
        CACHE_KEY_PREFIX=urlsplit(args.database_url).path.lstrip("/"),
        TRUSTED_PROXY_COUNT=1,
    )
    log(f"database {args.database_url} (dropped and created), cache {args.redis_url}")
    reset_database(args.database_url)
    setup_django(env)
    try:
        prepare_app()
        clear_own_cache_keys()
        content.load_demo()
        baseline_env = prepare_baseline(env)
        with ExitStack() as stack:
            started = [
                (label, stack.enter_context(Gunicorn(server_env, log_name="floor", app=app)), path)
                for label, server_env, app, path in servers(env, baseline_env, args.redis_url)
            ]
            results = measure(args, wrk_path, started)
        report(results)
    finally:
        clean_up(args.database_url)


if __name__ == "__main__":
    main()
