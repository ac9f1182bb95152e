"""The startproject baseline's WSGI application (bench/floor.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.baseline.startproject_settings")
application = get_wsgi_application()

# A project that uses Redis loads its client on the first request that reads the cache; the
# baseline's pages read none, so it is loaded here, once per worker, with one read.
if os.environ.get("REDIS_URL"):
    from django.core.cache import cache

    cache.get("bench-floor")
