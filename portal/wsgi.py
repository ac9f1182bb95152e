"""The WSGI application (gunicorn in production, `make bench`; runserver in development).

After loading, the process imports what the first requests would (the URL configuration
with every view, the cache clients) and then freezes everything it holds so far out of the
garbage collector's sight (`gc.freeze()`). Those objects live as long as the process; without
the freeze, every full collection walked all of them with the worker's threads stopped: about
50 ms once every few thousand requests, added to every request in flight; about 2 ms with it
(bench/gc_pauses.py). Garbage made later is collected as usual.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()


def warm_up_and_freeze():
    from django.core.cache import caches
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every URL module and view
    for cache in caches.all(initialized_only=False):
        getattr(cache, "_cache", None)  # a Redis cache imports its client here
    gc.collect()
    gc.freeze()


warm_up_and_freeze()
