"""Shared by bench/run.py and bench/resilience.py: a production-like app on loopback.

The app runs as in production: gunicorn, DEBUG off, PostgreSQL, collected static files,
HTTPS as seen behind a load balancer (X-Forwarded-Proto). Each script owns its database
and drops and recreates it, so a run never touches anyone else's data.
"""

import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"  # logs of the app under test (not in git)
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
# What a load balancer in front of the app adds: the visitor used HTTPS.
FORWARDED = {"X-Forwarded-Proto": "https"}


def log(message=""):
    print(message, flush=True)


def app_env(database_url, **extra):
    """The environment of a production start (no DEBUG, a strong key, our own database)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "ALLOW_INSECURE_KEY",
            "DJANGO_SETTINGS_MODULE",
            "REDIS_URL",
            "DB_STATEMENT_TIMEOUT",  # the app runs with its production default
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update({key: str(value) for key, value in extra.items() if value is not None})
    return env


def reset_database(database_url):
    """Drop and create the database named in `database_url` (never any other)."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name or name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"refusing to reset database {name!r}")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def clear_own_cache_keys():
    """Delete this run's keys in every cache (each has the run's prefix), never others'."""
    from django.core.cache import caches
    from django_redis.cache import RedisCache

    for alias in caches:
        if isinstance(caches[alias], RedisCache):
            caches[alias].delete_pattern("*")


def clean_up(database_url):
    """Leave the shared services as the run found them: its keys and database removed."""
    from django.db import connections

    clear_own_cache_keys()
    connections.close_all()
    import psycopg

    parts = urlsplit(database_url)
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def setup_django(env):
    """Configure Django in this process with the app's environment (for migrate and content).

    Loading content is a batch job, not a request: no statement timeout here (bulk loads of
    100x content take longer than a page may). The app under test keeps its own.
    """
    os.environ.update({**env, "DB_STATEMENT_TIMEOUT": "0"})
    import django

    django.setup()


def prepare_app():
    """Migrate and collect static files, quietly."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def prepare_baseline(env):
    """The bare baseline project's environment, its tables made in the run's database.

    Same database server and database as the site, its own tables (bench/baseline).
    """
    baseline_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.baseline.settings"}
    subprocess.run(
        [sys.executable, "-m", "bench.baseline.prepare"], cwd=ROOT, env=baseline_env, check=True
    )
    return baseline_env


def free_port():
    """A free loopback port: from BENCH_PORT upwards when set, else one the system picks."""
    first = int(os.environ.get("BENCH_PORT", "0"))
    for port in range(first, first + 100) if first else [0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise SystemExit(f"no free port from BENCH_PORT={first}")


def request(port, path, method="GET", body=None, headers=None, timeout=10):
    """One HTTP request to the app; returns (status, headers, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={**FORWARDED, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def compile_bytecode():
    """Write the project's .pyc files, as a production server has them after its first start.

    Without them (PYTHONDONTWRITEBYTECODE set, as on some development machines) every worker
    compiles each of the project's modules from source, which costs it about 2 MB of memory
    for good (bench/README.md, "Worker memory").
    """
    import compileall

    for folder in sorted(ROOT.iterdir()):
        if (folder / "__init__.py").exists() or (folder / "apps.py").exists():
            compileall.compile_dir(folder, quiet=1)


def memory_of(pid):
    """RSS, PSS and USS of one process, in MB, from /proc/PID/smaps_rollup.

    RSS counts every page the process has in memory, those it shares with gunicorn's master
    and the other workers included (the goal of issue 12 counts RSS); PSS divides the shared
    pages among their sharers; USS is what only this process holds.
    """
    fields = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, _, rest = line.partition(":")
            fields[name] = int(rest.split()[0]) / 1024
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0), "uss": uss}


class Gunicorn:
    """gunicorn serving portal.wsgi on a loopback port, stopped on exit."""

    def __init__(self, env, workers=2, threads=4, log_name="app", app="portal.wsgi:application"):
        self.env, self.workers, self.threads, self.app = env, workers, threads, app
        self.port = free_port()
        self.process = None
        RESULTS.mkdir(exist_ok=True)
        self.log_path = RESULTS / f"{log_name}.log"

    def __enter__(self):
        compile_bytecode()
        command = [
            GUNICORN,
            self.app,
            # The project's own settings (gunicorn.conf.py: the malloc arenas), as in
            # production; the baselines get them too, so the floors compare like with like.
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            # Threads keep connections alive between requests, as behind a load balancer.
            "--worker-class",
            "gthread",
            "--threads",
            str(self.threads),
            "--log-level",
            "warning",
        ]
        # The app's own log (warnings and errors) goes to a file, not between the figures.
        with open(self.log_path, "a") as log_file:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log_file, stderr=subprocess.STDOUT
            )
        self.wait_until_serving()
        return self

    def wait_until_serving(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"gunicorn exited with {self.process.returncode}: see {self.log_path}"
                )
            with contextlib.suppress(OSError):
                status, _, _ = request(self.port, "/healthz", timeout=2)
                if status == 200:
                    return
            time.sleep(0.2)
        raise SystemExit("gunicorn did not become healthy within a minute")

    def worker_pids(self):
        result = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        return sorted(int(pid) for pid in result.stdout.split())

    def worker_rss_mb(self):
        """Resident memory of each worker process, in MB."""
        return [memory["rss"] for memory in self.worker_memory()]

    def worker_memory(self):
        """RSS, PSS and USS of each worker process, in MB."""
        return [memory_of(pid) for pid in self.worker_pids()]

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class FormFinder(HTMLParser):
    """The feedback form on a page (id or class "feedback", on the form or around it)."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 while inside an element marked feedback
        self.stack = []
        self.form = None  # action, method, fields, buttons, radios, textarea
        self._in_form = False

    @staticmethod
    def _marked(attrs):
        classes = (attrs.get("class") or "").split()
        return attrs.get("id") == "feedback" or "feedback" in classes

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form is None and (self._marked(attrs) or self.depth):
            self.form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": [],
                "buttons": [],
                "radios": {},
                "textarea": None,
            }
            self._in_form = True
        elif self._marked(attrs):
            self.depth += 1
        if not self._in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind == "submit":
                self.form["buttons"].append((attrs["name"], attrs.get("value") or ""))
            elif kind == "radio":
                # The first choice of each group ("Ja" comes first in "Ja / Nej").
                self.form["radios"].setdefault(attrs["name"], attrs.get("value") or "")
            elif kind in {"hidden", "text"}:
                self.form["fields"].append((attrs["name"], attrs.get("value") or ""))
        elif tag == "button" and attrs.get("name"):
            self.form["buttons"].append((attrs["name"], attrs.get("value") or ""))
        elif tag == "textarea" and attrs.get("name"):
            self.form["textarea"] = attrs["name"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def find_feedback_form(html):
    finder = FormFinder()
    finder.feed(html)
    form = finder.form
    if not form or form["method"] != "post":
        return None
    return form


def csrf_cookie(headers):
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith("csrftoken="):
            return value.split(";")[0]
    return None


def ensure_wrk():
    """wrk from Debian; installed on first use (needs root, as on the CI machine)."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    log("wrk is missing: installing Debian's package (apt-get install -y wrk)")
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*prefix, "apt-get", "install", "-y", "-q", "wrk"], check=True)
    return shutil.which("wrk")
