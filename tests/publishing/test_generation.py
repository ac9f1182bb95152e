"""Values remembered per content generation: computed once, never stale after a change."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from initiatives.models import Initiative
from publishing import generation
from publishing.facets import MAX_MEMO_KEY
from publishing.models import PublishableQuerySet
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_value_is_computed_once_per_generation():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert generation.remember("test-value", compute) == 1
    assert generation.remember("test-value", compute) == 1
    InitiativeFactory()  # any content save starts a new generation
    assert generation.remember("test-value", compute) == 2


def test_the_generation_is_read_from_the_shared_cache_at_most_once_a_recheck(settings):
    """Another process's change (only the shared cache knows) shows here after at most
    GENERATION_RECHECK_SECONDS; this process's own change at once."""
    from django.core.cache import cache

    settings.GENERATION_RECHECK_SECONDS = 60
    first = generation.current()
    with mock.patch.object(cache, "get", side_effect=AssertionError("asked again")):
        assert generation.current() == first  # trusted: no read of the shared cache
    cache.set(generation.KEY, 12345, None)  # another process starts a generation
    assert generation.current() == first
    settings.GENERATION_RECHECK_SECONDS = 0
    assert generation.current() == "12345"
    settings.GENERATION_RECHECK_SECONDS = 60
    generation.bump()  # this process's own change
    assert generation.current() not in {first, "12345"}


def test_a_read_that_began_before_this_process_changed_content_is_not_trusted(settings):
    settings.GENERATION_RECHECK_SECONDS = 60
    before = generation.changes()
    old = generation.current()  # a request's read, racing with a save in another thread
    generation.bump()
    generation.saw(old, before)  # the racing read reports what it found, after the save
    assert generation.trusted() is None
    assert generation.current() != old


def test_a_scheduled_publication_ends_a_remembered_value():
    appears = timezone.now() + datetime.timedelta(hours=2)
    InitiativeFactory(published_at=appears)

    def live():
        return Initiative.objects.published().count()

    assert generation.remember("test-live", live) == 0
    with mock.patch("django.utils.timezone.now", return_value=appears):
        assert generation.remember("test-live", live) == 1


HOURS_2 = datetime.timedelta(hours=2)


def test_published_builds_its_filter_once_per_generation_and_follows_the_clock(monkeypatch):
    appears = timezone.now() + datetime.timedelta(hours=2)
    live = InitiativeFactory(title="Redan publicerat")
    scheduled = InitiativeFactory(published_at=appears, unpublish_at=appears + HOURS_2)
    built = []
    original = PublishableQuerySet.published

    def counted(self, at=None):
        built.append(at)
        return original(self, at)

    monkeypatch.setattr(PublishableQuerySet, "published", counted)
    assert list(Initiative.objects.published()) == [live]
    assert list(Initiative.objects.published().filter(title__startswith="Redan")) == [live]
    assert len(built) == 1  # the second call copied the remembered queryset

    with mock.patch("django.utils.timezone.now", return_value=appears):
        assert set(Initiative.objects.published()) == {live, scheduled}
    with mock.patch("django.utils.timezone.now", return_value=appears + HOURS_2):
        assert list(Initiative.objects.published()) == [live]
    assert len(built) == 3

    live.title = "Ändrat"
    live.save()  # a new generation
    assert [i.title for i in Initiative.objects.published()] == ["Ändrat"]
    assert len(built) == 4


def test_published_at_a_given_moment_is_built_each_time():
    scheduled = InitiativeFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    later = timezone.now() + datetime.timedelta(hours=2)
    assert list(Initiative.objects.published(at=later)) == [scheduled]
    assert list(Initiative.objects.published()) == []


def test_an_item_that_appears_while_a_value_is_computed_ends_it():
    """The next change is looked for from before compute() ran, not after."""
    start = timezone.now()
    appears = start + datetime.timedelta(seconds=1)
    InitiativeFactory(published_at=appears)
    clock = iter([start, appears, appears, appears, appears])

    def live():
        return Initiative.objects.published(at=appears).count()  # computed after it appeared

    with mock.patch("django.utils.timezone.now", side_effect=lambda: next(clock)):
        assert generation.remember("test-appearing", live) == 1
    # Without the fix the value would stay until the next content change.
    assert generation._memo["test-appearing"][1] <= appears.timestamp()


def test_the_start_page_counts_content_saved_a_moment_ago():
    client = Client()
    InitiativeFactory(title="Första initiativet")
    first = client.get("/").content.decode()
    InitiativeFactory(title="Andra initiativet")

    with CaptureQueriesContext(connection) as unchanged:
        again = client.get("/")
    assert "Andra initiativet" in again.content.decode()
    assert "Andra initiativet" not in first
    # Only one save in between: the new generation reads once, then is remembered.
    assert len(unchanged) > 0
    with CaptureQueriesContext(connection) as remembered:
        client.get("/")
    assert len(remembered) < len(unchanged)


def test_filter_counts_are_remembered_and_follow_changes():
    InitiativeFactory(phase=Initiative.Phase.PILOT)
    client = Client()
    client.get("/ai-initiativ/?fas=test")
    with CaptureQueriesContext(connection) as remembered:
        response = client.get("/ai-initiativ/?fas=test")
    assert 'value="test" checked' in response.content.decode()
    assert not any("GROUP BY" in query["sql"] for query in remembered.captured_queries)

    InitiativeFactory(phase=Initiative.Phase.PILOT)
    html = client.get("/ai-initiativ/?fas=test").content.decode()
    assert "2 initiativ som matchar filtren" in html


def test_a_crafted_list_of_choices_is_not_kept_in_memory():
    client = Client()
    long_values = "&".join(f"amne={'x' * 150}{n}" for n in range(5))
    assert len(long_values) > MAX_MEMO_KEY
    before = set(generation._memo)
    assert client.get(f"/ai-initiativ/?{long_values}").status_code == 200
    kept = set(generation._memo) - before
    assert not any(key.startswith("facets:") for key in kept)


def test_many_searches_keep_the_memory_of_remembered_values_bounded(monkeypatch):
    # A crawler asking a new question each time: each answer is remembered, but together
    # they never take more than the budget, and the newest are the ones kept.
    monkeypatch.setattr(generation, "MEMO_BYTES", 64 * 1024)
    for n in range(100):
        generation.remember(f"test-search:{n}", lambda n=n: [f"träff {n} " * 100] * 3)
    kept = [name for name in generation._memo if name.startswith("test-search:")]
    assert generation._memo_bytes <= 64 * 1024
    assert generation._memo_bytes == sum(entry[3] for entry in generation._memo.values())
    assert "test-search:99" in kept and "test-search:0" not in kept
    assert 10 < len(kept) < 100


def test_a_value_too_large_for_the_budget_is_computed_every_time(monkeypatch):
    monkeypatch.setattr(generation, "MEMO_BYTES", 64 * 1024)
    calls = []

    def compute():
        calls.append(1)
        return "x" * (64 * 1024 // 8 + 1)

    generation.remember("test-large", compute)
    generation.remember("test-large", compute)
    assert len(calls) == 2
    assert "test-large" not in generation._memo


def test_the_size_of_a_remembered_value_counts_what_it_holds():
    page = Initiative(title="Ett initiativ " * 10, ingress="Sammanfattning " * 200)
    text_alone = generation.size_of(page.title) + generation.size_of(page.ingress)
    assert generation.size_of([page]) > text_alone
    assert generation.size_of({"a": [page], "b": (page,)}) < 2 * generation.size_of([page])


def test_a_fragment_is_rendered_once_per_generation_and_never_in_a_preview():
    template = Template(
        '{% load remembered %}{% remembered "test-fragment" n %}{{ value }}{% endremembered %}'
    )
    request = RequestFactory().get("/")
    request.is_preview = False

    def render(value, preview=False):
        request.is_preview = preview
        return template.render(Context({"request": request, "n": 1, "value": value}))

    assert render("först") == "först"
    assert render("sedan") == "först"  # the same generation and key: remembered
    assert render("förhandsvisning", preview=True) == "förhandsvisning"
    ResourceFactory()
    assert render("sedan") == "sedan"
