#!/usr/bin/env python
"""Speed benchmark: `make bench` (or `.venv/bin/python bench/run.py --help`).

Starts the site as in production (gunicorn, 2 workers × 4 threads, DEBUG off, PostgreSQL
in its own database, collected static files, HTTPS as forwarded by a load balancer), loads
the demo content and 10× and 100× synthetic content, and drives wrk on loopback for a
bounded time against the start page, the initiative list, an initiative, a category,
search and the feedback POST, with the page cache off and on. Each target is first warmed
up (a short wrk run that is not counted: templates compiled, connections opened,
remembered fragments rendered, as on a site that has been up for a while).

The baselines are a separate bare Django project (bench/baseline: no middleware, no view
counting, nothing of ours) served by its own gunicorn with the same workers and threads:
a template page of 20 items, the same page read from PostgreSQL, and a bare insert. Each
target is reported as a ratio to the baseline of its kind: cached pages to the template
page, uncached pages to the PostgreSQL page, the feedback POST to the insert. Other work
on a shared machine halves or doubles every figure for seconds at a time, so a target and
its baseline are measured in short runs that take turns (`--rounds` of `--duration`
seconds each), and each figure is the median over the rounds: the ratio the median of
the rounds' ratios, each between two runs seconds apart. Worker memory (RSS) is printed after
each block. The figures also go into bench/README.md.
"""

import argparse
import atexit
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import content
from bench.common import (
    ROOT,
    Gunicorn,
    app_env,
    clean_up,
    clear_own_cache_keys,
    ensure_wrk,
    find_feedback_form,
    log,
    prepare_app,
    prepare_baseline,
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


def wrk(wrk_path, port, path, args, script=None, seconds=None):
    command = [
        wrk_path,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds or args.duration}s",
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
    """A wrk Lua script posting the feedback form as a browser on the same origin would."""
    _, _, html = request(port, page_path)
    form = find_feedback_form(html.decode())
    fields = list(form["fields"]) + list(form["radios"].items())
    if form["buttons"]:
        fields.append(form["buttons"][0])
    return lua_post(port, page_path, urlencode(fields))


def lua_post(port, page_path, body, *, scheme="https"):
    """wrk Lua: a same-origin form POST, each from its own client address."""
    origin = f"{scheme}://127.0.0.1:{port}"
    lines = [
        'wrk.method = "POST"',
        f"wrk.body = {lua_string(body)}",
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
        # What a browser sends with a form post from our own page (no cookie, no token).
        'wrk.headers["Sec-Fetch-Site"] = "same-origin"',
        f'wrk.headers["Origin"] = "{origin}"',
        f'wrk.headers["Referer"] = "{origin}{page_path}"',
    ]
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
    # wrk reads the file by name after this returns; it goes when the run ends.
    atexit.register(os.unlink, handle.name)
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


# Goals of issue 12: a target's ratio to the baseline of its kind.
GOALS = {"cached": 0.80, "uncached": 0.50, "post": 0.50}
P99_GOAL_MS = 50.0
MEMORY_GOAL_MB = 64.0
BASELINES = {
    "cached": ("mall (20 poster)", "/mall/"),
    "uncached": ("PostgreSQL (20 poster)", "/databas/"),
    "post": ("insert (POST)", "/spara/"),
}


def kind_of(name, mode):
    if "POST" in name:
        return "post"
    return "cached" if mode == "på" else "uncached"


def bench_scale(args, wrk_path, env, scale, counts, baseline_server, baselines):
    rows, memory = [], []
    for mode in args.modes:
        seconds = "0" if mode == "av" else os.environ.get("PAGE_CACHE_SECONDS", "600")
        log(
            f"\n== {scale}× content ({counts[0]} initiatives, {counts[1]} resources), "
            f"page cache {mode}"
        )
        app = {**env, "PAGE_CACHE_SECONDS": seconds}
        with Gunicorn(app, workers=args.workers, log_name="bench-app") as server:
            targets, sizes = discover_targets(server.port)
            for name, path, script in targets:
                kind = kind_of(name, mode)
                # Not counted: the first requests of a worker compile templates, open
                # connections and render what later requests find remembered.
                wrk(wrk_path, server.port, path, args, script, seconds=args.warmup)
                label, baseline_path, baseline_script = baselines[kind]
                result, baseline = alternate(
                    partial(
                        wrk, wrk_path, baseline_server.port, baseline_path, args, baseline_script
                    ),
                    partial(wrk, wrk_path, server.port, path, args, script),
                    args.rounds,
                )
                baseline["name"] = label
                result["bytes"] = sizes.get(name)
                report(name, result, baseline, GOALS[kind])
                rows.append((scale, mode, name, result, baseline, GOALS[kind]))
            workers = server.worker_memory()
        rss = [worker["rss"] for worker in workers]
        memory.append((scale, mode, rss))
        # RSS is what the goal counts; USS (what only that worker holds) for insight.
        log(
            "  worker memory (RSS) after the block: "
            + ", ".join(f"{worker['rss']:.0f} MB (USS {worker['uss']:.0f})" for worker in workers)
            + f"  (goal ≤ {MEMORY_GOAL_MB:.0f} MB each)"
        )
    return rows, memory


def alternate(measure_baseline, measure_target, rounds):
    """A target and its baseline in turns; the median of each figure over the rounds.

    The ratio is the median of the rounds' ratios, each between two runs seconds apart: a
    slow spell of the machine that falls on one side of one round moves it, not the result.
    """
    pairs = []
    for _ in range(rounds):
        baseline = measure_baseline()
        pairs.append((baseline, measure_target()))
    baselines, targets = [b for b, _ in pairs], [t for _, t in pairs]
    result, baseline = median_of(targets), median_of(baselines)
    result["ratio"] = statistics.median(ratio_of(t, b) for b, t in pairs)
    return result, baseline


def median_of(runs):
    """One run's figures from several: medians, and every error counted."""
    return {
        "rps": statistics.median(run["rps"] for run in runs),
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": statistics.median(run["p99"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
        "socket_errors": "; ".join(run["socket_errors"] for run in runs if run["socket_errors"]),
    }


def baseline_targets(baseline_server):
    """Each kind's baseline: its label, its address and its wrk script (the insert POSTs)."""
    insert = lua_post(baseline_server.port, "/mall/", "page=%2F", scheme="http")
    return {
        kind: (label, path, insert if kind == "post" else None)
        for kind, (label, path) in BASELINES.items()
    }


def warm_up_baselines(args, wrk_path, baseline_server, baselines):
    """A short unmeasured run of each baseline, as each target gets."""
    for _, path, script in baselines.values():
        wrk(wrk_path, baseline_server.port, path, args, script, seconds=args.warmup)


def ratio_of(result, baseline):
    if "ratio" in result:  # measured in rounds (alternate)
        return result["ratio"]
    return result["rps"] / baseline["rps"] if baseline["rps"] else float("nan")


def verdict(result, baseline, goal):
    if goal is None:
        return ""
    ok = ratio_of(result, baseline) >= goal and result["p99"] < P99_GOAL_MS
    return "ja" if ok else "nej"


def report(name, result, baseline, goal=None):
    ratio = ratio_of(result, baseline)
    if goal is not None:
        log(
            f"    baslinje: {baseline['name']:<24} {baseline['rps']:>8.0f} req/s  "
            f"p50 {baseline['p50']:>7.1f} ms  p99 {baseline['p99']:>7.1f} ms"
        )
    extra = f"  {result['errors']} errors/timeouts" if result["errors"] else ""
    extra += f"  {result['socket_errors']}" if result["socket_errors"] else ""
    size = f"{result['bytes'] / 1024:.0f} KB" if result.get("bytes") else ""
    target = ""
    if goal is not None:
        target = f" (goal ≥ {goal:.2f}, p99 < {P99_GOAL_MS:.0f} ms: "
        target += f"{verdict(result, baseline, goal)})"
    log(
        f"  {name:<34} {result['rps']:>8.0f} req/s  p50 {result['p50']:>7.1f} ms  "
        f"p99 {result['p99']:>7.1f} ms  {ratio:>5.2f}× baseline{target}  "
        f"{size}{extra}"
    )


def write_readme(rows, memory, args):
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        START,
        f"Run {date.today().isoformat()} on this machine: {os.cpu_count()} cores ({cpu}), "
        f"gunicorn {args.workers} workers × 4 threads (site and baselines alike), "
        f"wrk -t{args.threads} -c{args.connections}, {args.rounds} runs of {args.duration} s per "
        "target taking turns with its baseline, on the same cores, "
        f"PostgreSQL on loopback; load average at the end {load} (other work on the "
        "machine included).",
        "",
        "Ratios: cached pages (`på`) to the bare template page, uncached pages (`av`) to the "
        "bare PostgreSQL page, the feedback POST to the bare insert; each target after an "
        f"unmeasured {args.warmup} s warm-up. Each figure is the median over the rounds, the "
        "ratio the median of the rounds' ratios. Goal met: "
        f"ratio ≥ the goal and p99 < {P99_GOAL_MS:.0f} ms.",
        "",
        "| content | page cache | target | KB | req/s | p50 ms | p99 ms | baseline | "
        "baseline req/s | vs baseline | goal | goal met | errors or timeouts |",
        "|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|",
    ]
    for scale, mode, name, result, baseline, goal in rows:
        size = f"{result['bytes'] / 1024:.0f}" if result.get("bytes") else ""
        lines.append(
            f"| {scale}× | {mode} | {name} | {size} | {result['rps']:.0f} | {result['p50']:.1f} "
            f"| {result['p99']:.1f} | {baseline['name']} | {baseline['rps']:.0f} "
            f"| {ratio_of(result, baseline):.2f} "
            f"| {f'{goal:.2f}' if goal else ''} | {verdict(result, baseline, goal)} "
            f"| {result['errors']} |"
        )
    lines += ["", "Worker memory (RSS) after each block, goal ≤ 64 MB per worker:", ""]
    for scale, mode, rss in memory:
        sizes = ", ".join(f"{mb:.0f} MB" for mb in rss)
        lines.append(f"- {scale}×, page cache {mode}: {sizes}")
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
    parser.add_argument(
        "--duration", type=int, default=2, help="seconds per run (of a target or a baseline)"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="runs of each target, taking turns with its baseline"
    )
    parser.add_argument(
        "--warmup", type=int, default=2, help="unmeasured seconds before each target"
    )
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
        TRUSTED_PROXY_COUNT=1,  # wrk plays the load balancer (X-Forwarded-For per post)
    )
    log(f"database {args.database_url} (dropped and created), cache {redis_url or 'in-process'}")
    reset_database(args.database_url)
    setup_django(env)
    prepare_app()
    clear_own_cache_keys()  # only keys with our prefix
    try:
        run_benchmark(args, wrk_path, env)
    finally:
        clean_up(args.database_url)


def run_benchmark(args, wrk_path, env):
    """The baselines and every content scale, measured; the figures into bench/README.md."""
    baseline_env = prepare_baseline(env)

    base = content.load_demo()
    rows, memory = [], []
    with Gunicorn(
        baseline_env,
        workers=args.workers,
        log_name="bench-baseline",
        app="bench.baseline.wsgi:application",
    ) as baseline_server:
        baselines = baseline_targets(baseline_server)
        warm_up_baselines(args, wrk_path, baseline_server, baselines)
        for scale in sorted(args.scales):
            counts = content.grow_to(scale, *base)
            scale_rows, scale_memory = bench_scale(
                args, wrk_path, env, scale, counts, baseline_server, baselines
            )
            rows += scale_rows
            memory += scale_memory
    if not args.no_readme:
        write_readme(rows, memory, args)


if __name__ == "__main__":
    main()
