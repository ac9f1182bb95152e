#!/usr/bin/env python
"""Resilience check: `make resilience` (or `.venv/bin/python bench/resilience.py --help`).

Starts the app as in production (gunicorn, DEBUG off, its own PostgreSQL database, the
shared Redis cache) and proves three things, printing the figures:

(a) Many concurrent feedback posts: every post answered with success is in the database.
    Skipped with a message when this build has no feedback form on its pages.
(b) Database outages, twice. The shared PostgreSQL server is never stopped (others use it):
    the app reaches it through a small TCP proxy run by this script.
    - "cut": the proxy closes every open connection and refuses new ones, as a stopped
      server would;
    - "drop": the proxy keeps every connection open, accepts new ones, and forwards nothing
      in either direction, as a network that drops packets or a server that hangs. (A proxy
      in user space cannot keep its kernel from acknowledging packets, so this is the harder
      case for the app: only its own time limits end the wait.)
    While it lasts, /healthz answers 503 within 2 s, pages that need the database answer the
    Swedish 503 page (no traceback) within seconds, and pages in the page cache are served
    as fast as before. Each request is logged as one line, never a traceback. When it ends
    the site recovers by itself, with the same gunicorn processes, no restart.
(c) A feedback answer sent during the outage (503) and sent again afterwards is stored
    exactly once: the first, failed attempt must not make the retry look like a duplicate.
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
    clean_up,
    clear_own_cache_keys,
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
    """A loopback TCP forwarder that can be cut or made to drop, on its own event-loop thread."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.transports = set()
        self.flowing = None  # asyncio.Event: cleared while the proxy drops everything
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self._run(self._make_event())

    async def _make_event(self):
        self.flowing = asyncio.Event()
        self.flowing.set()

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    def start(self):
        self._run(self._start())

    async def _start(self):
        self.server = await asyncio.start_server(
            self._handle, "127.0.0.1", self.port, reuse_address=True
        )

    async def _handle(self, reader, writer):
        self.transports.add(writer.transport)
        # While dropping: the connection is accepted, and then nothing happens at all.
        await self.flowing.wait()
        if writer.transport.is_closing():
            self.transports.discard(writer.transport)
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            self.transports.discard(writer.transport)
            return
        pair = (writer.transport, upstream_writer.transport)
        self.transports.update(pair)

        async def pipe(source, sink):
            try:
                while data := await source.read(65536):
                    await self.flowing.wait()  # held, never delivered, while dropping
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

    def drop(self):
        """Forward nothing, in either direction, on open and new connections alike."""
        self.loop.call_soon_threadsafe(self.flowing.clear)

    def restore(self):
        """End a cut (listen again) or a drop (forward again; what was held goes through)."""
        if self.server is None or not self.server.is_serving():
            self.start()
        self.loop.call_soon_threadsafe(self.flowing.set)


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


ACCEPTED = {200, 201, 204, 302, 303}


def feedback_form(port):
    """(page, form, CSRF cookie) of an initiative page, or None without a feedback form."""
    from initiatives.models import Initiative

    detail = Initiative.objects.published().order_by("pk").first().get_absolute_url()
    _, headers, html = request(port, detail)
    form = find_feedback_form(html.decode())
    return (detail, form, csrf_cookie(headers)) if form else None


def post_answer(port, page_form, comment, client):
    """Answer "Hjälpte denna information dig?" (the first choice) with `comment`; the status."""
    page, form, cookie = page_form
    fields = list(form["fields"]) + list(form["radios"].items())
    if form["buttons"]:
        fields.append(form["buttons"][0])
    if form["textarea"]:
        fields.append((form["textarea"], comment))
    origin = f"https://127.0.0.1:{port}"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": origin,
        "Referer": origin + page,
        "X-Forwarded-For": client,  # this script plays the load balancer
    }
    if cookie:
        headers["Cookie"] = cookie
    status, _, _ = request(
        port, form["action"] or page, "POST", urlencode(fields), headers, timeout=30
    )
    return status


def for_page(page_form, page):
    """The same form, answering for another page (its hidden field "page")."""
    _, form, cookie = page_form
    fields = [(name, page if name == "page" else value) for name, value in form["fields"]]
    return page, {**form, "fields": fields}, cookie


def timed_request(port, path):
    """(status, headers, body, seconds); status None when no answer came within 30 s."""
    started = time.monotonic()
    try:
        status, headers, body = request(port, path, timeout=30)
    except OSError:  # TimeoutError included: a worker waiting on the database
        status, headers, body = None, {}, b""
    return status, headers, body, time.monotonic() - started


def figures(seconds):
    """p50 and max in milliseconds."""
    if not seconds:
        return "no requests"
    ordered = sorted(seconds)
    return f"p50 {ordered[len(ordered) // 2] * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"


def concurrent_feedback(port, posts, concurrency):
    """(a): returns True when every post answered with success was stored."""
    page_form = feedback_form(port)
    log("\n(a) concurrent feedback posts")
    if page_form is None:
        log("  skipped: no feedback form (id/class 'feedback') on the pages of this build")
        return True
    form = page_form[1]
    marker = f"resiliens-{uuid.uuid4().hex[:8]}"
    before = feedback_rows()

    def post(n):
        # Distinct visitors, in case the rate limit trusts the load balancer's header.
        client = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        started = time.monotonic()
        status = post_answer(port, page_form, f"Förslag {n} ({marker})", client)
        return status, time.monotonic() - started

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(post, range(posts)))
    elapsed = time.monotonic() - started
    accepted = sum(1 for status, _ in results if status in ACCEPTED)
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


# What the site promises while the database hangs (docs/production.md).
HEALTHZ_LIMIT = 2.0  # seconds: the load balancer's check must get its answer
UNAVAILABLE_LIMIT = 5.0  # seconds: a visitor gets the 503 page (2 s connect timeout, typically)


def outage(server, proxy, seconds, mode, page_form):
    """(b) and (c): True when the outage gave quick 503s and the site recovered by itself."""
    log(f"\n(b) database outage through the proxy: {mode}")
    workers_before = server.worker_pids()
    log_start = len(server.log_path.read_text())
    home = "/"
    for _ in range(2):
        request(server.port, home)  # the start page is now in the page cache
    before = [timed_request(server.port, home)[3] for _ in range(10)]
    log(f"  cached start page before: {figures(before)}")
    # Every thread's connection answers just before the outage, so the first request on
    # each comes within the second in which portal/db reuses a connection without its
    # health check: that request too must get its 503 in time.
    burst = [f"/ai-initiativ/?utan-cache={mode}-fore-{i}" for i in range(16)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda path: request(server.port, path), burst))

    proxy.cut() if mode == "cut" else proxy.drop()
    cut_at = time.monotonic()
    log(f"  PostgreSQL unreachable for the app for {seconds} s")
    counts = {"healthz": {}, "uncached": {}, "cached": {}}
    times = {"healthz": [], "uncached": [], "cached": []}
    problems, n = [], 0

    def note(kind, answer):
        """Count one answer of the outage and check what an uncached page's 503 must say."""
        status, headers, body, took = answer
        times[kind].append(took)
        counts[kind][status] = counts[kind].get(status, 0) + 1
        if kind == "uncached" and status == 503:
            text = body.decode()
            if UNAVAILABLE not in text or "Traceback" in text:
                problems.append("503 page without the Swedish text, or with a traceback")
            if headers.get("Retry-After") is None:
                problems.append("503 without Retry-After")

    with ThreadPoolExecutor(8) as pool:
        first = list(
            pool.map(
                lambda i: timed_request(server.port, f"/ai-initiativ/?utan-cache={mode}-i-{i}"),
                range(8),
            )
        )
    for answer in first:
        note("uncached", answer)
    log(f"  the first 8 pages needing the database, at once: {figures([f[3] for f in first])}")
    marker = f"svar-under-avbrott-{mode}-{uuid.uuid4().hex[:8]}"
    retried_client = "10.250.0.1" if mode == "cut" else "10.250.0.2"
    first_try, answers_before = None, feedback_rows().get("feedback.Feedback", 0)
    if page_form:
        # For the start page: taking its answer needs nothing from the database before the
        # write itself, so the write is what fails.
        page_form = for_page(page_form, home)
        try:
            first_try = post_answer(server.port, page_form, marker, retried_client)
        except OSError:
            first_try = None  # no answer within 30 s
    while time.monotonic() - cut_at < seconds or n < 3:
        n += 1
        for kind, path in [
            ("healthz", "/healthz"),
            ("uncached", f"/ai-initiativ/?utan-cache={mode}-{n}"),
            *[("cached", home)] * 5,  # most visitors: pages from the cache
        ]:
            note(kind, timed_request(server.port, path))
        time.sleep(0.1)
    for kind, label in [
        ("healthz", "/healthz"),
        ("uncached", "pages needing the database"),
        ("cached", "cached start page"),
    ]:
        log(f"  during the outage, {label}: {counts[kind]}; {figures(times[kind])}")
    if set(counts["healthz"]) != {503} or set(counts["uncached"]) != {503}:
        problems.append("not every answer during the outage was a 503")
    if set(counts["cached"]) != {200}:
        problems.append("the cached page was not served during the outage")
    if max(times["healthz"]) >= HEALTHZ_LIMIT:
        problems.append(f"/healthz took {HEALTHZ_LIMIT:g} s or more")
    if max(times["uncached"]) >= UNAVAILABLE_LIMIT:
        problems.append(f"a 503 took {UNAVAILABLE_LIMIT:g} s or more")
    cached_p50 = sorted(times["cached"])[len(times["cached"]) // 2]
    if cached_p50 > max(0.05, 3 * sorted(before)[len(before) // 2]):
        problems.append("the cached page was slower than before the outage")

    proxy.restore()
    restored_at = time.monotonic()
    failed_after = 0
    while True:
        health, _, _ = request(server.port, "/healthz")
        page, _, _ = request(server.port, f"/ai-initiativ/?utan-cache=efter-{mode}-{failed_after}")
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

    if page_form:
        retry = post_answer(server.port, page_form, marker, retried_client)
        # Nothing else posts now; the form may have no comment field to carry the marker.
        stored = feedback_rows().get("feedback.Feedback", 0) - answers_before
        log(
            f"\n(c) an answer sent during the outage: {first_try}; sent again after it: "
            f"{retry}; stored {stored} time(s)"
        )
        if first_try in ACCEPTED:
            problems.append("the answer during the outage was accepted: was the database cut?")
        if retry not in ACCEPTED or stored != 1:
            problems.append("the answer retried after the outage was not stored exactly once")
    else:
        log("\n(c) skipped: no feedback form on the pages of this build")

    app_log = server.log_path.read_text()[log_start:]
    logged = app_log.count("Database unavailable, answered 503")
    tracebacks = app_log.count("Traceback")
    log(
        f"  app log: {logged} one-line entries 'Database unavailable, answered 503', "
        f"{tracebacks} tracebacks ({server.log_path.relative_to(server.log_path.parents[2])})"
    )
    if not logged:
        problems.append("the 503s were not logged")
    if tracebacks:
        problems.append("the outage wrote tracebacks to the log")
    for problem in dict.fromkeys(problems):
        log(f"  FAIL: {problem}")
    if not problems:
        log(f"  OK ({mode}): quick 503s, cached pages as fast, recovered without restart")
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
    parser.add_argument(
        "--modes",
        default="cut,drop",
        help="outages to run, comma-separated: cut (connections closed), drop (packets dropped)",
    )
    args = parser.parse_args()

    direct = args.database_url
    parts = urlsplit(direct)
    proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    proxy.start()
    via_proxy = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}")
    database_name = parts.path.lstrip("/")
    common = {
        "REDIS_URL": args.redis_url,
        # Keys of this run's database only, so two runs on one Redis never meet.
        "CACHE_KEY_PREFIX": f"resilience-{database_name}",
        # This script plays the load balancer: X-Forwarded-For names each visitor.
        "TRUSTED_PROXY_COUNT": 1,
    }
    log(f"database {direct} (dropped and created); the app reaches it via 127.0.0.1:{proxy.port}")
    reset_database(direct)
    setup_django(app_env(direct, **common))
    prepare_app()
    clear_own_cache_keys()  # only keys with this run's prefix
    try:
        initiatives, resources = content.load_demo()
        log(f"content: {initiatives} initiatives, {resources} resources")
        with Gunicorn(app_env(via_proxy.geturl(), **common), log_name="resilience-app") as server:
            server.log_path.write_text("")  # this run only
            ok = concurrent_feedback(server.port, args.posts, args.concurrency)
            page_form = feedback_form(server.port)
            for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
                ok = outage(server, proxy, args.outage_seconds, mode, page_form) and ok
    finally:
        clean_up(direct)
    log("\nresilience: " + ("all checks passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
