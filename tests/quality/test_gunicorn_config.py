"""gunicorn.conf.py: what every gunicorn start shares, production's and the benchmark's."""

import platform
import runpy
from pathlib import Path
from types import ModuleType
from unittest import mock

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_gunicorn_reads_the_config_without_complaint():
    from gunicorn.config import Config

    settings = runpy.run_path(str(CONFIG))
    # gunicorn applies every lower-case name it knows from the file and silently ignores the
    # others: each one here must be a setting of gunicorn's, not a misspelling.
    values = {
        name: value
        for name, value in settings.items()
        if name.islower() and not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert set(values) <= set(Config().settings)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc arenas are glibc's")
def test_the_master_caps_malloc_arenas_before_it_forks_the_workers():
    with mock.patch("ctypes.CDLL") as cdll:
        cdll.return_value.mallopt.return_value = 1
        settings = runpy.run_path(str(CONFIG))
    cdll.return_value.mallopt.assert_called_once_with(-8, 2)  # M_ARENA_MAX, two arenas
    assert settings["MALLOC_ARENA_MAX"] == 2
    # And for real: glibc accepts the setting.
    assert settings["_limit_malloc_arenas"](2) is True


def test_without_glibc_the_config_still_loads():
    with mock.patch("ctypes.CDLL", side_effect=OSError("no libc")):
        settings = runpy.run_path(str(CONFIG))
        assert settings["_limit_malloc_arenas"](2) is False
