"""Queries per page stay constant as content grows (page cache off: the views themselves)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Category, Resource
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db

TAGS = ["schemaläggning", "språkmodeller", "etik"]


def add_content(count):
    """`count` initiatives and resources, each with tags, spread over two categories."""
    categories = list(Category.objects.filter(slug__in=["juridik", "etik"]))
    for n in range(count):
        InitiativeFactory(tags=TAGS[: 1 + n % 3], area="aldreomsorg")
        ResourceFactory(category=categories[n % 2], tags=TAGS[: 1 + n % 3])


@pytest.fixture
def urls():
    return [
        reverse("portal:home"),
        reverse("initiatives:list"),
        reverse("resources:category_list"),
        reverse("resources:category", kwargs={"slug": "juridik"}),
        reverse("portal:tag_list"),
        reverse("portal:tag", kwargs={"slug": "schemalaggning"}),
    ]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_do_not_grow_with_content(
    client, settings, site_pages, urls, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    add_content(5)
    detail = InitiativeFactory(tags=TAGS, area="aldreomsorg").get_absolute_url()
    with_five = {url: count_queries(client, url) for url in [*urls, detail]}

    add_content(45)

    for url, expected in with_five.items():
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200
    # The lists really did grow (the paginated list shows 20 of 51).
    assert "51 initiativ" in client.get(reverse("initiatives:list")).content.decode()


def test_lists_do_not_fetch_the_search_index_or_rendered_sections(client, site_pages, urls):
    add_content(3)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        selects = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
        assert not [sql for sql in selects if "search_vector" in sql.split(" FROM ")[0]], url
        # A category's page shows its own text; nothing else on these pages needs one.
        category_page = url.startswith("/stod-och-verktyg/")
        rendered = [
            sql
            for sql in selects
            if "rendered_markdown" in sql.split(" FROM ")[0]
            and not (category_page and sql.startswith('SELECT "resources_category"'))
        ]
        assert not rendered, url


def test_a_category_page_reads_its_resources_by_title_without_joining_the_category(site_pages):
    juridik = Category.objects.get(slug="juridik")
    second = ResourceFactory(category=juridik, title="Bb")
    first = ResourceFactory(category=juridik, title="Aa")
    ResourceFactory(category=Category.objects.get(slug="etik"), title="Ab")

    resources = Resource.objects.published().in_category(juridik)

    assert list(resources) == [first, second]
    # The order (title, pk) is the index's (resource_category_title_idx): the database
    # stops after a page instead of sorting the whole category behind a join.
    assert " JOIN " not in str(resources.query)


def test_the_category_overview_counts_resources_once_per_content_change(
    client, settings, site_pages
):
    settings.PAGE_CACHE_SECONDS = 0
    ResourceFactory(category=Category.objects.get(slug="juridik"))
    url = reverse("resources:category_list")
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"]]
    assert {c.slug: c.resource_count for c in response.context["categories"]}["juridik"] == 1

    ResourceFactory(category=Category.objects.get(slug="juridik"))  # a change: counted again
    response = client.get(url)
    assert {c.slug: c.resource_count for c in response.context["categories"]}["juridik"] == 2


def test_a_category_page_reads_its_category_once_per_content_change(client, settings, site_pages):
    settings.PAGE_CACHE_SECONDS = 0
    juridik = Category.objects.get(slug="juridik")
    url = juridik.get_absolute_url()
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries if 'FROM "resources_category"' in q["sql"]]

    juridik.description = "Lagar och regler om AI i socialtjänsten, med nya exempel."
    juridik.save()  # a new generation: the page reads the category again
    assert "med nya exempel" in client.get(url).content.decode()
    # An address that finds no category is a 404 every time, never remembered.
    assert client.get("/stod-och-verktyg/finns-inte/").status_code == 404
    assert client.get("/stod-och-verktyg/finns-inte/").status_code == 404
