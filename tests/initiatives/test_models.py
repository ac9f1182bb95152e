import pytest
from django.utils import timezone

from initiatives.models import Initiative
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_future_and_expired():
    now = timezone.now()
    live = InitiativeFactory()
    InitiativeFactory(draft=True)
    InitiativeFactory(published_at=now + timezone.timedelta(hours=1))
    InitiativeFactory(unpublish_at=now - timezone.timedelta(minutes=1))

    assert list(Initiative.objects.published()) == [live]


def test_scheduled_initiative_appears_and_disappears_on_time():
    now = timezone.now()
    scheduled = InitiativeFactory(
        published_at=now + timezone.timedelta(days=1),
        unpublish_at=now + timezone.timedelta(days=2),
    )

    assert scheduled not in Initiative.objects.published(at=now)
    assert scheduled in Initiative.objects.published(at=now + timezone.timedelta(days=1, hours=1))
    assert scheduled not in Initiative.objects.published(at=now + timezone.timedelta(days=3))


def test_is_live_agrees_with_published_queryset():
    now = timezone.now()
    items = [
        InitiativeFactory(),
        InitiativeFactory(draft=True),
        InitiativeFactory(published_at=now + timezone.timedelta(hours=1)),
        InitiativeFactory(unpublish_at=now - timezone.timedelta(minutes=1)),
    ]
    published = set(Initiative.objects.published())
    for item in items:
        assert item.is_live == (item in published)


def test_for_area_and_in_phase():
    elderly = InitiativeFactory(area=Initiative.Area.ELDERLY_CARE, phase=Initiative.Phase.PILOT)
    InitiativeFactory(area=Initiative.Area.FINANCIAL_SUPPORT, phase=Initiative.Phase.ENDED)

    assert list(Initiative.objects.for_area(Initiative.Area.ELDERLY_CARE)) == [elderly]
    assert list(Initiative.objects.in_phase(Initiative.Phase.PILOT)) == [elderly]


def test_sections_skip_empty_fields_and_render_markdown():
    initiative = InitiativeFactory(goals="Att **spara tid**.", technology="", lessons_learned="")

    sections = initiative.sections()

    assert [anchor for anchor, _, _ in sections] == ["goals"]
    assert "<strong>spara tid</strong>" in sections[0][2]


def test_related_prefers_shared_tags_and_skips_drafts():
    initiative = InitiativeFactory(tags=["språkmodell", "dokumentation"])
    two_shared = InitiativeFactory(
        area=Initiative.Area.DISABILITY, tags=["språkmodell", "dokumentation"]
    )
    one_shared = InitiativeFactory(area=Initiative.Area.DISABILITY, tags=["språkmodell"])
    InitiativeFactory(tags=["språkmodell", "dokumentation"], draft=True)
    InitiativeFactory(area=Initiative.Area.DISABILITY, tags=["annat"])

    assert list(initiative.related()) == [two_shared, one_shared]


def test_phase_knows_whether_it_is_ongoing():
    assert Initiative.Phase.PILOT.is_ongoing
    assert not Initiative.Phase.ENDED.is_ongoing
