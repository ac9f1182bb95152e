"""Memory and time for streaming the feedback CSV export, and the cost of counting a view.

Not a test: figures depend on the machine. Run against a throwaway database:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/export_memory.py 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/export_memory.py

It migrates the database, fills it with N feedback rows (default 1 000 000) unless they
are there already, streams the export through the admin's code path to /dev/null while
tracemalloc tracks the Python heap, and prints peak memory next to the size of the CSV.
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from feedback.exports import feedback_csv_lines  # noqa: E402
from feedback.models import Feedback  # noqa: E402

COMMENTS = [
    "",
    "Bra sida, men exemplen kunde vara fler.",
    "Saknar information om vad lagen (2001:453) säger om detta, 7 a §.",
    'Semikolon; "citat" och\nen andra rad.',
]


def fill(n: int) -> None:
    have = Feedback.objects.count()
    batch = 10_000
    started = time.perf_counter()
    while have < n:
        size = min(batch, n - have)
        Feedback.objects.bulk_create(
            [
                Feedback(page=f"/sida-{i % 50}/", helpful=bool(i % 3), comment=COMMENTS[i % 4])
                for i in range(have, have + size)
            ],
            batch_size=batch,
        )
        have += size
    print(f"rows: {have:,} (filled in {time.perf_counter() - started:.1f} s)")


def export() -> None:
    response_lines = feedback_csv_lines(Feedback.objects.all())
    tracemalloc.start()
    started = time.perf_counter()
    written = 0
    with open(os.devnull, "wb") as sink:
        for line in response_lines:
            data = line.encode("utf-8")
            written += len(data)
            sink.write(data)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"database: {connection.vendor}")
    print(f"CSV size: {written / 1e6:,.1f} MB in {elapsed:.1f} s")
    print(f"peak Python heap while streaming: {peak / 1e6:,.2f} MB")


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    call_command("migrate", verbosity=0)
    fill(rows)
    export()
