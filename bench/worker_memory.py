#!/usr/bin/env python
"""Worker memory of the site under gunicorn: `.venv/bin/python bench/worker_memory.py`.

Starts the site as `make bench` does (bench/common.py: gunicorn 2 workers × 4 threads,
production settings, PostgreSQL in a database of its own with the demo content, Redis as
the shared cache under the database's name as key prefix) and the bare baseline project
(bench/baseline), then prints each worker's memory right after the start and after a
few hundred requests to every public page type, with the page cache off and on:

- RSS, what the goal of issue 12 counts (≤ 64 MB per worker) and what `make bench` prints;
- PSS and USS from /proc/PID/smaps_rollup: the worker's share of pages it shares with the
  master and the other worker, and the memory that is its alone.

Requests go 16 at a time (as wrk's 16 connections), so all four threads of both workers
serve at once, as under load. The database is dropped at the end, and the run's cache keys
deleted.
"""

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import content
from bench.common import (
    Gunicorn,
    app_env,
    clean_up,
    clear_own_cache_keys,
    find_feedback_form,
    log,
    prepare_app,
    prepare_baseline,
    request,
    reset_database,
    setup_django,
)

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130"


def show(label, server):
    sizes = server.worker_memory()
    log(
        f"  {label:<34} "
        + "   ".join(
            f"RSS {m['rss']:5.1f}  PSS {m['pss']:5.1f}  USS {m['uss']:5.1f} MB" for m in sizes
        )
    )
    return sizes


def drive(port, calls, concurrency=16):
    """Send every (method, path, body, headers) call, `concurrency` at a time."""

    def one(call):
        method, path, body, headers = call
        status, _, _ = request(port, path, method=method, body=body, headers=headers, timeout=30)
        return status

    with ThreadPoolExecutor(concurrency) as pool:
        statuses = list(pool.map(one, calls))
    bad = [status for status in statuses if status >= 400]
    if bad:
        log(f"  {len(bad)} of {len(statuses)} answers were errors: {sorted(set(bad))}")


def site_calls(port, per_page):
    """Every public page type `per_page` times, interleaved, and as many feedback posts."""
    from initiatives.models import Initiative

    detail = Initiative.objects.published().order_by("pk").first().get_absolute_url()
    pages = ["/", "/ai-initiativ/", detail, "/stod-och-verktyg/juridik/"]
    pages.append("/sok/?q=socialtj%C3%A4nst")
    headers = {"User-Agent": BROWSER}
    _, _, html = request(port, detail, headers=headers)
    form = find_feedback_form(html.decode())
    fields = list(form["fields"]) + list(form["radios"].items())
    if form["buttons"]:
        fields.append(form["buttons"][0])
    body = urlencode(fields)
    origin = f"https://127.0.0.1:{port}"
    calls = []
    for n in range(per_page):
        calls += [("GET", path, None, headers) for path in pages]
        post_headers = {
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Sec-Fetch-Site": "same-origin",
            "Origin": origin,
            "Referer": origin + detail,
            # Each post from its own visitor, so the rate limit lets every one through.
            "X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        }
        calls.append(("POST", form["action"] or detail, body, post_headers))
    return calls


def baseline_calls(per_page):
    body = "page=%2F"
    post = {"Content-Type": "application/x-www-form-urlencoded"}
    calls = []
    for _ in range(per_page):
        calls += [("GET", "/mall/", None, {}), ("GET", "/databas/", None, {})]
        calls.append(("POST", "/spara/", body, post))
    return calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/worker_memory_bench"
        ),
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        help="shared cache as in production; 'none' for the in-process cache",
    )
    parser.add_argument("--requests", type=int, default=300, help="requests per page type")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2, help="load rounds per start")
    parser.add_argument("--cache-seconds", nargs="+", default=["0", "600"])
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()

    redis_url = None if args.redis_url == "none" else args.redis_url
    name = urlsplit(args.database_url).path.lstrip("/")
    env = app_env(
        args.database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=name,
        TRUSTED_PROXY_COUNT=1,
    )
    log(f"database {args.database_url} (dropped and created), cache {redis_url or 'in-process'}")
    reset_database(args.database_url)
    setup_django(env)
    prepare_app()
    clear_own_cache_keys()
    try:
        content.load_demo()
        if not args.no_baseline:
            baseline_env = prepare_baseline(env)
            log("\n== bare baseline project (bench/baseline)")
            with Gunicorn(
                baseline_env,
                workers=args.workers,
                log_name="memory-baseline",
                app="bench.baseline.wsgi:application",
            ) as server:
                show("after the start", server)
                for round_ in range(1, args.rounds + 1):
                    drive(server.port, baseline_calls(args.requests))
                    show(f"after {args.requests}×3 requests ({round_})", server)
        for seconds in args.cache_seconds:
            log(f"\n== site, PAGE_CACHE_SECONDS={seconds}")
            clear_own_cache_keys()
            with Gunicorn(
                {**env, "PAGE_CACHE_SECONDS": seconds}, workers=args.workers, log_name="memory-app"
            ) as server:
                show("after the start", server)
                for round_ in range(1, args.rounds + 1):
                    drive(server.port, site_calls(server.port, args.requests))
                    show(f"after {args.requests}×6 requests ({round_})", server)
    finally:
        clean_up(args.database_url)


if __name__ == "__main__":
    main()
