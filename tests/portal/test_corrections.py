"""Corrections of what the site showed wrongly: each fails without its fix."""

import importlib
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.urls import reverse

from portal import related
from portal.models import SiteLink, StartPage
from publishing.templatetags.text import swedish_number, topic
from resources.models import Category, Resource
from tests.factories import (
    InitiativeFactory,
    PageFactory,
    QuestionFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db

corrections = importlib.import_module("portal.migrations.0010_start_page_corrections")
LAUNCH = datetime(2024, 1, 16, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def twice(**fields):
    """The same resource listed in two categories: two rows, one title and link."""
    first = ResourceFactory(category=Category.objects.get(slug="juridik"), **fields)
    second = ResourceFactory(
        category=Category.objects.get(slug="etik"),
        title=first.title,
        url=first.url,
        publisher=first.publisher,
        **{k: v for k, v in fields.items() if k not in {"title", "url"}},
    )
    return first, second


# --- 1 and 2: the webinar box on the start page ------------------------------------------


def test_the_webinar_link_leads_to_the_questions_on_the_webinar_page(client, site_pages):
    QuestionFactory(page=site_pages["webbinarium"], question="Vad gäller för handläggning?")
    home = client.get("/").content.decode()

    href = re.search(r'<a href="([^"]+)">Läs frågorna och svaren från webbinariet</a>', home)
    path, _, anchor = href.group(1).partition("#")
    target = client.get(path).content.decode()

    assert path == site_pages["webbinarium"].get_absolute_url()
    assert f'id="{anchor}"' in target and "Vad gäller för handläggning?" in target
    assert "skr.se" not in href.group(1)


def test_the_webinar_figure_keeps_registrations_and_participants_apart(client, site_pages):
    box = text(client.get("/").content.decode())

    assert "anmälde sig 1 000 personer från 91 procent av landets kommuner" in box
    assert "698 av dem deltog i sändningen, från 90 procent av kommunerna" in box
    assert "deltagare från 91 procent" not in box


def test_the_correction_leaves_an_editors_own_text_alone(site_pages):
    page = StartPage.objects.published().get()
    page.webinar_text = "Redaktörens egen text."
    page.webinar_link_url = "/annan-sida/"
    page.save()

    corrections.correct(apps, None)

    page.refresh_from_db()
    assert page.webinar_text == "Redaktörens egen text."
    assert page.webinar_link_url == "/annan-sida/"


# --- 3: topic titles ------------------------------------------------------------------------


def test_topic_pages_write_ai_in_capitals(client, site_pages):
    InitiativeFactory(tags=["ai-förordningen"])

    html = client.get(reverse("portal:tag", args=["ai-forordningen"])).content.decode()

    assert "<h1>Ämne: AI-förordningen</h1>" in html
    assert "<title>Ämne: AI-förordningen" in html
    assert ">AI-förordningen</a>" in client.get(reverse("portal:tag_list")).content.decode()
    assert topic("hjälp i vardagen") == "hjälp i vardagen"  # "ai" inside a word stays


# --- 4: numbers written one way -------------------------------------------------------------


def test_counts_in_running_text_follow_swedish_style():
    assert swedish_number(11) == "elva" and swedish_number(8) == "åtta"
    assert swedish_number(1000) == "1\u00a0000"
    assert swedish_number(25) == "25" and swedish_number(1) == "1"


def test_the_start_page_writes_its_counts_in_swedish_style(client, site_pages):
    InitiativeFactory.create_batch(11)

    html = client.get("/").content.decode()

    assert "Elva kommuner berättar" in html
    assert "i åtta kategorier" in html


# --- 5: English titles marked as English ----------------------------------------------------


def test_english_titles_are_marked_wherever_a_resource_is_listed(client, site_pages):
    english = ResourceFactory(
        title="Automating social assistance",
        language=Resource.Language.ENGLISH,
        tags=["ekonomiskt bistånd"],
    )
    swedish = ResourceFactory(title="Automatiserad handläggning", tags=["ekonomiskt bistånd"])
    initiative = InitiativeFactory(tags=["ekonomiskt bistånd"])
    marked = '<span lang="en">Automating social assistance</span>'

    pages = [
        english.category.get_absolute_url(),
        reverse("resources:list"),
        reverse("portal:tag", args=["ekonomiskt-bistand"]),
        reverse("portal:search") + "?q=automating",
        initiative.get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert marked in html, url
        assert 'lang="sv"' not in html.replace('<html lang="sv"', ""), url
    assert swedish.title in client.get(reverse("resources:list")).content.decode()
    feed = client.get(reverse("resources:feed_rss")).content.decode()
    assert "Språk: engelska." in feed


# --- 6 and 8: a resource in two categories is one resource ----------------------------------


def test_the_related_list_shows_a_resource_once(client, site_pages):
    twice(title="Förtroendemodellen", tags=["förtroende"])
    other = ResourceFactory(tags=["förtroende"])
    initiative = InitiativeFactory(tags=["förtroende"])

    shown = related.related_resources(initiative)

    assert [r.title for r in shown].count("Förtroendemodellen") == 1
    assert other in shown and len(shown) == 2
    html = client.get(initiative.get_absolute_url()).content.decode()
    section = html[html.index('id="relaterade-stod"') :]
    assert section.count(">Förtroendemodellen</a>") == 1


def test_the_start_page_counts_a_resource_in_two_categories_once(client, site_pages):
    twice(title="Förtroendemodellen")
    ResourceFactory.create_batch(11)

    assert Resource.objects.published().count() == 13
    assert Resource.objects.published().count_distinct() == 12
    assert "Tolv vägledningar" in client.get("/").content.decode()


# --- 9: "Senast uppdaterad" on the start page -----------------------------------------------


def test_the_start_page_date_is_its_own_and_what_it_shows(client, site_pages):
    # The launch start page keeps the launch as its date; menu links made by a migration
    # and pages the start page does not show do not make it "updated today".
    assert StartPage.objects.published().get().updated_at == LAUNCH
    SiteLink.objects.create(label="Ny", url="/ny/", place="sidfot", status="published")
    PageFactory(slug="en-annan-sida")

    html = client.get("/").content.decode()
    assert 'Senast uppdaterad: <time datetime="2024-01-16">16 januari 2024</time>' in html

    initiative = InitiativeFactory()
    html = client.get("/").content.decode()
    assert f'<time datetime="{initiative.updated_at:%Y-%m-%d}">' in html
