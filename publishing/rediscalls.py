"""Redis behind a Django cache: the raw client, and Lua scripts sent by digest.

Counters and the page cache need a few things Django's cache API has no words for (a
HyperLogLog, several commands in one round trip). Where the cache is django-redis they use
its client directly; anywhere else (the in-process default) they fall back to the API.
"""

_scripts = {}


def client(cache):
    """The Redis client behind a django-redis cache, or None for any other backend."""
    from django_redis.cache import RedisCache

    return cache.client.get_client(write=True) if isinstance(cache, RedisCache) else None


def script(redis, source: str):
    """A Lua script registered once per client (EVALSHA, loaded again on demand)."""
    key = (id(redis), source)
    if key not in _scripts:
        _scripts[key] = redis.register_script(source)
    return _scripts[key]
