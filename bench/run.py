#!/usr/bin/env python
"""Speed benchmark: `make bench` (or `.venv/bin/python bench/run.py --help`).

Starts the site as in production (gunicorn, 2 workers, DEBUG off, PostgreSQL in its own
database, collected static files, HTTPS as forwarded by a load balancer), loads the demo
content and 10× and 100× synthetic content, and drives wrk on loopback for a bounded time
against the start page, the initiative list, an initiative, a category, search and the
feedback POST (those two only when this build has them), with the page cache off and on.
In the same run it measures a bare Django view of the start page's size (BENCH_BASELINE=1)
and prints requests/s, p50, p99 and the ratio to that baseline. The figures also go into
bench/README.md.
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import content
from bench.common import (
    ROOT,
    Gunicorn,
    app_env,
    csrf_cookie,
    ensure_wrk,
    find_feedback_form,
    log,
    prepare_app,
    request,
    reset_database,
    setup_django,
)

README = ROOT / "bench" / "README.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130"


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, and the count of error responses from `wrk --latency`."""

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value = float(match.group(1)) * UNITS[match.group(2)] if match else 0.0
        return value or float("nan")  # no completed request: no latency to report

    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*", output)
    timeouts = re.search(r"timeout (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency(50),
        "p99": latency(99),
        # Error answers and requests that got no answer within wrk's timeout.
        "errors": (int(errors.group(1)) if errors else 0)
        + (int(timeouts.group(1)) if timeouts else 0),
        "socket_errors": socket_errors.group(0) if socket_errors else "",
    }


def wrk(wrk_path, port, path, args, script=None):
    command = [
        wrk_path,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",  # slow pages are measured, not dropped as timeouts after wrk's default 2 s
        "--latency",
        "-H",
        "X-Forwarded-Proto: https",
        # A browser's user agent: page-view counting skips bots, and must be measured too.
        "-H",
        f"User-Agent: {BROWSER}",
    ]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(result.stdout)


def post_script(port, page_path):
    """A wrk Lua script posting the feedback form with a valid CSRF cookie and token."""
    # Token and cookie from one and the same response: they belong together.
    _, headers, html = request(port, page_path)
    form = find_feedback_form(html.decode())
    cookie = csrf_cookie(headers)
    fields = list(form["fields"]) + list(form["radios"].items())
    if form["buttons"]:
        fields.append(form["buttons"][0])
    body = urlencode(fields)
    origin = f"https://127.0.0.1:{port}"
    lines = [
        'wrk.method = "POST"',
        f"wrk.body = {lua_string(body)}",
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
        f'wrk.headers["Origin"] = "{origin}"',
        f'wrk.headers["Referer"] = "{origin}{page_path}"',
    ]
    if cookie:
        lines.append(f'wrk.headers["Cookie"] = {lua_string(cookie)}')
    # Many visitors, not one: behind the "load balancer" (TRUSTED_PROXY_COUNT=1) each post
    # comes from its own address, so the per-client rate limit lets real posts through.
    # A counter per wrk thread, the thread's number in the second octet: never a repeat.
    lines += [
        "local threads = 0",
        "setup = function(thread) threads = threads + 1; thread:set('id', threads) end",
        "local counter = 0",
        "request = function()",
        "  counter = counter + 1",
        '  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d",',
        "    (id * 16 + math.floor(counter / 65536)) % 256,",
        "    math.floor(counter / 256) % 256, counter % 256)",
        "  return wrk.format()",
        "end",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write("\n".join(lines) + "\n")
    return handle.name


def lua_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def discover_targets(port):
    """The pages to measure, each checked once; search and feedback only when present."""
    from initiatives.models import Initiative

    detail = Initiative.objects.published().order_by("pk").first().get_absolute_url()
    targets = [
        ("startsida", "/", None),
        ("initiativlista", "/ai-initiativ/", None),
        ("initiativ", detail, None),
        ("kategori", "/stod-och-verktyg/juridik/", None),
        ("sök", "/sok/?q=socialtj%C3%A4nst", None),
    ]
    found, sizes = [], {}
    for name, path, script in targets:
        status, _, body = request(port, path)
        if status == 404 and name == "sök":
            log("  sök: /sok/ answers 404 in this build, skipped")
            continue
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        sizes[name] = len(body)
        found.append((name, path, script))
    status, _, html = request(port, detail)
    form = find_feedback_form(html.decode())
    if form is None:
        log("  återkoppling: no feedback form on the pages in this build, POST skipped")
    else:
        action = form["action"] or detail
        found.append(("återkoppling (POST)", action, post_script(port, detail)))
    return found, sizes


def bench_scale(args, wrk_path, env, scale, counts):
    rows = []
    for mode in args.modes:
        seconds = "0" if mode == "av" else os.environ.get("PAGE_CACHE_SECONDS", "600")
        log(
            f"\n== {scale}× content ({counts[0]} initiatives, {counts[1]} resources), "
            f"page cache {mode}"
        )
        app = {**env, "PAGE_CACHE_SECONDS": seconds}
        with Gunicorn(app, workers=args.workers, log_name="bench-app") as server:
            targets, sizes = discover_targets(server.port)
            size = sizes["startsida"]
            baseline_path = f"/__bench__/baseline/{size}/"
            status, _, body = request(server.port, baseline_path)
            assert status == 200 and len(body) == size, (status, len(body), size)
            baseline = wrk(wrk_path, server.port, baseline_path, args)
            report(f"baslinje ({size} B)", baseline, baseline)
            for name, path, script in targets:
                result = wrk(wrk_path, server.port, path, args, script)
                result["bytes"] = sizes.get(name)
                report(name, result, baseline)
                rows.append((scale, mode, name, result, baseline))
            rows.append((scale, mode, f"baslinje ({size} B)", baseline, baseline))
    return rows


def report(name, result, baseline):
    ratio = result["rps"] / baseline["rps"] if baseline["rps"] else float("nan")
    extra = f"  {result['errors']} errors/timeouts" if result["errors"] else ""
    extra += f"  {result['socket_errors']}" if result["socket_errors"] else ""
    size = f"{result['bytes'] / 1024:.0f} KB" if result.get("bytes") else ""
    log(
        f"  {name:<28} {result['rps']:>8.0f} req/s  p50 {result['p50']:>7.1f} ms  "
        f"p99 {result['p99']:>7.1f} ms  {ratio:>5.2f}× baseline  {size}{extra}"
    )


def write_readme(rows, args):
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        START,
        f"Run {date.today().isoformat()} on this machine: {os.cpu_count()} cores ({cpu}), "
        f"gunicorn {args.workers} workers × 4 threads, wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s on the same cores, PostgreSQL on loopback; "
        f"load average at the end {load} (other work on the machine included).",
        "",
        "| content | page cache | target | KB | req/s | p50 ms | p99 ms | vs baseline "
        "| errors or timeouts |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for scale, mode, name, result, baseline in rows:
        ratio = result["rps"] / baseline["rps"] if baseline["rps"] else float("nan")
        size = f"{result['bytes'] / 1024:.0f}" if result.get("bytes") else ""
        lines.append(
            f"| {scale}× | {mode} | {name} | {size} | {result['rps']:.0f} | {result['p50']:.1f} "
            f"| {result['p99']:.1f} | {ratio:.2f} | {result['errors']} |"
        )
    lines.append(END)
    text = README.read_text() if README.exists() else f"# Benchmark\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    README.write_text(before + "\n".join(lines) + after)
    log(f"\nFigures written to {README.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_bench"),
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        help="shared cache as in production; 'none' for the in-process cache",
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["av", "på"],
        choices=["av", "på"],
        help="page cache off (av) and on (på)",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args()

    wrk_path = ensure_wrk()
    redis_url = None if args.redis_url == "none" else args.redis_url
    env = app_env(
        args.database_url,
        REDIS_URL=redis_url,
        # Our own key prefix (the database's name): the run deletes only keys under it.
        CACHE_KEY_PREFIX=urlsplit(args.database_url).path.lstrip("/") or "wt-bench",
        BENCH_BASELINE=1,
        TRUSTED_PROXY_COUNT=1,  # wrk plays the load balancer (X-Forwarded-For per post)
    )
    log(f"database {args.database_url} (dropped and created), cache {redis_url or 'in-process'}")
    reset_database(args.database_url)
    setup_django(env)
    prepare_app()
    if redis_url:
        from django.core.cache import cache

        cache.delete_pattern("*")  # only keys with our prefix

    base = content.load_demo()
    rows = []
    for scale in sorted(args.scales):
        counts = content.grow_to(scale, *base)
        rows += bench_scale(args, wrk_path, env, scale, counts)
    if not args.no_readme:
        write_readme(rows, args)


if __name__ == "__main__":
    main()
