"""Initiative status over time: phase changes are logged and shown as a dated list."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative, InitiativePhaseChange
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db
Phase = Initiative.Phase


def test_new_initiative_starts_its_log_on_its_publication_date():
    published = timezone.make_aware(datetime.datetime(2024, 9, 1, 12, 0))
    initiative = InitiativeFactory(phase=Phase.PILOT, published_at=published)
    assert [(c.phase, c.changed_on) for c in initiative.phase_log()] == [
        (Phase.PILOT, datetime.date(2024, 9, 1))
    ]


def test_a_phase_change_is_recorded_on_the_day_it_is_saved():
    initiative = InitiativeFactory(phase=Phase.PILOT)
    day = timezone.now() + datetime.timedelta(days=30)

    with mock.patch("django.utils.timezone.now", return_value=day):
        initiative.phase = Phase.ENDED
        initiative.save()
        initiative.title = "Bara rubriken ändrad"
        initiative.save()

    log = initiative.phase_log()
    assert [c.phase for c in log] == [Phase.ENDED, Phase.PILOT]
    assert log[0].changed_on == timezone.localdate(day)


def test_public_page_shows_status_over_time_newest_first(client, site_pages):
    initiative = InitiativeFactory(phase=Phase.PILOT)
    InitiativePhaseChange.objects.filter(initiative=initiative).update(
        changed_on=datetime.date(2024, 1, 10)
    )
    initiative.phase = Phase.ENDED
    initiative.save()
    change = initiative.phase_changes.get(phase=Phase.ENDED)
    change.changed_on = datetime.date(2025, 6, 1)
    change.note = "Piloten avbröts efter utvärderingen."
    change.save()

    html = client.get(initiative.get_absolute_url()).content.decode()

    facts = html[html.index('<aside class="facts"') : html.index("</aside>")]
    assert '<dt id="status-over-tid">Status över tid</dt>' in facts
    ended = facts.index("1 juni 2025</time>: Avslutad – Piloten avbröts efter utvärderingen.")
    started = facts.index("10 januari 2024</time>: Test/pilot")
    assert ended < started


def test_a_single_phase_shows_its_date_in_the_fact_box(client, site_pages):
    published = timezone.make_aware(datetime.datetime(2024, 9, 1, 12, 0))
    initiative = InitiativeFactory(phase=Phase.PILOT, published_at=published)
    html = client.get(initiative.get_absolute_url()).content.decode()
    facts = html[html.index('<aside class="facts"') : html.index("</aside>")]

    assert '<time datetime="2024-09-01">1 september 2024</time>: Test/pilot' in facts
    # Written on publication, the entry does not claim the phase began that day.
    assert "Test/pilot (fasen när initiativet publicerades här)" in facts


def test_a_corrected_first_date_is_shown_as_the_start_of_the_phase(client, site_pages):
    published = timezone.make_aware(datetime.datetime(2024, 9, 1, 12, 0))
    initiative = InitiativeFactory(phase=Phase.PILOT, published_at=published)
    initiative.phase_changes.update(changed_on=datetime.date(2023, 5, 2))
    html = client.get(initiative.get_absolute_url()).content.decode()

    assert "2 maj 2023</time>: Test/pilot</li>" in html
    assert "publicerades här" not in html


@pytest.mark.usefixtures("without_four_eyes")
def test_admin_change_records_the_phase_and_inline_corrects_dates(editor_client):
    initiative = InitiativeFactory(phase=Phase.PILOT)
    initial = initiative.phase_changes.get()
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    form = editor_client.get(url)
    assert "Status över tid" in form.content.decode()

    data = {
        "title": initiative.title,
        "slug": initiative.slug,
        "municipality": initiative.municipality_id,
        "ingress": initiative.ingress,
        "area": initiative.area,
        "phase": Phase.IN_PRODUCTION,
        "technique": initiative.technique,
        "impact_assessment": initiative.impact_assessment,
        "sourcing": initiative.sourcing,
        "lessons_learned": initiative.lessons_learned,
        "status": "published",
        "published_at_0": timezone.localtime(initiative.published_at).strftime("%Y-%m-%d"),
        "published_at_1": "08:00:00",
        "review_by": initiative.review_by.isoformat(),
        "phase_changes-TOTAL_FORMS": "1",
        "phase_changes-INITIAL_FORMS": "1",
        "phase_changes-MIN_NUM_FORMS": "0",
        "phase_changes-MAX_NUM_FORMS": "1000",
        "phase_changes-0-id": initial.pk,
        "phase_changes-0-initiative": initiative.pk,
        "phase_changes-0-phase": Phase.PILOT,
        "phase_changes-0-changed_on": "2023-02-01",
        "phase_changes-0-note": "",
    }
    response = editor_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    log = initiative.phase_log()
    assert [c.phase for c in log] == [Phase.IN_PRODUCTION, Phase.PILOT]
    assert log[1].changed_on == datetime.date(2023, 2, 1)
