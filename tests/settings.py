"""The test run: production settings (DEBUG off) with a throwaway key and plain HTTP.

Everything else comes from portal.settings and the environment, so DATABASE_URL
decides between PostgreSQL (CI) and SQLite.
"""

import os
import uuid

os.environ.setdefault("SECRET_KEY", "tests-only-key-" + "k" * 50)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from portal.settings import *  # noqa: F403

# Hashed static names need collectstatic first; tests render templates without it.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only

# A throwaway content type, declared like any other, that the publishing core must pick up
# with no other edit (tests/publishing/test_new_content_type.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.notices"]  # noqa: F405

# Every cache gets a key prefix of this test run's own: with REDIS_URL set, the tests share
# a Redis with others, and clearing "the cache" must only ever delete this run's keys.
TEST_CACHE_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
for _alias, _cache in CACHES.items():  # noqa: F405
    _cache["KEY_PREFIX"] = f"{TEST_CACHE_PREFIX}-{_alias}"

# Counts gathered for Redis are sent when a test reads the statistics (or asks), not by the
# background thread in the middle of another test (tests/feedback/test_pending.py sets it).
FEEDBACK_COUNT_SECONDS = 3600
