"""Shared fixtures. Tests run on PostgreSQL when DATABASE_URL points there (CI does)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_pages(db):
    """The stand-alone pages every page links to from its footer and menu."""
    from tests.factories import PageFactory

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
