"""Shared fixtures. Tests run on PostgreSQL when DATABASE_URL points there (CI does)."""

import pytest
from django.conf import settings
from django.core.cache import caches


def clear_own_cache_keys():
    """Empty every cache of this test run, deleting only keys under its own prefix.

    An in-process cache belongs to this process alone, so clear() is fine there; on Redis
    clear() would flush the whole database, shared with others, so delete our keys only
    (django-redis applies the cache's KEY_PREFIX to the pattern).
    """
    for alias in settings.CACHES:
        cache = caches[alias]
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")
        else:
            cache.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages must not leak between tests."""
    clear_own_cache_keys()
    yield
    clear_own_cache_keys()


@pytest.fixture(autouse=True)
def _forget_outages():
    """A test that simulated a lost database must not pause page-view counting in the next."""
    from portal import outage

    outage.forget()
    yield
    outage.forget()


@pytest.fixture(scope="session", autouse=True)
def _close_health_check_connection(django_db_setup, django_db_blocker):
    """/healthz checks the database on a thread of its own; close its connection first."""
    yield
    from portal import health

    with django_db_blocker.unblock():
        health.close_connection()


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
