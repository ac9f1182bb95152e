"""Shared fixtures. Tests run on PostgreSQL when DATABASE_URL points there (CI does)."""

import contextlib
import os
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from hypothesis import settings as hypothesis_settings

from publishing.roles import ADMINISTRATOR, EDITOR
from tests.editorial import make_staff
from tests.factories import FilmFactory

# Property-based tests check what comes out, never how fast: a loaded CI machine must not
# turn a slow example into a failure. Locally every run explores new examples (that is how
# they find bugs); CI runs a fixed set, so a submission passes or fails on its code alone.
hypothesis_settings.register_profile("site", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "site")


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


def forget_process_state():
    """What this process keeps besides the caches: pages it served lately, the generation
    it read last, and counts not yet sent to Redis (dropped unsent: their keys would
    outlive the test's own)."""
    from feedback import pending
    from portal import pagecache
    from publishing import generation

    pending.discard_all()
    pagecache.near.clear()
    generation.forget_seen()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages must not leak between tests."""
    forget_process_state()
    clear_own_cache_keys()
    yield
    forget_process_state()
    clear_own_cache_keys()


@pytest.fixture(scope="session", autouse=True)
def _close_health_check_connection(django_db_setup, django_db_blocker):
    """/healthz checks the database on a thread of its own; close its connection first."""
    yield
    from portal import health

    with django_db_blocker.unblock():
        health.close_connection()


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    """Uploaded files go to a folder of each test's own, never to the project's uploads/."""
    settings.MEDIA_ROOT = tmp_path / "uploads"


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


def restore_start_page():
    """The start page a migration publishes, again after a flush (browser tests)."""
    import importlib
    from pathlib import Path

    from django.apps import apps

    import portal.migrations

    folder = Path(portal.migrations.__file__).parent
    name = next(folder.glob("*_start_page.py")).stem
    migration = importlib.import_module(f"portal.migrations.{name}")
    migration.create_start_page(apps, None)  # does nothing when there is one
    name = next(folder.glob("*_start_page_corrections.py")).stem
    importlib.import_module(f"portal.migrations.{name}").correct(apps, None)


def restore_site_texts():
    """The header and footer texts a migration publishes, again after a flush (browser tests)."""
    import importlib
    from pathlib import Path

    from django.apps import apps

    import portal.migrations

    name = next(Path(portal.migrations.__file__).parent.glob("*_site_texts.py")).stem
    migration = importlib.import_module(f"portal.migrations.{name}")
    migration.create_site_text(apps, None)  # does nothing when there is one


@pytest.fixture
def site_pages(db):
    """The stand-alone pages every page links to from its footer and menu."""
    from tests.factories import PageFactory

    restore_site_links()
    restore_start_page()
    restore_site_texts()
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


# --- A page that shows the webinar's films -----------------------------------------------


@pytest.fixture
def films_on_pages(site_pages):
    """Two published films of the media library, shown on the webinar page."""
    first = FilmFactory(film_id="webbinarium-2024-del-1")
    second = FilmFactory(film_id="webbinarium-2024-del-2")
    webinar = site_pages["webbinarium"]
    webinar.body = f"## Inspelningar\n\n{first.embed_code}\n\n{second.embed_code}\n"
    webinar.save()
    return webinar


REDIS_TEST_URL = "redis://127.0.0.1:6379/7"


def use_local_redis(settings):
    """Put the default cache (and with it the limits and counters) on the local Redis, under
    a key prefix of the calling test's own; skips the test where no Redis answers. Returns
    a function that deletes the test's keys (only its prefix) and forgets what the process
    kept of them."""
    import uuid

    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": f"test-redis-{uuid.uuid4().hex}",
        }
    }
    forget_process_state()

    def clean_up():
        forget_process_state()
        caches["default"].delete_pattern("*")  # only this test's keys (the prefix)

    return clean_up


@pytest.fixture
def redis_cache(settings):
    """The default cache on the local Redis for this test (`use_local_redis`)."""
    clean_up = use_local_redis(settings)
    yield caches["default"]
    clean_up()


@contextlib.contextmanager
def redis_commands():
    """The names of the commands sent to Redis inside the block."""
    import redis

    sent = []
    original = redis.Redis.execute_command

    def spy(client, *args, **options):
        sent.append(args[0])
        return original(client, *args, **options)

    with mock.patch.object(redis.Redis, "execute_command", spy):
        yield sent
