"""Feedback meets history: each answer records the version of the page it was given on,
and the content's history page counts Ja and Nej per version."""

import re

import pytest
import reversion
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from feedback.models import Feedback
from resources.models import Category
from tests.factories import InitiativeFactory, MunicipalityFactory, PageFactory

pytestmark = pytest.mark.django_db

ANSWER = reverse("feedback:answer")


def save_version(obj, comment="Sparad i testet."):
    with reversion.create_revision():
        obj.save()
        reversion.set_comment(comment)
    return Version.objects.get_for_object(obj).order_by("-pk").first().pk


def answer(path, helpful, *, visitor=1):
    """A visitor's plain form POST; each visitor has an address of their own (spam limits)."""
    client = Client(REMOTE_ADDR=f"198.51.100.{visitor}")
    response = client.post(ANSWER, {"page": path, "helpful": "ja" if helpful else "nej"})
    assert response.status_code == 303, response.content.decode()[:500]
    return Feedback.objects.order_by("-pk").first()


def initiative_form(initiative, **changes):
    """What the admin's change form sends back for `initiative`, with `changes` applied."""
    phase_changes = list(initiative.phase_changes.all())
    data = {
        "title": initiative.title,
        "slug": initiative.slug,
        "municipality": initiative.municipality_id,
        "ingress": initiative.ingress,
        "body": initiative.body,
        "tags": ", ".join(initiative.tags.names()),
        "area": initiative.area,
        "phase": initiative.phase,
        "technique": initiative.technique,
        "impact_assessment": initiative.impact_assessment,
        "sourcing": initiative.sourcing,
        "lessons_learned": initiative.lessons_learned,
        "status": initiative.status,
        "published_at_0": timezone.localtime(initiative.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(initiative.published_at).strftime("%H:%M:%S"),
        "review_by": initiative.review_by.isoformat() if initiative.review_by else "",
        "phase_changes-TOTAL_FORMS": str(len(phase_changes)),
        "phase_changes-INITIAL_FORMS": str(len(phase_changes)),
        "phase_changes-MIN_NUM_FORMS": "0",
        "phase_changes-MAX_NUM_FORMS": "1000",
    }
    for i, change in enumerate(phase_changes):
        data |= {
            f"phase_changes-{i}-id": change.pk,
            f"phase_changes-{i}-initiative": initiative.pk,
            f"phase_changes-{i}-phase": change.phase,
            f"phase_changes-{i}-changed_on": change.changed_on.isoformat(),
            f"phase_changes-{i}-note": change.note,
        }
    return data | changes


def history_counts(client, model_admin_name, obj):
    """The history table's "N ja / M nej" cells, newest version first."""
    response = client.get(reverse(f"admin:{model_admin_name}_history", args=[obj.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="col">Hjälpte informationen? (ja / nej)</th>' in html
    return [(int(y), int(n)) for y, n in re.findall(r"<td>(\d+) ja / (\d+) nej</td>", html)]


def test_an_answer_on_an_initiative_stores_its_latest_version(site_pages):
    initiative = InitiativeFactory()
    save_version(initiative, "Första")
    initiative.title = "Ny rubrik"
    latest = save_version(initiative, "Andra")

    feedback = answer(initiative.get_absolute_url(), False)

    assert feedback.version_id == latest


def test_after_an_editor_saves_in_the_admin_new_answers_get_the_new_version(
    editor_client,
    editor,
    site_pages,
):
    initiative = InitiativeFactory(title="Före ändringen", tags=["etik"])
    before = save_version(initiative)
    first = answer(initiative.get_absolute_url(), False, visitor=1)

    response = editor_client.post(
        reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
        initiative_form(initiative, ingress="En tydligare sammanfattning."),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    after = Version.objects.get_for_object(initiative).order_by("-pk").first()
    assert after.pk != before and after.revision.user == editor
    second = answer(initiative.get_absolute_url(), True, visitor=2)
    assert second.version_id == after.pk
    first.refresh_from_db()
    assert first.version_id == before  # an answer keeps the version it was given on


def test_history_counts_ja_and_nej_per_version_for_editors_and_analysts(
    client,
    editor_client,
    analyst,
    site_pages,
):
    initiative = InitiativeFactory()
    first = save_version(initiative)
    for visitor, helpful in enumerate([True, False, False, False], start=1):
        answer(initiative.get_absolute_url(), helpful, visitor=visitor)
    initiative.ingress = "Omskriven efter svaren."
    second = save_version(initiative)
    for visitor, helpful in enumerate([True, True, True, False], start=11):
        answer(initiative.get_absolute_url(), helpful, visitor=visitor)
    # Answers on another initiative, or without a version, are not counted here.
    other = InitiativeFactory()
    save_version(other)
    answer(other.get_absolute_url(), False, visitor=30)
    Feedback.objects.create(page=initiative.get_absolute_url(), helpful=False)

    assert Feedback.objects.counts_per_version([first, second]) == {first: (1, 3), second: (3, 1)}
    assert history_counts(editor_client, "initiatives_initiative", initiative) == [(3, 1), (1, 3)]
    client.force_login(analyst)
    assert history_counts(client, "initiatives_initiative", initiative) == [(3, 1), (1, 3)]
    # Analysts read the history; they cannot bring an old version back.
    revision = reverse("admin:initiatives_initiative_revision", args=[initiative.pk, first])
    assert client.get(revision).status_code == 200
    assert client.post(revision, initiative_form(initiative)).status_code == 403
    restore = reverse("admin:initiatives_initiative_restore", args=[initiative.pk, first])
    assert client.post(restore).status_code == 403
    initiative.refresh_from_db()
    assert initiative.ingress == "Omskriven efter svaren."


@pytest.mark.parametrize("kind", ["page", "category"])
def test_pages_and_categories_show_counts_per_version_too(
    client,
    editor_client,
    analyst,
    site_pages,
    kind,
):
    if kind == "page":
        obj, admin_name = PageFactory(slug="om-ai"), "portal_page"
    else:
        obj, admin_name = Category.objects.get(slug="etik"), "resources_category"
    old = save_version(obj)
    answer(obj.get_absolute_url(), False, visitor=1)
    answer(obj.get_absolute_url(), False, visitor=2)
    new = save_version(obj)
    answer(obj.get_absolute_url(), True, visitor=3)

    assert [f.version_id for f in Feedback.objects.order_by("pk")] == [old, old, new]
    assert history_counts(editor_client, admin_name, obj) == [(1, 0), (0, 2)]
    client.force_login(analyst)
    assert history_counts(client, admin_name, obj) == [(1, 0), (0, 2)]


def test_versions_without_answers_show_zero_and_content_without_a_page_has_no_column(
    editor_client,
):
    initiative = InitiativeFactory()
    save_version(initiative)
    assert history_counts(editor_client, "initiatives_initiative", initiative) == [(0, 0)]

    municipality = MunicipalityFactory()  # has no public page, so no answers
    save_version(municipality)
    html = editor_client.get(
        reverse("admin:initiatives_municipality_history", args=[municipality.pk])
    ).content.decode()
    assert "Hjälpte informationen?" not in html


@pytest.mark.parametrize(
    "path",
    ["/", "/amnen/etik/", "/ai-initiativ/", "/404", "unversioned-initiative"],
)
def test_an_answer_on_a_page_without_versioned_content_stores_none(site_pages, path):
    unversioned = InitiativeFactory(tags=["etik"])  # made outside any revision
    if path == "unversioned-initiative":
        path = unversioned.get_absolute_url()

    feedback = answer(path, True)

    assert feedback.page == path
    assert feedback.version_id is None


def version_queries(queries):
    return [q["sql"] for q in queries if "reversion_version" in q["sql"]]


def test_the_version_costs_one_query_and_dropped_answers_none(site_pages):
    initiative = InitiativeFactory()
    save_version(initiative)
    visitor = Client(REMOTE_ADDR="198.51.100.1")
    path = initiative.get_absolute_url()

    with CaptureQueriesContext(connection) as stored:
        visitor.post(ANSWER, {"page": path, "helpful": "ja"})
    # The same answer again from the same visitor is dropped before any lookup.
    with CaptureQueriesContext(connection) as dropped:
        visitor.post(ANSWER, {"page": path, "helpful": "ja"})

    assert Feedback.objects.count() == 1
    assert len(version_queries(stored.captured_queries)) == 1
    assert version_queries(dropped.captured_queries) == []


def test_feedback_admin_shows_the_version_read_only_with_a_link_to_the_history(
    client, analyst, site_pages
):
    initiative = InitiativeFactory(title="Schemaplanering")
    version_id = save_version(initiative)
    with_version = answer(initiative.get_absolute_url(), False)
    without_version = answer("/", True, visitor=2)
    gone = Feedback.objects.create(page="/gammal/", helpful=True, version_id=version_id + 999)
    client.force_login(analyst)

    def change_view(feedback):
        url = reverse("admin:feedback_feedback_change", args=[feedback.pk])
        return client.get(url).content.decode()

    html = change_view(with_version)
    history = reverse("admin:initiatives_initiative_history", args=[initiative.pk])
    assert f"{version_id}: ”Schemaplanering”, sparad" in html
    assert f'<a href="{history}">visa historiken</a>' in html
    assert 'name="version_id"' not in html  # shown, never editable
    assert client.get(history).status_code == 200
    assert "sidan har ingen versionshistorik" in change_view(without_version)
    assert f"{version_id + 999} (versionen finns inte längre)" in change_view(gone)

    client.post(
        reverse("admin:feedback_feedback_change", args=[with_version.pk]),
        {"status": Feedback.Status.HANDLED, "version_id": "1"},
    )
    with_version.refresh_from_db()
    assert with_version.status == Feedback.Status.HANDLED
    assert with_version.version_id == version_id


def test_feedback_recorded_by_hand_has_no_version_field_to_fill(client, superuser):
    client.force_login(superuser)
    add = reverse("admin:feedback_feedback_add")

    html = client.get(add).content.decode()

    assert 'name="page"' in html
    assert "field-version" not in html and "versionshistorik" not in html
    response = client.post(add, {"page": "/", "helpful": "True", "status": "new"})
    assert response.status_code == 302
    assert Feedback.objects.get().version_id is None
