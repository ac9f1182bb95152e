#!/usr/bin/env python
"""Resilience check: `make resilience` (or `.venv/bin/python bench/resilience.py --help`).

Starts the app as in production (gunicorn, DEBUG off, its own PostgreSQL database, the
shared Redis cache) and proves two things, printing the figures:

(a) Many concurrent feedback posts: every post answered with success is in the database.
    Skipped with a message when this build has no feedback form on its pages.
(b) Database outage: the shared PostgreSQL server is never stopped (others use it). The app
    reaches it through a small TCP proxy run by this script; cutting the proxy closes every
    open connection and refuses new ones, as a stopped server would. While it is cut,
    /healthz answers 503 and pages that need the database answer the Swedish 503 page
    (no traceback); when it is restored the site recovers by itself, with the same
    gunicorn processes, no restart.
"""

import argparse
import asyncio
import os
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import content
from bench.common import (
    Gunicorn,
    app_env,
    csrf_cookie,
    find_feedback_form,
    free_port,
    log,
    prepare_app,
    request,
    reset_database,
    setup_django,
)

UNAVAILABLE = "Tjänsten är tillfälligt otillgänglig"


class TcpProxy:
    """A loopback TCP forwarder that can be cut and restored, on its own event-loop thread."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.transports = set()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    def start(self):
        self._run(self._start())

    async def _start(self):
        self.server = await asyncio.start_server(
            self._handle, "127.0.0.1", self.port, reuse_address=True
        )

    async def _handle(self, reader, writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        pair = (writer.transport, upstream_writer.transport)
        self.transports.update(pair)

        async def pipe(source, sink):
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))
        self.transports.difference_update(pair)

    def cut(self):
        """Refuse new connections and drop every open one, like a stopped server."""
        self._run(self._cut())

    async def _cut(self):
        self.server.close()  # stop listening: new connections are refused
        for transport in list(self.transports):
            transport.abort()
        self.transports.clear()
        await self.server.wait_closed()  # returns once the handlers have seen the abort


def feedback_rows(marker=None):
    """Rows in the feedback app's tables (those containing `marker` if given), by model."""
    from django.apps import apps
    from django.db.models import CharField, Q, TextField

    counts = {}
    for model in apps.get_app_config("feedback").get_models():
        queryset = model._default_manager.all()
        if marker:
            text_fields = [
                f.name for f in model._meta.fields if isinstance(f, CharField | TextField)
            ]
            if not text_fields:
                continue
            condition = Q()
            for name in text_fields:
                condition |= Q(**{f"{name}__contains": marker})
            queryset = queryset.filter(condition)
        counts[model._meta.label] = queryset.count()
    return counts


def concurrent_feedback(port, posts, concurrency):
    """(a): returns True when every post answered with success was stored."""
    from initiatives.models import Initiative

    detail = Initiative.objects.published().order_by("pk").first().get_absolute_url()
    status, headers, html = request(port, detail)
    form = find_feedback_form(html.decode())
    log("\n(a) concurrent feedback posts")
    if form is None:
        log("  skipped: no feedback form (id/class 'feedback') on the pages of this build")
        return True
    cookie = csrf_cookie(headers)
    marker = f"resiliens-{uuid.uuid4().hex[:8]}"
    action = form["action"] or detail
    origin = f"https://127.0.0.1:{port}"
    before = feedback_rows()

    def post(n):
        fields = list(form["fields"]) + list(form["radios"].items())
        if form["buttons"]:
            fields.append(form["buttons"][0])
        if form["textarea"]:
            fields.append((form["textarea"], f"Förslag {n} ({marker})"))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": origin + detail,
            # Distinct visitors, in case the rate limit trusts the load balancer's header.
            "X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        }
        if cookie:
            headers["Cookie"] = cookie
        started = time.monotonic()
        status, _, _ = request(port, action, "POST", urlencode(fields), headers, timeout=30)
        return status, time.monotonic() - started

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(post, range(posts)))
    elapsed = time.monotonic() - started
    accepted = sum(1 for status, _ in results if status in {200, 201, 204, 302, 303})
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds for _, seconds in results)
    after = feedback_rows()
    new_rows = {label: after[label] - before.get(label, 0) for label in after}
    log(
        f"  {posts} posts, {concurrency} at a time, in {elapsed:.1f} s "
        f"({posts / elapsed:.0f} posts/s); p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )
    log(f"  answers: {statuses}; answered with success: {accepted}")
    log(f"  new rows per model: {new_rows}")
    if form["textarea"]:
        stored = sum(feedback_rows(marker).values())
        log(f"  rows carrying this run's marker: {stored}")
    else:
        stored = max(new_rows.values(), default=0)
    ok = stored >= accepted
    if ok:
        log("  OK: every post answered with success is in the database")
    else:
        log(
            f"  FAIL: {accepted - stored} posts answered with success are not in the database "
            "(if the rate limit or duplicate check answers spam 'as success', it discards "
            "posts from one address by design: run with distinct clients or a higher limit)"
        )
    return ok


def outage(server, proxy, seconds):
    """(b): returns True when the outage gave 503s and the site recovered by itself."""
    log("\n(b) database outage through the proxy")
    workers_before = server.worker_pids()
    for _ in range(2):
        request(server.port, "/")  # the start page is now in the page cache
    proxy.cut()
    cut_at = time.monotonic()
    log(f"  proxy cut: PostgreSQL unreachable for the app for {seconds} s")
    counts = {"healthz": {}, "uncached": {}, "cached": {}}
    problems, slowest, n = [], 0.0, 0
    while time.monotonic() - cut_at < seconds:
        n += 1
        for kind, path in [
            ("healthz", "/healthz"),
            ("uncached", f"/ai-initiativ/?utan-cache={n}"),
            ("cached", "/"),
        ]:
            started = time.monotonic()
            status, headers, body = request(server.port, path, timeout=30)
            slowest = max(slowest, time.monotonic() - started)
            counts[kind][status] = counts[kind].get(status, 0) + 1
            if kind == "uncached" and status == 503:
                text = body.decode()
                if UNAVAILABLE not in text or "Traceback" in text:
                    problems.append("503 page without the Swedish text, or with a traceback")
                if headers.get("Retry-After") is None:
                    problems.append("503 without Retry-After")
        time.sleep(0.1)
    log(
        f"  during the outage: /healthz {counts['healthz']}, pages needing the database "
        f"{counts['uncached']}, cached start page {counts['cached']}; "
        f"slowest answer {slowest * 1000:.0f} ms"
    )
    if set(counts["healthz"]) != {503} or set(counts["uncached"]) != {503}:
        problems.append("not every answer during the outage was a 503")

    proxy.start()
    restored_at = time.monotonic()
    failed_after = 0
    while True:
        health, _, _ = request(server.port, "/healthz")
        page, _, _ = request(server.port, f"/ai-initiativ/?utan-cache=efter-{failed_after}")
        if health == 200 and page == 200:
            break
        failed_after += 1
        if time.monotonic() - restored_at > 60:
            problems.append("the site did not recover within 60 s")
            break
        time.sleep(0.1)
    recovery = time.monotonic() - restored_at
    workers_after = server.worker_pids()
    log(
        f"  proxy restored: serving again after {recovery * 1000:.0f} ms "
        f"({failed_after} failed checks first); gunicorn workers {workers_before} -> "
        f"{workers_after}"
    )
    if workers_before != workers_after or server.process.poll() is not None:
        problems.append("gunicorn processes changed: that was a restart, not recovery")
    logged = server.log_path.read_text().count("Database unavailable, answered 503")
    log(
        f"  app log: {logged} one-line entries 'Database unavailable, answered 503' "
        f"({server.log_path.relative_to(server.log_path.parents[2])})"
    )
    if not logged:
        problems.append("the 503s were not logged")
    for problem in dict.fromkeys(problems):
        log(f"  FAIL: {problem}")
    if not problems:
        log("  OK: 503 with the Swedish page during the outage, recovered without restart")
    return not problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "RESILIENCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    )
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--outage-seconds", type=int, default=10)
    args = parser.parse_args()

    direct = args.database_url
    parts = urlsplit(direct)
    proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    proxy.start()
    via_proxy = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}")
    common = {
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": "wt-resilience",
        # This script plays the load balancer: X-Forwarded-For names each visitor.
        "TRUSTED_PROXY_COUNT": 1,
    }
    log(f"database {direct} (dropped and created); the app reaches it via 127.0.0.1:{proxy.port}")
    reset_database(direct)
    setup_django(app_env(direct, **common))
    prepare_app()
    from django.core.cache import cache

    cache.delete_pattern("*")  # only keys with our prefix
    initiatives, resources = content.load_demo()
    log(f"content: {initiatives} initiatives, {resources} resources")

    with Gunicorn(app_env(via_proxy.geturl(), **common), log_name="resilience-app") as server:
        server.log_path.write_text("")  # this run only
        ok = concurrent_feedback(server.port, args.posts, args.concurrency)
        ok = outage(server, proxy, args.outage_seconds) and ok
    log("\nresilience: " + ("all checks passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
