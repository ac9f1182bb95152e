"""Headless Chromium (Debian's package) driven by Playwright against a live test server.

Playwright's own browser download cannot work on a closed network, so it drives
/usr/bin/chromium through executable_path. In CI a missing browser is an error; locally
the browser tests are skipped with a hint (`make browser`).
"""

import importlib
import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(
                f"chromium not found at {CHROMIUM}: CI must install it (scripts/install-chromium)"
            )
        pytest.skip("chromium is not installed: run `make browser`")
    # Playwright's sync API runs an event loop; Django refuses sync ORM calls inside one
    # unless told the test process knows what it does.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page(browser, *, javascript):
    context = browser.new_context(locale="sv-SE", java_script_enabled=javascript)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser):
    yield from _page(browser, javascript=True)


@pytest.fixture
def page_without_js(browser):
    yield from _page(browser, javascript=False)


@pytest.fixture
def migrated_rows(transactional_db):
    """The roles and the eight categories, which migrations create and a flush removes."""
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from publishing.roles import ADMINISTRATOR, EDITOR, sync_roles

    for name in (EDITOR, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)
    sync_roles()  # the rights every `migrate` gives the roles
    categories = importlib.import_module("resources.migrations.0002_the_eight_categories")
    categories.create_categories(MigrationLoader(connection).project_state().apps, None)
