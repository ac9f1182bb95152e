"""The summary as analysts read it: titles and sections, what stands out, weeks and periods."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import summary
from feedback.models import Feedback, PageViewDay
from tests.factories import CategoryFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

SUMMARY = reverse("admin:feedback_feedback_summary")
TREND = reverse("admin:feedback_feedback_trend")


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def answers(page, day, yes, no, *, version_id=None, comment=""):
    for helpful, count in ((True, yes), (False, no)):
        for _ in range(count):
            Feedback.objects.create(
                page=page,
                helpful=helpful,
                created_at=at(day),
                version_id=version_id,
                comment=comment,
            )


def test_pages_are_named_by_title_and_grouped_by_section(site_pages, client, analyst):
    today = timezone.localdate()
    initiative = InitiativeFactory(title="Kalmar testar schemaläggning", tags=["hemtjänst"])
    category = CategoryFactory(slug="etik-test", name="Etik test")
    pages = {
        initiative.get_absolute_url(): 50,
        category.get_absolute_url(): 40,
        "/amnen/hemtjanst/": 30,
        "/": 20,
        "/sok/": 10,
        "/ai-initiativ/": 5,
        "/introduktion-till-ai/": 3,
        "/borttagen-sida/": 1,
    }
    for page, views in pages.items():
        PageViewDay.objects.create(key=page, date=today, views=views, unique_views=views)
    client.force_login(analyst)
    response = client.get(SUMMARY)
    rows = {row.page: (row.title, row.section) for row in response.context["rows"]}
    assert rows == {
        initiative.get_absolute_url(): ("Kalmar testar schemaläggning", "AI-initiativ"),
        category.get_absolute_url(): ("Etik test", "Stöd och verktyg"),
        "/amnen/hemtjanst/": ("hemtjänst", "Ämnen"),
        "/": ("Startsidan", "Övrigt"),
        "/sok/": ("Sök", "Övrigt"),
        "/ai-initiativ/": ("AI-initiativ", "AI-initiativ"),
        "/introduktion-till-ai/": ("Introduktion till AI", "Övrigt"),
        "/borttagen-sida/": ("", "Övrigt"),  # no longer a page: shown by its address
    }
    assert [s.name for s in response.context["sections"]] == [
        "AI-initiativ",
        "Stöd och verktyg",
        "Ämnen",
        "Övrigt",
    ]
    body = response.content.decode()
    assert "Kalmar testar schemaläggning" in body and initiative.get_absolute_url() in body


def test_the_summary_opens_on_most_visited_and_lowest_share(client, analyst):
    today = timezone.localdate()
    for n in range(8):
        PageViewDay.objects.create(key=f"/sida-{n}/", date=today, views=n + 1, unique_views=n + 1)
    answers("/sida-1/", today, yes=1, no=5)
    answers("/sida-2/", today, yes=5, no=1)
    answers("/sida-3/", today, yes=1, no=1)  # too few answers to rank
    client.force_login(analyst)
    highlights = client.get(SUMMARY).context["highlights"]
    assert [r.page for r in highlights["most_viewed"]] == [f"/sida-{n}/" for n in (7, 6, 5, 4, 3)]
    assert [r.page for r in highlights["lowest_share"]] == ["/sida-1/", "/sida-2/"]


def test_a_page_whose_ja_share_drops_after_an_edit_stands_out(client, analyst):
    today = timezone.localdate()
    answers("/ai-initiativ/", today - datetime.timedelta(days=3), yes=6, no=0, version_id=10)
    answers("/ai-initiativ/", today, yes=1, no=5, version_id=11)
    answers("/", today - datetime.timedelta(days=3), yes=6, no=0, version_id=20)
    answers("/", today, yes=6, no=1, version_id=21)  # a little lower: not a drop
    client.force_login(analyst)
    response = client.get(SUMMARY)
    dropped = response.context["highlights"]["dropped"]
    assert [(r.page, r.drop.before, r.drop.after, r.drop.version_id) for r in dropped] == [
        ("/ai-initiativ/", 100.0, 16.7, 11)
    ]
    assert "Andel Ja sjönk efter ändring" in response.content.decode()

    trend = client.get(TREND, {"sida": "/ai-initiativ/"})
    assert trend.context["drop"].version_id == 11
    assert [(v["version_id"], v["yes"], v["no"]) for v in trend.context["versions"]] == [
        (10, 6, 0),
        (11, 1, 5),
    ]


def test_the_weekly_trend_of_a_page(client, analyst):
    today = timezone.localdate()
    this_monday = summary.monday(today)
    last_monday = this_monday - datetime.timedelta(days=7)
    PageViewDay.objects.create(key="/ai-initiativ/", date=last_monday, views=7, unique_views=5)
    PageViewDay.objects.create(
        key="/ai-initiativ/", date=last_monday + datetime.timedelta(days=1), views=3, unique_views=2
    )
    PageViewDay.objects.create(key="/ai-initiativ/", date=this_monday, views=4, unique_views=4)
    PageViewDay.objects.create(key="/annan/", date=this_monday, views=99, unique_views=99)
    answers("/ai-initiativ/", last_monday, yes=3, no=1, comment="Bra")
    answers("/ai-initiativ/", this_monday, yes=0, no=2)
    client.force_login(analyst)
    response = client.get(
        TREND,
        {"sida": "/ai-initiativ/", "fran": last_monday.isoformat(), "till": today.isoformat()},
    )
    weeks = [
        (w.start, w.views, w.unique, w.yes, w.no, w.comments) for w in response.context["weeks"]
    ]
    assert weeks == [(last_monday, 10, 7, 3, 1, 4), (this_monday, 4, 4, 0, 2, 0)]
    assert response.context["page_title"] == "AI-initiativ"
    body = response.content.decode()
    assert '<title id="diagram-visningar-title">Visningar per vecka</title>' in body
    # The columns are the data: their heights follow the views, 10 then 4.
    heights = re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"', body)
    assert [float(h) for h in heights[:2]] == [160.0, 64.0]
    assert f"v. {last_monday.isocalendar().week}" in body

    export = client.get(
        TREND,
        {
            "sida": "/ai-initiativ/",
            "fran": last_monday.isoformat(),
            "till": today.isoformat(),
            "format": "csv",
        },
    )
    rows = list(
        csv.reader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"), newline=""),
            delimiter=";",
        )
    )
    assert rows[1][1:] == [last_monday.isoformat(), "10", "7", "3", "1", "75,0", "4"]


def test_two_periods_side_by_side(client, analyst):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=6)
    before = start - datetime.timedelta(days=3)
    PageViewDay.objects.create(key="/", date=today, views=30, unique_views=20)
    PageViewDay.objects.create(key="/", date=before, views=10, unique_views=10)
    answers("/", today, yes=3, no=1)
    answers("/", before, yes=1, no=1)
    client.force_login(analyst)
    response = client.get(
        TREND, {"sida": "/", "fran": start.isoformat(), "till": today.isoformat()}
    )
    lines = {
        line["label"]: (line["now"], line["before"], line["change"])
        for line in response.context["comparison"]
    }
    assert lines["Visningar"] == (30, 10, "+20 (+200 %)")
    assert lines["Andel Ja (%)"] == (75.0, 50.0, "+25 procentenheter")
    rows = {
        row.page: row
        for row in client.get(
            SUMMARY, {"fran": start.isoformat(), "till": today.isoformat()}
        ).context["rows"]
    }
    assert (rows["/"].views_change, rows["/"].share_change) == (20, 25.0)


def test_the_whole_site_by_week(client, analyst):
    today = timezone.localdate()
    PageViewDay.objects.create(key="/", date=today, views=2, unique_views=2)
    PageViewDay.objects.create(key="/sok/", date=today, views=3, unique_views=3)
    client.force_login(analyst)
    response = client.get(TREND)
    assert response.context["weeks"][-1].views == 5
    assert response.context["page_title"] == "Hela webbplatsen"


def test_the_summary_is_one_click_from_the_admin_start_page(client, analyst, editor):
    client.force_login(analyst)
    assert f'href="{SUMMARY}"' in client.get(reverse("admin:index")).content.decode()
    client.force_login(editor)
    assert f'href="{SUMMARY}"' not in client.get(reverse("admin:index")).content.decode()
    assert client.get(TREND).status_code == 403
