"""Resources: the filterable list of all, and the category pages with related initiatives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Category, Resource
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db

ALL = reverse("resources:list")
IMY = "Integritetsskyddsmyndigheten (IMY)"
SOS = "Socialstyrelsen"
# The filter takes each publisher's slug (PublisherFactory makes it from the name).
IMY_ID, SOS_ID = "integritetsskyddsmyndigheten-imy", "socialstyrelsen"


@pytest.fixture
def resources(site_pages):
    juridik = Category.objects.get(slug="juridik")
    etik = Category.objects.get(slug="etik")
    return [
        ResourceFactory(
            title="Personuppgifter i socialtjänsten",
            sender=IMY,
            category=juridik,
            format=Resource.Format.WEB_PAGE,
            tags=["personuppgifter", "dataskydd"],
        ),
        ResourceFactory(
            title="GDPR och AI",
            sender=IMY,
            category=juridik,
            format=Resource.Format.PDF,
            tags=["personuppgifter"],
        ),
        ResourceFactory(
            title="Etiska frågor om AI i socialtjänsten",
            sender=SOS,
            category=etik,
            format=Resource.Format.REPORT,
            tags=["etik"],
        ),
        ResourceFactory(
            title="Socialstyrelsens vägledning om dokumentation",
            sender=SOS,
            category=juridik,
            format=Resource.Format.WEB_PAGE,
            tags=["dokumentation", "personuppgifter"],
        ),
        ResourceFactory(
            title="Opublicerad",
            sender=IMY,
            category=etik,
            tags=["personuppgifter"],
            draft=True,
        ),
    ]


def listed(response):
    return {resource.title for resource in response.context["resources"]}


def counts(response, param):
    group = next(g for g in response.context["filters"].groups if g.facet.param == param)
    return {option.value: option.count for option in group.options}


def test_all_resources_with_counts_per_option(client, resources):
    response = client.get(ALL)

    assert len(listed(response)) == 4
    assert counts(response, "kategori") == {"juridik": 3, "etik": 1}
    assert counts(response, "avsandare") == {IMY_ID: 2, SOS_ID: 2}
    assert counts(response, "format") == {"webbsida": 2, "pdf": 1, "rapport": 1}
    assert counts(response, "amne")["personuppgifter"] == 3


def test_resource_filters_combine(client, resources):
    response = client.get(
        ALL, {"kategori": "juridik", "avsandare": SOS_ID, "amne": "personuppgifter"}
    )

    assert listed(response) == {"Socialstyrelsens vägledning om dokumentation"}
    # Within juridik + personuppgifter, each sender would give:
    assert counts(response, "avsandare") == {IMY_ID: 2, SOS_ID: 1}
    # Within Socialstyrelsen + personuppgifter, each category would give:
    assert counts(response, "kategori") == {"juridik": 1}
    assert counts(response, "format") == {"webbsida": 1}


def test_resource_list_shows_what_the_category_pages_show_and_more(client, resources):
    response = client.get(ALL, {"avsandare": IMY_ID})

    html = response.content.decode()
    assert "<dt>Avsändare</dt><dd>Integritetsskyddsmyndigheten (IMY)</dd>" in html
    assert "länk till annan webbplats" in html
    assert "<dt>Kategori</dt>" in html
    assert "<legend>Avsändare</legend>" in html
    assert f'value="{IMY_ID}" checked' in html
    assert "Opublicerad" not in html


def test_category_page_keeps_its_list_and_shows_related_initiatives(client, resources):
    kalmar = InitiativeFactory(title="Kalmar och dataskydd", tags=["dataskydd"])
    InitiativeFactory(title="Utkast om dataskydd", tags=["dataskydd"], draft=True)

    response = client.get(reverse("resources:category", kwargs={"slug": "juridik"}))

    html = response.content.decode()
    first = next(r for r in response.context["resources"] if r.title.startswith("Personupp"))
    assert first.related_initiatives == [kalmar]
    assert "AI-initiativ om samma ämnen:" in html
    assert f'<a href="{kalmar.get_absolute_url()}">Kalmar och dataskydd</a>' in html
    assert "Utkast om dataskydd" not in html
    assert "<dt>Avsändare</dt>" in html
    assert "länk till annan webbplats" in html


def _grow(n, start):
    juridik = Category.objects.get(slug="juridik")
    for i in range(start, start + n):
        ResourceFactory(
            title=f"Stöd {i}",
            sender=f"Avsändare {i % 7}",
            category=juridik,
            format=list(Resource.Format)[i % 9],
            tags=["personuppgifter", f"ämne {i}"],
        )
        InitiativeFactory(tags=["personuppgifter", f"ämne {i}"])


@pytest.mark.parametrize(
    "url, params",
    [
        (ALL, {}),
        (ALL, {"amne": "personuppgifter", "kategori": "juridik"}),
        (reverse("resources:category", kwargs={"slug": "juridik"}), {}),
    ],
)
def test_resource_pages_queries_do_not_grow(client, site_pages, url, params):
    def query_count():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(captured), response

    _grow(5, 0)
    few, response = query_count()
    assert len(response.context["resources"]) == 5
    _grow(45, 5)
    many, response = query_count()
    assert len(response.context["resources"]) >= 25

    assert few == many
