"""How long the analysts' summary takes for a year of data on every page (PostgreSQL).

Not a test: figures depend on the machine. Run it against a database of its own, which
the script drops and creates (never any other) and drops again at the end:

    .venv/bin/python bench/analytics_summary.py \
        --database-url postgres://postgres@127.0.0.1:5432/h_insight_bench

It migrates, loads the demo content grown to `--scale` times (bench/content.py), and
generates two years of statistics with SQL (generate_series), so that the summary of the
last year also compares with a full year before it: for every visitor page of the
site, views and unique visitors on every day and answers on most days (tied to versions on
content pages); for every resource's and initiative's link a click count on every day;
and `--terms` search terms a day. Then it times the admin's summary for the whole year
(the full request: queries, titles, sections, highlights, search terms, clicks, charts
and the rendered page), the year's CSV, and the whole site's weekly trend, each the
median of five runs after one warm-up, and prints the figures.
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/h_insight_bench"


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--scale", type=int, default=10, help="times the demo content")
    parser.add_argument("--terms", type=int, default=300, help="search terms a day")
    parser.add_argument(
        "--years",
        type=int,
        default=2,
        help="years of data (2: the year's summary also compares with a full year before)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="leave the database in place")
    return parser.parse_args()


def reset(database_url, *, create=True):
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"refusing to reset {name!r}: the database's name must end in _bench")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


def visitor_pages() -> list[str]:
    """Every address a visitor can read: lists, content pages, tag pages, the rest."""
    from django.urls import reverse
    from taggit.models import Tag

    from publishing import registry

    pages = [
        "/",
        reverse("portal:search"),
        reverse("portal:tag_list"),
        reverse("portal:open_data"),
        reverse("initiatives:list"),
        reverse("resources:category_list"),
        reverse("resources:list"),
    ]
    for ct in registry.with_own_page():
        pages += [obj.get_absolute_url() for obj in ct.published().only("slug")]
    pages += [
        reverse("portal:tag", args=[slug]) for slug in Tag.objects.values_list("slug", flat=True)
    ]
    return sorted(set(pages))


def generate(pages: list[str], terms: int, years: int) -> dict[str, int]:
    """`years` of statistics up to today, written with generate_series (seconds, not minutes)."""
    from django.db import connection
    from django.utils import timezone

    from feedback.outbound import link_for
    from publishing import registry

    today = timezone.localdate()
    start = today.replace(year=today.year - years)
    links = [
        link_for(obj, field).key
        for ct in registry.with_link_fields()
        for field in ct.declaration.link_fields
        for obj in ct.published().exclude(**{field: ""}).only("pk")
    ]
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_pages (n int, page text)")
        cursor.executemany("INSERT INTO bench_pages VALUES (%s, %s)", list(enumerate(pages)))
        cursor.execute("CREATE TEMP TABLE bench_links (n int, key text)")
        cursor.executemany("INSERT INTO bench_links VALUES (%s, %s)", list(enumerate(links)))
        # Views: more for the first pages, every day, unique ≤ views.
        cursor.execute(
            """
            INSERT INTO feedback_pageviewday (kind, key, date, views, unique_views)
            SELECT 'page', p.page, d::date, v.views, greatest(1, v.views * 2 / 3)
            FROM bench_pages p
            CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') d
            CROSS JOIN LATERAL (SELECT 1 + (p.n * 7 + extract(doy from d)::int) %% 200
                                       + 2000 / (p.n + 1) AS views) v
            """,
            [start, today],
        )
        counts["page-days"] = cursor.rowcount
        # Answers: about two a page on most days, some with a comment, on versions.
        cursor.execute(
            """
            INSERT INTO feedback_feedback
                (page, helpful, comment, redacted, status, created_at, version_id)
            SELECT p.page, (p.n + a + extract(doy from d)::int) %% 4 <> 0,
                   CASE WHEN a = 0 AND p.n %% 3 = 0 THEN 'Saknar exempel från kommuner.'
                        ELSE '' END,
                   false, 'new', d + interval '12 hours',
                   CASE WHEN p.page LIKE '/ai-initiativ/_%%'
                        THEN 1000 * p.n + extract(month from d)::int END
            FROM bench_pages p
            CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') d
            CROSS JOIN generate_series(0, 2) a
            WHERE (p.n + a + extract(doy from d)::int) %% 3 <> 0
            """,
            [start, today],
        )
        counts["answers"] = cursor.rowcount
        # Clicks on every link every day.
        cursor.execute(
            """
            INSERT INTO feedback_pageviewday (kind, key, date, views, unique_views)
            SELECT 'link', l.key, d::date, 1 + (l.n + extract(doy from d)::int) %% 9,
                   1 + (l.n + extract(doy from d)::int) %% 9 / 2
            FROM bench_links l
            CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') d
            """,
            [start, today],
        )
        counts["link-days"] = cursor.rowcount
        # Search terms: `terms` a day out of a vocabulary of ten times as many.
        cursor.execute(
            """
            INSERT INTO feedback_searchtermday (term, date, searches, without_results, results)
            SELECT 'sökord ' || ((t * 7 + extract(doy from d)::int) %% (%s * 10)),
                   d::date, 1 + t %% 20, CASE WHEN t %% 5 = 0 THEN 1 + t %% 20 ELSE 0 END,
                   CASE WHEN t %% 5 = 0 THEN 0 ELSE t %% 30 END
            FROM generate_series(%s::date, %s::date, interval '1 day') d
            CROSS JOIN generate_series(1, %s) t
            ON CONFLICT DO NOTHING
            """,
            [terms, start, today, terms],
        )
        counts["term-days"] = cursor.rowcount
        # What autovacuum does on a live site within minutes of such writes: planner
        # statistics, and the visibility map that lets the summary read its indexes alone.
        for table in ("feedback_pageviewday", "feedback_feedback", "feedback_searchtermday"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return counts


def timed(runs, call):
    call()  # warm-up: the first request loads templates and the URL map
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main():
    args = parse()
    os.environ["DATABASE_URL"] = args.database_url
    # Production settings (DEBUG off), served to the test client over plain HTTP.
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ.pop("REDIS_URL", None)  # the in-process cache: nothing waits to be flushed
    reset(args.database_url)
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            reset(args.database_url, create=False)
            print("database dropped")


def run(args):
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Hashed static names need collectstatic first; the admin pages render without it.
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain_static}):
        measure(args)


def measure(args):
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from bench import content

    assert connection.vendor == "postgresql", "the target is PostgreSQL"
    call_command("migrate", verbosity=0)
    # Filling the database takes longer than the site lets one statement run (and than
    # portal.db waits for an answer); the measurements below run under the production
    # limits again.
    connection.ensure_connection()
    usual_wait, connection.connection.wait_timeout = connection.connection.wait_timeout, None
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
    base_i, base_r = content.load_demo()
    initiatives, resources = content.grow_to(args.scale, base_i, base_r)
    pages = visitor_pages()
    started = time.perf_counter()
    counts = generate(pages, args.terms, args.years)
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")
    connection.connection.wait_timeout = usual_wait
    print(f"content: {initiatives} initiatives, {resources} resources; {len(pages)} visitor pages")
    print(
        f"{args.years} years of data: "
        + ", ".join(f"{value:,} {name}" for name, value in counts.items())
        + f" (generated in {time.perf_counter() - started:.0f} s)"
    )

    User.objects.create_superuser("bench", "bench@example.se", "bench-losenord-123")
    client = Client()
    client.force_login(User.objects.get(username="bench"))
    today = timezone.localdate()
    year = {"fran": today.replace(year=today.year - 1).isoformat(), "till": today.isoformat()}
    summary_url = reverse("admin:feedback_feedback_summary")
    trend_url = reverse("admin:feedback_feedback_trend")

    def get(url, params):
        def call():
            response = client.get(url, params)
            assert response.status_code == 200, response.status_code
            if hasattr(response, "streaming_content"):
                for _ in response.streaming_content:
                    pass
            else:
                response.render() if hasattr(response, "render") else None

        return call

    print(
        f"database: PostgreSQL {connection.pg_version // 10000}; median of {args.runs} runs; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before"
    )
    for label, url, params in [
        ("summary, a year, every page (full admin page)", summary_url, year),
        ("summary, last 30 days (the default)", summary_url, {}),
        ("summary CSV per page, a year", summary_url, {**year, "format": "csv"}),
        (
            "search terms CSV per day, a year",
            summary_url,
            {**year, "format": "csv", "del": "sokord"},
        ),
        ("weekly trend, whole site, a year", trend_url, year),
        ("weekly trend, one page, a year", trend_url, {**year, "sida": pages[0]}),
    ]:
        median, best = timed(args.runs, get(url, params))
        print(f"{label}: {median * 1000:.0f} ms (best {best * 1000:.0f} ms)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
