"""Review dates: default a year after publication, notices for visitors, the admin list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publishing.models import add_months
from tests.factories import InitiativeFactory, PageFactory, ResourceFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2025, 3, 15), 12, datetime.date(2026, 3, 15)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_review_date_defaults_to_a_year_after_publication():
    published = timezone.make_aware(datetime.datetime(2025, 5, 20, 10, 0))
    page = PageFactory(published_at=published)
    assert page.review_by == datetime.date(2026, 5, 20)


def test_drafts_get_their_review_date_when_published():
    page = PageFactory(draft=True)
    assert page.review_by is None
    page.publish_now()
    page.save()
    assert page.review_by == add_months(TODAY(), 12)


def test_an_editors_review_date_is_kept():
    page = PageFactory(review_by=datetime.date(2030, 1, 1))
    page.save()
    assert page.review_by == datetime.date(2030, 1, 1)


def test_overdue_page_shows_visitors_a_notice(client, site_pages):
    page = PageFactory(review_by=TODAY() - datetime.timedelta(days=1))
    fresh = PageFactory(review_by=TODAY())

    html = client.get(page.get_absolute_url()).content.decode()
    assert '<div class="notice notice--outdated" role="note">' in html
    assert "Informationen kan vara inaktuell" in html
    assert (
        "Informationen kan vara inaktuell"
        not in client.get(fresh.get_absolute_url()).content.decode()
    )


def test_overdue_initiative_shows_visitors_a_notice(client, site_pages):
    initiative = InitiativeFactory(review_by=TODAY() - datetime.timedelta(days=1))
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Informationen kan vara inaktuell" in html


def test_public_page_shows_last_reviewed_and_last_updated(client, site_pages):
    initiative = InitiativeFactory()
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Senast uppdaterad:" in html
    assert "Senast granskad" not in html

    initiative.mark_reviewed(at=timezone.make_aware(datetime.datetime(2026, 1, 15, 12, 0)))
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert 'Senast granskad: <time datetime="2026-01-15">15 januari 2026</time>' in html
    assert "Senast uppdaterad:" in html


def test_mark_reviewed_action_moves_the_next_review_and_records_who(editor_client, editor):
    page = PageFactory(review_by=TODAY() - datetime.timedelta(days=10))
    updated_before = page.updated_at

    editor_client.post(
        reverse("admin:portal_page_changelist"),
        {"action": "mark_reviewed", "_selected_action": [page.pk]},
    )

    page.refresh_from_db()
    assert page.reviewed_at is not None
    assert page.review_by == add_months(TODAY(), 12)
    assert page.updated_at == updated_before  # a review is not an update of the text
    version = Version.objects.get_for_object(page).first()
    assert version.revision.user == editor
    assert version.revision.get_comment() == "Markerad som granskad."


def test_review_list_spans_content_types_soonest_first_overdue_marked(editor_client):
    late_resource = ResourceFactory(
        title="Försenat stöd", review_by=TODAY() - datetime.timedelta(days=30)
    )
    soon_initiative = InitiativeFactory(
        title="Snart initiativ", review_by=TODAY() + datetime.timedelta(days=5)
    )
    later_page = PageFactory(title="Senare sida", review_by=TODAY() + datetime.timedelta(days=200))
    PageFactory(title="Utkast utan granskning", draft=True)

    response = editor_client.get(reverse("admin_review_list"))

    assert response.status_code == 200
    titles = [str(row["obj"]) for row in response.context["rows"]]
    # The eight categories' texts follow, due a year after the migration published them.
    assert titles[:3] == ["Försenat stöd", "Snart initiativ", "Senare sida"]
    assert len(titles) == 3 + 8
    assert [row["overdue"] for row in response.context["rows"]][:4] == [True, False, False, False]
    html = response.content.decode()
    assert '<tr class="overdue">' in html
    assert "(försenad)" in html
    assert response.context["overdue_count"] == 1

    only_overdue = editor_client.get(reverse("admin_review_list"), {"forsenade": "1"})
    assert [str(row["obj"]) for row in only_overdue.context["rows"]] == ["Försenat stöd"]
    assert soon_initiative and later_page and late_resource


def test_review_list_marks_reviewed_from_the_list(editor_client):
    resource = ResourceFactory(review_by=TODAY() - datetime.timedelta(days=30))

    response = editor_client.post(
        reverse("admin_review_list"), {"model": "resources.resource", "pk": str(resource.pk)}
    )

    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.review_by == add_months(TODAY(), 12)
    assert (
        editor_client.post(
            reverse("admin_review_list"), {"model": "auth.user", "pk": "1"}
        ).status_code
        == 404
    )


def test_admin_start_page_links_to_the_review_list_and_broken_links(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin_review_list")}"' in html
    assert "?lankstatus=trasig" in html
    assert "Ändringslogg" not in html  # the change log is for administrators
