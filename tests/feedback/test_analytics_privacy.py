"""No stored row of the statistics can be tied to a visitor's address, agent or cookie.

Requests with distinctive values are made to every counted thing (pages, searches,
outbound clicks, answers); then every field of every row of every statistics model, and
every key and value the counters left in the cache, is read for any trace of them.
"""

import pytest
from django.apps import apps
from django.core.cache import caches
from django.test import Client
from django.test.client import RequestFactory
from django_redis.cache import RedisCache

from feedback import abuse, outbound, pending, summary
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_counting_cache")]

IP = "203.0.113.187"
FORWARDED = "192.0.2.231"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Unikagent-Q7Z9"
COOKIE = "kaka-X4P2W8"


RAW = {IP, FORWARDED, AGENT, "Unikagent-Q7Z9", COOKIE}


def traces(request_meta) -> set[str]:
    """Everything about the visitor that must not be stored, as text: raw and hashed."""
    request = RequestFactory().get("/", **request_meta)
    found = set(RAW)
    for purpose in ("view", "submit"):
        found.add(abuse.client_hash(request, purpose=purpose))
        found.add(abuse.client_hash(request, purpose=purpose, with_user_agent=True))
    return found


def test_no_row_or_cache_entry_holds_the_visitors_address_agent_or_cookie(
    site_pages, settings, each_counting_cache
):
    settings.TRUSTED_PROXY_COUNT = 1
    meta = {"REMOTE_ADDR": IP, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": FORWARDED}
    client = Client(**meta)
    client.cookies["sparning"] = COOKIE
    client.cookies["sessionid"] = COOKIE
    resource = ResourceFactory(url="https://www.example.se/stod/")
    initiative = InitiativeFactory(title="Stödet i Ankeby", source_url="https://ankeby.se/ai/")

    client.get("/")
    client.get(initiative.get_absolute_url())
    client.get("/sok/", {"q": "stödet"})
    client.get("/sok/", {"q": "finns inte alls"})
    client.get(outbound.link_for(resource, "url").get_absolute_url())
    client.get(outbound.link_for(initiative, "source_url").get_absolute_url())
    client.post(
        "/aterkoppling/svar/",
        {"page": "/", "helpful": "ja", "comment": "Bra sida"},
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    # Read the cache before flushing: that is where the counts wait, once the process has
    # sent what it gathered (feedback/pending.py, within a second). The counters hold
    # neither the visitor's data nor its daily hash (a HyperLogLog keeps registers only);
    # the spam limits' markers are keyed by that hash for minutes, as documented, and
    # hold nothing raw either.
    pending.send_now()
    forbidden = traces(meta)
    cache = caches[abuse.limits_alias()]
    if isinstance(cache, RedisCache):
        client_ = cache.client.get_client()
        counters = 0
        for key in client_.scan_iter(cache.make_key("*")):
            value = client_.dump(key) or b""
            is_counter = b":viewcounts:" in key or b":searchterms:" in key
            counters += is_counter
            for trace in forbidden if is_counter else RAW:
                assert trace.encode() not in key, key
                assert trace.encode() not in value, key
        assert counters

    summary.flush()
    models = list(apps.get_app_config("feedback").get_models())
    stored = 0
    for model in models:
        for row in model.objects.all():
            for field in model._meta.concrete_fields:
                value = str(field.value_from_object(row))
                for trace in forbidden:
                    assert trace not in value, (model.__name__, field.name, value)
            stored += 1
    # Something of each kind was stored, so the inspection above had rows to read.
    kinds = {
        (model.__name__, getattr(row, "kind", ""))
        for model in models
        for row in model.objects.all()
    }
    assert {
        ("PageViewDay", "page"),
        ("PageViewDay", "link"),
        ("SearchTermDay", ""),
        ("Feedback", ""),
    } <= kinds
    assert stored >= 6


def test_a_search_term_keeps_only_the_words(site_pages):
    from feedback.models import SearchTermDay

    Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=AGENT).get("/sok/", {"q": "Hemtjänst"})
    summary.flush()
    row = SearchTermDay.objects.get()
    fields = {field.name for field in SearchTermDay._meta.concrete_fields}
    # Nothing but the term, the day and counts: no column could hold who searched.
    assert fields == {"id", "term", "date", "searches", "without_results", "results"}
    assert row.term == "hemtjänst"
