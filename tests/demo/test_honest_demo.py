"""The loaded demo content is honest about its dates, its publishers and its languages."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from demo import LAUNCHED_AT, SITE_TEXTS_CHECKED_AT
from demo.resources import ENGLISH
from initiatives.models import Initiative
from portal import related
from portal.models import Page, SiteLink
from publishing.models import next_review_date
from resources.models import Category, Publisher, Resource
from tests.demo.test_demo_content import load, remove_demo_content

pytestmark = pytest.mark.django_db

SHOWN_DATE = re.compile(r'Senast uppdaterad: <time datetime="(\d{4}-\d{2}-\d{2})">')


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load()
    yield
    with django_db_blocker.unblock():
        remove_demo_content()


def shown_date(client, url):
    html = client.get(url).content.decode()
    match = SHOWN_DATE.search(html)
    return match and match.group(1)


def test_demo_rows_carry_the_dates_of_their_sources_not_the_load_day(demo):
    for model in (Initiative, Resource, Page):
        for row in model.objects.all():
            # Its publication date, or when a page about the site was last checked.
            assert row.updated_at in {row.published_at, SITE_TEXTS_CHECKED_AT}, row
            assert row.created_at <= row.updated_at, row
            # The review date follows from the publication date, as for any content.
            assert row.review_by == next_review_date(row.published_at), row
    assert Category.objects.get(slug="juridik").updated_at == LAUNCHED_AT


def test_no_page_says_it_was_updated_on_the_day_the_demo_was_loaded(client, demo):
    today = timezone.localdate().isoformat()
    urls = [
        "/",
        reverse("initiatives:list"),
        reverse("resources:category_list"),
        reverse("resources:category", args=["juridik"]),
        *(initiative.get_absolute_url() for initiative in Initiative.objects.all()),
        *(
            page.get_absolute_url()
            for page in Page.objects.exclude(updated_at=SITE_TEXTS_CHECKED_AT)
        ),
    ]
    for url in urls:
        shown = shown_date(client, url)
        assert shown and shown != today, url
    assert shown_date(client, "/") == LAUNCHED_AT.date().isoformat()


def test_the_pages_about_the_site_are_linked_from_the_footer(client, demo):
    footer = SiteLink.objects.published().in_place(SiteLink.Place.FOOTER)
    urls = set(footer.values_list("url", flat=True))
    assert {"/behandling-av-personuppgifter/", "/kakor/"} <= urls
    html = client.get("/behandling-av-personuppgifter/").content.decode()
    assert "Integritetsskyddsmyndigheten (IMY)" in html and 'href="https://www.imy.se/"' in html
    assert "raderas efter 24 månader" in html


def test_each_publisher_is_one_organisation_in_the_filter(client, demo):
    response = client.get(reverse("resources:list"))
    group = next(g for g in response.context["filters"].groups if g.facet.param == "avsandare")
    labels = [option.label.casefold() for option in group.options]

    assert len(labels) == len(set(labels)) == Publisher.objects.count()
    skr = Publisher.objects.get(short_name="SKR")
    assert skr.resources.count() >= 7  # seed 001 wrote SKR's name in lower case once


def test_english_titles_are_the_english_resources(demo):
    english = set(Resource.objects.filter(language=ENGLISH).values_list("title", flat=True))

    assert len(english) == 8
    assert (
        "Suing the algorithm: the mundanization of automated decision-making in public "
        "services through litigation" in english
    )
    assert not any(re.search("[åäöÅÄÖ]", title) for title in english)
    swedish = Resource.objects.exclude(language=ENGLISH).values_list("title", flat=True)
    assert "Automatisera handläggning och beslut" in swedish


def test_related_lists_and_counts_hold_each_resource_once(client, demo):
    for initiative in Initiative.objects.all():
        shown = related.related_resources(initiative)
        assert len({r.identity for r in shown}) == len(shown), initiative
    distinct = Resource.objects.published().count_distinct()
    assert distinct < Resource.objects.published().count()
    assert f"{distinct} vägledningar" in client.get("/").content.decode()
