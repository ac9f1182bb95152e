"""Analysts read, filter, mark and export feedback; editors cannot export; nobody edits feedback."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback, PageViewDay
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:feedback_feedback_changelist")
EXPORT = reverse("admin:feedback_feedback_export")
SUMMARY = reverse("admin:feedback_feedback_summary")


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_analyst_group_reads_marks_and_exports_feedback_and_only_reads_content():
    group = Group.objects.get(name="Analytiker")
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert perms == {
        "feedback.view_feedback",
        "feedback.change_feedback",
        "feedback.export_feedback",
        "feedback.view_pageviewday",
        "feedback.view_searchtermday",  # what visitors search for (migration 0005)
        # To read the content's history with answers per version: every content type
        # that counts answers per version, and the parts edited with it (feedback/roles.py).
        "portal.view_page",
        "portal.view_question",
        "initiatives.view_initiative",
        "initiatives.view_initiativephasechange",
        "initiatives.view_municipality",
        "resources.view_category",
        "notices.view_notice",  # the tests' throwaway content type (tests/notices)
    }


def test_analyst_can_export_and_see_the_summary(client, analyst):
    Feedback.objects.create(page="/", helpful=True)
    client.force_login(analyst)

    assert client.get(CHANGELIST).status_code == 200
    export = client.get(EXPORT)
    assert export.status_code == 200
    assert b"".join(export.streaming_content).startswith("\ufeffId;".encode())
    assert client.get(SUMMARY).status_code == 200
    assert client.get(SUMMARY, {"format": "csv"}).status_code == 200
    # ...and edits no content: it may only read what visitors answer about.
    initiative = InitiativeFactory(title="Före")
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    assert client.get(reverse("admin:portal_page_add")).status_code == 403
    assert client.get(reverse("admin:initiatives_initiative_add")).status_code == 403
    assert client.get(reverse("admin:resources_resource_changelist")).status_code == 403
    assert client.get(reverse("admin:initiatives_initiative_changelist")).status_code == 200
    assert 'name="_save"' not in client.get(change).content.decode()
    assert client.post(change, {"title": "Efter"}).status_code == 403
    initiative.refresh_from_db()
    assert initiative.title == "Före"


def test_editor_with_content_permissions_cannot_export(client, editor):
    # Even an editor someone let read feedback may not export it.
    editor.user_permissions.add(Permission.objects.get(codename="view_feedback"))
    client.force_login(editor)
    assert client.get(reverse("admin:portal_page_add")).status_code == 200  # a real editor
    assert client.get(EXPORT).status_code == 403
    assert client.get(SUMMARY, {"format": "csv"}).status_code == 403
    assert client.get(SUMMARY).status_code == 403  # no statistics permission either
    changelist = client.get(CHANGELIST)
    assert changelist.status_code == 200
    assert "Exportera urvalet som CSV" not in changelist.content.decode()


def test_anonymous_users_are_sent_to_log_in(client):
    for url in (EXPORT, SUMMARY, CHANGELIST):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_feedback_cannot_be_edited_only_its_status(client, analyst):
    feedback = Feedback.objects.create(page="/", helpful=True, comment="Originalet")
    client.force_login(analyst)
    url = reverse("admin:feedback_feedback_change", args=[feedback.pk])

    page = client.get(url).content.decode()
    assert 'name="comment"' not in page
    assert 'name="status"' in page

    response = client.post(
        url, {"page": "/annat/", "helpful": "False", "comment": "Ändrat", "status": "handled"}
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.page, feedback.helpful, feedback.comment) == ("/", True, "Originalet")
    assert feedback.status == Feedback.Status.HANDLED
    assert client.get(reverse("admin:feedback_feedback_add")).status_code == 403


def test_bulk_actions_mark_handled_and_not_actionable(client, analyst):
    a = Feedback.objects.create(page="/", helpful=True)
    b = Feedback.objects.create(page="/", helpful=False)
    client.force_login(analyst)

    client.post(CHANGELIST, {"action": "mark_handled", "_selected_action": [a.pk]})
    client.post(CHANGELIST, {"action": "mark_not_actionable", "_selected_action": [b.pk]})

    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == Feedback.Status.HANDLED
    assert b.status == Feedback.Status.NOT_ACTIONABLE


def listed(client, **params):
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return sorted(obj.comment for obj in response.context["cl"].result_list)


def test_changelist_filters_and_search(client, analyst):
    Feedback.objects.create(
        page="/", helpful=True, comment="", created_at=at(datetime.date(2024, 1, 1))
    )
    Feedback.objects.create(
        page="/", helpful=False, comment="Saknar exempel", created_at=at(datetime.date(2024, 1, 15))
    )
    Feedback.objects.create(
        page="/ai-initiativ/",
        helpful=False,
        comment="Ring 070-123 45 67",
        created_at=at(datetime.date(2024, 2, 1)),
    )
    client.force_login(analyst)

    assert listed(client, fran="2024-01-10", till="2024-01-31") == ["Saknar exempel"]
    assert listed(client, fran="2024-01-15") == ["Ring [telefonnummer]", "Saknar exempel"]
    assert listed(client, sida="/ai-initiativ/") == ["Ring [telefonnummer]"]
    assert listed(client, helpful__exact="1") == [""]
    assert listed(client, kommentar="ja") == ["Ring [telefonnummer]", "Saknar exempel"]
    assert listed(client, kommentar="nej") == [""]
    assert listed(client, redacted__exact="1") == ["Ring [telefonnummer]"]
    assert listed(client, status__exact="new") == ["", "Ring [telefonnummer]", "Saknar exempel"]
    assert listed(client, q="exempel") == ["Saknar exempel"]

    page = client.get(CHANGELIST, {"fran": "2024-01-10", "sida": "/"}).content.decode()
    assert f"{EXPORT}?fran=2024-01-10&amp;sida=%2F" in page
    assert "Sammanställning per sida" in page


@pytest.fixture
def statistics():
    today = timezone.localdate()
    PageViewDay.objects.create(key="/", date=today, views=30, unique_views=20)
    PageViewDay.objects.create(
        key="/", date=today - datetime.timedelta(days=1), views=10, unique_views=5
    )
    PageViewDay.objects.create(key="/ai-initiativ/", date=today, views=8, unique_views=4)
    PageViewDay.objects.create(
        key="/gammal/", date=today - datetime.timedelta(days=60), views=99, unique_views=99
    )
    PageViewDay.objects.create(
        kind="film", key="webbinarium-del-1", date=today, views=5, unique_views=3
    )
    for helpful, comment in [(True, ""), (True, "Bra"), (False, "Saknar")]:
        Feedback.objects.create(page="/", helpful=helpful, comment=comment)
    Feedback.objects.create(page="/stod-och-verktyg/", helpful=False)
    return today


def test_summary_counts_per_page_for_the_last_30_days(client, analyst, statistics):
    client.force_login(analyst)
    response = client.get(SUMMARY)

    rows = {row.page: row for row in response.context["rows"]}
    assert set(rows) == {"/", "/ai-initiativ/", "/stod-och-verktyg/"}  # /gammal/ is too old
    start = rows["/"]
    assert (start.views, start.unique, start.yes, start.no, start.comments) == (40, 25, 2, 1, 2)
    assert start.share == 66.7
    assert rows["/ai-initiativ/"].share is None
    assert rows["/stod-och-verktyg/"].share == 0
    body = response.content.decode()
    assert "<svg" in body and '<title id="diagram-unika-title">' in body
    assert "<desc" in body and "<table" in body
    # SVG coordinates are plain numbers, never Swedish decimal commas.
    bars = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)"', body)
    assert bars
    assert all(re.fullmatch(r"[\d.]+", value) for bar in bars for value in bar)
    assert "webbinarium-del-1" in body  # film plays


def test_summary_period_and_sorting(client, analyst, statistics):
    client.force_login(analyst)
    old = statistics - datetime.timedelta(days=60)
    response = client.get(SUMMARY, {"fran": old.isoformat(), "till": old.isoformat()})
    assert [row.page for row in response.context["rows"]] == ["/gammal/"]

    def pages(sort):
        return [row.page for row in client.get(SUMMARY, {"sort": sort}).context["rows"]]

    assert pages("-views") == ["/", "/ai-initiativ/", "/stod-och-verktyg/"]
    assert pages("views") == ["/stod-och-verktyg/", "/ai-initiativ/", "/"]
    assert pages("-no") == ["/", "/stod-och-verktyg/", "/ai-initiativ/"]
    assert pages("page") == ["/", "/ai-initiativ/", "/stod-och-verktyg/"]
    assert pages("share")[-1] == "/ai-initiativ/"  # no answers: last either way
    assert pages("-share")[-1] == "/ai-initiativ/"
    assert pages("hittepå") == pages("-unique")

    bad = client.get(SUMMARY, {"fran": "2024-02-01", "till": "2024-01-01"})
    assert bad.status_code == 200
    assert "Från-datumet måste vara samma dag som eller före till-datumet." in bad.content.decode()


def test_summary_csv(client, analyst, statistics):
    client.force_login(analyst)
    response = client.get(SUMMARY, {"format": "csv", "sort": "page"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == [
        "Sida",
        "Visningar",
        "Unika besökare",
        "Ja",
        "Nej",
        "Andel Ja (%)",
        "Kommentarer",
        # Added after the columns spreadsheets already use.
        "Rubrik",
        "Avsnitt",
        "Visningar föregående period",
        "Andel Ja (%) föregående period",
    ]
    assert rows[1] == ["/", "40", "25", "2", "1", "66,7", "2", "Startsidan", "Övrigt", "0", ""]


@pytest.mark.parametrize("pages", [3, 40])
def test_summary_queries_do_not_grow_with_the_number_of_pages(
    client, analyst, django_assert_max_num_queries, pages
):
    today = timezone.localdate()
    PageViewDay.objects.bulk_create(
        [
            PageViewDay(key=f"/sida-{i}/", date=today, views=i + 1, unique_views=1)
            for i in range(pages)
        ]
    )
    Feedback.objects.bulk_create(
        [Feedback(page=f"/sida-{i}/", helpful=bool(i % 2), comment="x") for i in range(pages)]
    )
    client.force_login(analyst)
    # The session and user, then the pages (this period and the one before), answers per
    # version, the content's titles, the search terms and the clicks: a fixed number.
    with django_assert_max_num_queries(16):
        response = client.get(SUMMARY)
    assert len(response.context["rows"]) == pages
