"""Near copies: with Redis, each process serves the pages it served lately from its own
memory while it has read the content generation within GENERATION_RECHECK_SECONDS."""

import time

import pytest
from django.test import Client

from portal import pagecache
from publishing import generation
from tests.conftest import redis_commands
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


def redis_commands_during(action):
    """The names of the commands sent to Redis while `action` runs, and its result."""
    with redis_commands() as sent:
        result = action()
    return sent, result


def test_a_page_served_lately_is_served_again_without_asking_redis(redis_cache, site_pages):
    assert Client().get("/")[HIT] == "miss"
    sent, response = redis_commands_during(lambda: Client().get("/"))
    assert response[HIT] == "hit"
    assert sent == []
    # The same bytes and validators as the copy in Redis.
    sent, from_redis = redis_commands_during(lambda: (pagecache.near.clear(), Client().get("/"))[1])
    assert sent == ["EVALSHA"] and from_redis[HIT] == "hit"
    assert response.content == from_redis.content
    assert response["ETag"] == from_redis["ETag"]


def test_a_change_saved_in_this_process_shows_at_once(redis_cache, site_pages):
    initiative = InitiativeFactory(title="Före ändringen")
    url = initiative.get_absolute_url()
    assert Client().get(url)[HIT] == "miss"
    assert Client().get(url)[HIT] == "hit"
    initiative.title = "Efter ändringen"
    initiative.save()
    response = Client().get(url)
    assert response[HIT] == "miss"
    assert "Efter ändringen" in response.content.decode()


def test_a_change_saved_in_another_process_shows_within_the_recheck_seconds(
    redis_cache, site_pages, settings
):
    settings.GENERATION_RECHECK_SECONDS = 0.3
    assert Client().get("/")[HIT] == "miss"
    # Another process starts a new generation: only Redis knows.
    redis_cache.set(generation.KEY, generation._new(), None)
    assert Client().get("/")[HIT] == "hit"  # the near copy, within the recheck seconds
    time.sleep(0.35)
    assert Client().get("/")[HIT] == "miss"  # the new generation, read from Redis


def test_off_when_the_recheck_seconds_are_zero(redis_cache, site_pages, settings):
    settings.GENERATION_RECHECK_SECONDS = 0
    Client().get("/")
    sent, response = redis_commands_during(lambda: Client().get("/"))
    assert response[HIT] == "hit" and sent == ["EVALSHA"]


def test_near_copies_are_bounded_by_size(settings):
    settings.PAGE_CACHE_NEAR_BYTES = 10_000
    near = pagecache.NearCopies()
    for n in range(10):
        near.put(f"page-{n}", "g1", {"content": b"x" * 2000})
    assert near.bytes <= 10_000
    assert near.get("page-9", "g1") is not None  # the latest stay
    assert near.get("page-0", "g1") is None  # the least recently served went first
    assert near.get("page-9", "g2") is None  # another generation's copy is never served
    near.put("huge", "g1", {"content": b"x" * 20_000})
    assert near.get("huge", "g1") is None  # larger than the bound: not kept at all
