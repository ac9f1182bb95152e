import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def vendor_with(database_url):
    """The database the settings choose (PostgreSQL runs through portal.db, see settings)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "1"}
    env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection; "
            "print(connection.vendor)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_empty_database_url_falls_back_to_sqlite():
    # `make test` passes DATABASE_URL="" on a machine where no PostgreSQL answers.
    assert vendor_with("") == "sqlite"


def test_database_url_selects_postgresql():
    assert vendor_with("postgres://u@127.0.0.1:5432/x") == "postgresql"
