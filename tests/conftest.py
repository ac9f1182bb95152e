"""Shared fixtures. Tests run on PostgreSQL when DATABASE_URL points there (CI does)."""

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

from publishing.roles import ADMINISTRATOR, EDITOR
from tests.editorial import make_staff

# Property-based tests check what comes out, never how fast: a loaded CI machine must not
# turn a slow example into a failure.
hypothesis_settings.register_profile("site", deadline=None)
hypothesis_settings.load_profile("site")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


def restore_site_links():
    """The navigation and footer links a migration creates, again after a flush (browser tests)."""
    import importlib
    from pathlib import Path

    from django.apps import apps

    import portal.migrations

    # Found by name, not number: a merge may renumber the migration.
    name = next(Path(portal.migrations.__file__).parent.glob("*_site_links.py")).stem
    migration = importlib.import_module(f"portal.migrations.{name}")
    migration.create_links(apps, None)  # does nothing when the links are there


@pytest.fixture
def site_pages(db):
    """The stand-alone pages every page links to from its footer and menu."""
    from tests.factories import PageFactory

    restore_site_links()
    return {
        slug: PageFactory(slug=slug, title=title)
        for slug, title in [
            ("introduktion-till-ai", "Introduktion till AI"),
            ("natverk-och-forum", "Nätverk och forum"),
            ("webbinarium", "Webbinarium"),
            ("om-webbplatsen", "Om webbplatsen"),
            ("tillganglighetsredogorelse", "Tillgänglighetsredogörelse"),
        ]
    }


@pytest.fixture
def public_pages(site_pages, settings):
    """Every public page type with content behind it (tests/quality/pages.py), error pages too."""
    from tests.quality.pages import TEST_URLCONF, build_public_pages

    settings.ROOT_URLCONF = TEST_URLCONF
    return build_public_pages(site_pages)


@pytest.fixture
def without_four_eyes(settings):
    """For tests of something else than review: an editor's save goes straight out."""
    settings.FOUR_EYES_PUBLISHING = False


# --- People in the roles the migrations create ---------------------------------------------


@pytest.fixture
def editor(db):
    return make_staff("redaktor", EDITOR)


@pytest.fixture
def administrator(db):
    return make_staff("administrator", ADMINISTRATOR)


@pytest.fixture
def analyst(db):
    return make_staff("analytiker", "Analytiker")


@pytest.fixture
def staff_without_role(db):
    """Signed in to the admin but in no group: may see nothing."""
    return make_staff("personal")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client_role(client, administrator):
    client.force_login(administrator)
    return client
