"""Outbound links: counted on our domain, redirected only to the address our content holds."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback import outbound, summary, viewcounts
from feedback.models import PageViewDay
from publishing.models import Publishable
from tests.factories import CategoryFactory, InitiativeFactory, ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_counting_cache")]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
SUMMARY = reverse("admin:feedback_feedback_summary")


def visitor(ip="198.51.100.10", agent=BROWSER):
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


def link_counts():
    viewcounts.flush()
    return {
        row.key: (row.views, row.unique_views)
        for row in PageViewDay.objects.links().filter(date=timezone.localdate())
    }


@pytest.fixture
def resource(site_pages):
    return ResourceFactory(
        title="Vägledning om AI",
        url="https://www.imy.se/vagledning/",
        sender="Integritetsskyddsmyndigheten",
        category=CategoryFactory(slug="juridik-test", name="Juridik test"),
    )


def follow(resource, client=None, field="url"):
    return (client or visitor()).get(outbound.link_for(resource, field).get_absolute_url())


def test_the_category_page_links_through_our_address_and_shows_the_real_one(resource):
    html = visitor().get(resource.category.get_absolute_url()).content.decode()
    counted = f"/ut/resources.resource/{resource.pk}/url/"
    assert f'href="{counted}"' in html
    assert 'title="https://www.imy.se/vagledning/"' in html  # the real address, visible
    assert "(imy.se)" in html  # and its domain in the link text, as before
    assert 'rel="noopener nofollow"' in html
    assert 'href="https://www.imy.se/vagledning/"' not in html


def test_following_a_link_counts_a_click_and_redirects_to_the_stored_address(resource):
    response = follow(resource)
    assert response.status_code == 302
    assert response["Location"] == "https://www.imy.se/vagledning/"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    follow(resource)  # the same visitor again today: a click, not a new visitor
    follow(resource, visitor("198.51.100.11"))
    assert link_counts() == {f"resources.resource/{resource.pk}/url": (3, 2)}


def test_an_initiatives_source_link_is_counted(site_pages):
    initiative = InitiativeFactory(source_url="https://www.kalmar.se/ai/", source_title="Kalmar")
    html = visitor().get(initiative.get_absolute_url()).content.decode()
    counted = f"/ut/initiatives.initiative/{initiative.pk}/source_url/"
    assert f'href="{counted}"' in html and 'title="https://www.kalmar.se/ai/"' in html
    assert visitor().get(counted)["Location"] == "https://www.kalmar.se/ai/"
    assert link_counts() == {f"initiatives.initiative/{initiative.pk}/source_url": (1, 1)}


@pytest.mark.parametrize(
    "address",
    [
        "/ut/resources.resource/{pk}/title/",  # not a link field
        "/ut/resources.resource/{pk}/description/",
        "/ut/resources.resource/{other}/url/",  # no such resource
        "/ut/resources.resource/99999999999999999999999/url/",  # beyond any id
        "/ut/resources.category/{pk}/url/",  # a type that declares no such link
        "/ut/auth.user/1/url/",  # not a content type
        "/ut/resources.resource/-1/url/",
        "/ut/resources.resource/{pk}/url/?next=https://evil.example/",  # ignored, see below
    ],
)
def test_tampered_addresses_are_refused(resource, address):
    url = address.format(pk=resource.pk, other=resource.pk + 1000)
    response = visitor().get(url)
    if "next=" in url:  # the query string changes nothing: still only our own address
        assert response["Location"] == "https://www.imy.se/vagledning/"
        return
    assert response.status_code == 404
    viewcounts.flush()
    assert not PageViewDay.objects.links().exists()


def test_unpublished_content_and_empty_links_are_refused(resource, site_pages):
    draft = ResourceFactory(url="https://www.example.se/utkast/", status=Publishable.State.DRAFT)
    empty = ResourceFactory(url="")
    scripted = ResourceFactory(url="https://www.example.se/")
    type(scripted).objects.filter(pk=scripted.pk).update(url="javascript:alert(1)")
    for item in (draft, empty, scripted):
        assert follow(item).status_code == 404
    assert link_counts() == {}


def test_bots_and_staff_are_redirected_but_not_counted(resource, editor):
    assert follow(resource, visitor(agent="Googlebot/2.1")).status_code == 302
    staff = visitor()
    staff.force_login(editor)
    assert follow(resource, staff).status_code == 302
    assert link_counts() == {}


def test_head_and_post_do_not_count(resource):
    url = outbound.link_for(resource, "url").get_absolute_url()
    assert visitor().head(url).status_code == 302
    assert visitor().post(url).status_code == 405
    assert link_counts() == {}


def test_a_click_costs_no_write_to_the_database(resource):
    url = outbound.link_for(resource, "url").get_absolute_url()
    # The first use after a content change also looks up the next scheduled publication,
    # once per content generation (publishing.generation.valid_until).
    visitor().get(url)
    with CaptureQueriesContext(connection) as queries:
        visitor().get(url)
    assert len(queries) == 1  # reading the stored address; the count goes to the cache
    assert not any(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for q in queries)


def test_robots_txt_disallows_the_outbound_prefix(client):
    assert "Disallow: /ut/" in client.get("/robots.txt").content.decode().splitlines()


def test_summary_and_csv_show_clicks_per_resource_category_and_sender(resource, client, analyst):
    other = ResourceFactory(
        title="Annan vägledning",
        url="https://www.digg.se/ai/",
        sender="Digg",
        category=resource.category,
    )
    follow(resource)
    follow(resource, visitor("198.51.100.11"))
    follow(other)
    client.force_login(analyst)
    response = client.get(SUMMARY)
    clicks = response.context["clicks"]
    assert [(r.title, r.clicks, r.unique) for r in clicks["rows"]] == [
        ("Vägledning om AI", 2, 2),
        ("Annan vägledning", 1, 1),
    ]
    groups = {
        name: [(g.value, g.clicks) for g in values] for name, values in clicks["groups"].items()
    }
    assert groups == {
        "Kategori": [("Juridik test", 3)],
        "Avsändare": [("Integritetsskyddsmyndigheten", 2), ("Digg", 1)],
    }
    assert "Klick per kategori" in response.content.decode()

    export = client.get(SUMMARY, {"format": "csv", "del": "klick"})
    rows = list(
        csv.reader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"), newline=""),
            delimiter=";",
        )
    )
    assert rows[0] == [
        "Typ",
        "Rubrik",
        "Länk",
        "Kategori",
        "Avsändare",
        "Klick",
        "Unika besökare",
        "Nyckel",
    ]
    assert rows[1][:7] == [
        "Stöd eller verktyg",
        "Vägledning om AI",
        "https://www.imy.se/vagledning/",
        "Juridik test",
        "Integritetsskyddsmyndigheten",
        "2",
        "2",
    ]
    grouped = client.get(SUMMARY, {"format": "csv", "del": "klickgrupper"})
    text = b"".join(grouped.streaming_content).decode("utf-8-sig")
    assert "Avsändare;Digg;1;1" in text


def test_click_groups_come_from_the_declaration(resource):
    # The grouping is what the content type declares: a foreign key (category) or text
    # (sender), each shown by its text; changing the declaration changes the grouping.
    follow(resource)
    today = timezone.localdate()
    declared = type(resource).PUBLISHING.click_groups
    assert set(summary.clicks(today, today)["groups"]) == {
        type(resource)._meta.get_field(name).verbose_name.capitalize() for name in declared
    }


def test_preview_of_a_draft_links_straight_to_the_address(resource):
    from feedback.templatetags.feedback import outbound_url

    draft = ResourceFactory(url="https://www.example.se/utkast/", status=Publishable.State.DRAFT)
    assert outbound_url(draft, "url") == "https://www.example.se/utkast/"
    assert outbound_url(resource, "url") == f"/ut/resources.resource/{resource.pk}/url/"
