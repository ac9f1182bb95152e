"""The WSGI application warms up and freezes what it loaded (portal/wsgi.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, sys
import portal.wsgi
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "views": "initiatives.views" in sys.modules and "resources.views" in sys.modules,
}))
"""


def test_the_loaded_application_is_frozen_out_of_the_collectors_sight():
    # A process of its own: freezing is for the whole process, never the test run's.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["views"]  # imported before the freeze, not by the first request
    assert probe["frozen"] > 20_000  # Django, the apps and their modules: about 100 000
