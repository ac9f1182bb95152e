"""How long the garbage collector stops a worker, before and after portal/wsgi.py's freeze.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gc_pauses \
        .venv/bin/python bench/gc_pauses.py [--requests 3000]

Loads the demo content into the given database (migrating it first), answers the public
page types in turns through Django's test client with the page cache off, and prints, for
the requests measured: the garbage collector's time per request, its collections per
generation, its longest single pause, what a full collection takes (the oldest generation's,
which comes once the survivors have grown by a quarter) and the objects it has to walk.
First as the process stands after loading and warming up, then after
`portal.wsgi.warm_up_and_freeze()`, which the production WSGI application runs once at
start. Every thread of a worker waits while a collection runs, so a pause is added to
every request in flight.
"""

import argparse
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130 Safari/537.36"


class Pauses:
    """Every collection's duration, from gc.callbacks."""

    def __init__(self):
        self.durations = []
        self.generations = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase, info):
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append(time.perf_counter() - self._started)
            self.generations[info["generation"]] += 1


def measure(label, get, paths, requests):
    pauses = Pauses()
    gc.callbacks.append(pauses)
    started = time.perf_counter()
    for n in range(requests):
        get(paths[n % len(paths)])
    elapsed = time.perf_counter() - started
    gc.callbacks.remove(pauses)
    full_started = time.perf_counter()
    gc.collect()  # what the oldest generation's collection costs whenever it comes
    full = time.perf_counter() - full_started
    total = sum(pauses.durations)
    longest = max(pauses.durations, default=0.0)
    print(
        f"{label:<34} {elapsed / requests * 1000:6.2f} ms/request  "
        f"gc {total / requests * 1000:5.3f} ms/request  collections {pauses.generations}  "
        f"longest pause {longest * 1000:5.1f} ms  a full collection {full * 1000:5.1f} ms  "
        f"objects walked {len(gc.get_objects())}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args()

    call_command("migrate", run_syncdb=True, verbosity=0)  # tests.notices has no migrations
    call_command("load_demo_content", verbosity=0)
    call_command("update_search_index", verbosity=0)
    from initiatives.models import Initiative

    initiative = Initiative.objects.published().order_by("title").first()
    paths = [
        "/",
        "/ai-initiativ/",
        initiative.get_absolute_url(),
        "/stod-och-verktyg/juridik/",
        "/sok/?q=socialtj%C3%A4nst",
    ]
    client = Client(HTTP_USER_AGENT=AGENT, HTTP_X_FORWARDED_PROTO="https")

    def get(path):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)

    for n in range(200):  # templates compiled, values remembered, connections open
        get(paths[n % len(paths)])
    gc.collect()
    measure("as loaded", get, paths, args.requests)

    import portal.wsgi  # noqa: F401 - warms up and freezes, as at a worker's start

    measure("after portal.wsgi's freeze", get, paths, args.requests)


if __name__ == "__main__":
    main()
