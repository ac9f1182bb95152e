"""The initiative list's filters with counts, and the detail page's related content."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import County, Initiative
from tests.factories import InitiativeFactory, MunicipalityFactory, ResourceFactory

pytestmark = pytest.mark.django_db

Area, Phase, Technique = Initiative.Area, Initiative.Phase, Initiative.Technique
LIST = reverse("initiatives:list")


@pytest.fixture
def initiatives(site_pages):
    """A small set like the report's: areas, phases, counties and tags in combination."""
    kalmar = MunicipalityFactory(name="Kalmar", slug="kalmar", county=County.KALMAR)
    malmo = MunicipalityFactory(name="Malmö", slug="malmo", county=County.SKANE)
    helsingborg = MunicipalityFactory(name="Helsingborg", slug="helsingborg", county=County.SKANE)
    skelleftea = MunicipalityFactory(
        name="Skellefteå", slug="skelleftea", county=County.VASTERBOTTEN
    )
    return {
        "kalmar": InitiativeFactory(
            title="Kalmar kommun testar AI för hjälp med schemaplanering",
            municipality=kalmar,
            area=Area.ELDERLY_CARE,
            phase=Phase.PILOT,
            technique=Technique.OPTIMISATION,
            tags=["schemaläggning", "hemtjänst"],
        ),
        "malmo": InitiativeFactory(
            title="Malmö utvärderar insatser",
            municipality=malmo,
            area=Area.INDIVIDUAL_FAMILY,
            phase=Phase.ENDED,
            technique=Technique.MACHINE_LEARNING,
            tags=["uppföljning", "datakvalitet"],
            lessons_learned="Data som är dåligt strukturerad stoppade arbetet.",
        ),
        "helsingborg": InitiativeFactory(
            title="Digital tolk i Helsingborg",
            municipality=helsingborg,
            area=Area.ELDERLY_CARE,
            phase=Phase.IN_PRODUCTION,
            technique=Technique.SPEECH,
            tags=["tolkning", "hemtjänst"],
        ),
        "skelleftea": InitiativeFactory(
            title="Radarkameror larmar i äldreomsorgen",
            municipality=skelleftea,
            area=Area.ELDERLY_CARE,
            phase=Phase.ENDED,
            technique=Technique.SENSORS,
            tags=["välfärdsteknik"],
        ),
        "draft": InitiativeFactory(
            title="Hemligt utkast",
            municipality=kalmar,
            area=Area.ELDERLY_CARE,
            phase=Phase.ENDED,
            tags=["hemtjänst"],
            draft=True,
        ),
    }


def listed(response):
    return {initiative.title for initiative in response.context["initiatives"]}


def counts(response, param):
    group = next(g for g in response.context["filters"].groups if g.facet.param == param)
    return {option.value: option.count for option in group.options}


def test_unfiltered_list_counts_every_option(client, initiatives):
    response = client.get(LIST)

    assert len(listed(response)) == 4  # no draft
    assert counts(response, "omrade")[Area.ELDERLY_CARE] == 3
    assert counts(response, "fas") == {
        "utforskande": 0,
        "planering": 0,
        "utveckling": 0,
        "test": 1,
        "i_drift": 1,
        "avslutad": 2,
    }
    # Counties with no initiative are left out; the rest counted.
    assert counts(response, "lan") == {"kalmar": 1, "skane": 2, "vasterbotten": 1}
    assert counts(response, "amne")["hemtjanst"] == 2  # the draft's tag does not count


def test_filters_combine_and_counts_follow_the_other_filters(client, initiatives):
    response = client.get(LIST, {"omrade": Area.ELDERLY_CARE, "fas": Phase.ENDED})

    assert listed(response) == {"Radarkameror larmar i äldreomsorgen"}
    # The phase counts are those within äldreomsorg: what ticking each phase would give.
    assert counts(response, "fas")["avslutad"] == 1
    assert counts(response, "fas")["test"] == 1
    assert counts(response, "fas")["i_drift"] == 1
    # The area counts are those among ended initiatives.
    assert counts(response, "omrade")[Area.ELDERLY_CARE] == 1
    assert counts(response, "omrade")[Area.INDIVIDUAL_FAMILY] == 1
    # Facets not chosen count within the full selection.
    assert counts(response, "lan") == {"vasterbotten": 1}


def test_values_in_one_facet_are_alternatives(client, initiatives):
    response = client.get(LIST, {"fas": [Phase.PILOT, Phase.IN_PRODUCTION], "lan": "skane"})

    assert listed(response) == {"Digital tolk i Helsingborg"}
    response = client.get(LIST, {"fas": [Phase.PILOT, Phase.IN_PRODUCTION]})
    assert listed(response) == {
        "Kalmar kommun testar AI för hjälp med schemaplanering",
        "Digital tolk i Helsingborg",
    }


def test_tag_filter_lists_each_initiative_once(client, initiatives):
    response = client.get(LIST, {"amne": ["hemtjanst", "schemalaggning"]})

    titles = [initiative.title for initiative in response.context["initiatives"]]
    assert sorted(titles) == [
        "Digital tolk i Helsingborg",
        "Kalmar kommun testar AI för hjälp med schemaplanering",
    ]
    assert response.context["paginator"].count == 2
    assert counts(response, "fas") == {
        "utforskande": 0,
        "planering": 0,
        "utveckling": 0,
        "test": 1,
        "i_drift": 1,
        "avslutad": 0,
    }


def test_ended_initiatives_can_be_found_by_phase(client, initiatives):
    response = client.get(LIST, {"fas": "avslutad"})

    html = response.content.decode()
    assert listed(response) == {"Malmö utvärderar insatser", "Radarkameror larmar i äldreomsorgen"}
    assert re.search(r'value="avslutad" checked>\s*<label[^>]*>Avslutad', html)


def test_the_form_is_plain_html_with_fieldsets_and_state_in_the_url(client, initiatives):
    response = client.get(LIST, {"omrade": Area.ELDERLY_CARE, "amne": "hemtjanst"})

    html = response.content.decode()
    assert '<form class="filters" method="get" action="/ai-initiativ/"' in html
    for legend in ["Verksamhetsområde", "Fas", "AI-teknik", "Län", "Ämne"]:
        assert f"<legend>{legend}</legend>" in html
    assert 'name="omrade" value="aldreomsorg" checked' in html
    assert 'name="amne" value="hemtjanst" checked' in html
    assert '<button type="submit">Filtrera</button>' in html
    assert '<a href="/ai-initiativ/">Rensa filter</a>' in html
    assert "2 initiativ som matchar filtren" in html
    # Each choice can be removed on its own, keeping the other.
    assert 'href="/ai-initiativ/?omrade=aldreomsorg"' in html
    assert 'href="/ai-initiativ/?amne=hemtjanst"' in html


def test_unknown_values_never_break_the_list(client, initiatives):
    response = client.get(LIST, {"fas": "finns-inte", "omrade": "<script>"})
    assert response.status_code == 200
    assert len(listed(response)) == 4  # values that are no choice are ignored

    response = client.get(LIST, {"amne": "borttaget-amne"})
    html = response.content.decode()
    assert response.status_code == 200
    assert listed(response) == set()
    assert "Inga initiativ matchar de valda filtren" in html
    # The stale choice still shows, ticked, so the visitor can untick it.
    assert 'value="borttaget-amne" checked' in html


def test_pagination_keeps_the_filters(client, site_pages):
    for i in range(25):
        InitiativeFactory(title=f"Pilot {i:02}", phase=Phase.PILOT)
    InitiativeFactory(title="Något i drift", phase=Phase.IN_PRODUCTION)

    response = client.get(LIST, {"fas": "test"})

    html = response.content.decode()
    assert response.context["paginator"].count == 25
    assert 'href="?fas=test&amp;page=2"' in html
    page_two = client.get(LIST, {"fas": "test", "page": 2})
    assert len(page_two.context["initiatives"]) == 5


def test_list_queries_do_not_grow_with_initiatives_or_tags(client, site_pages):
    def add(n, start):
        for i in range(start, start + n):
            municipality = MunicipalityFactory(
                name=f"Kommun {i}", slug=f"kommun-{i}", county=list(County)[i % 21]
            )
            InitiativeFactory(
                municipality=municipality,
                phase=list(Phase)[i % 6],
                tags=["hemtjänst", f"ämne {i}"],
            )

    def query_count():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST, {"amne": "hemtjanst", "omrade": Area.ELDERLY_CARE})
        assert response.status_code == 200
        return len(captured), response

    add(5, 0)
    few, response = query_count()
    assert response.context["paginator"].count == 5
    add(45, 5)
    many, response = query_count()
    assert response.context["paginator"].count == 50

    assert few == many


# --- Detail page ------------------------------------------------------------------------


def test_ended_initiative_says_so_and_points_to_its_lessons(client, initiatives):
    html = client.get(initiatives["malmo"].get_absolute_url()).content.decode()

    assert "Initiativet är avslutat." in html
    assert '<a href="#lessons_learned">Läs vad kommunen lärde sig under Lärdomar</a>' in html
    assert '<h2 id="lessons_learned">Lärdomar</h2>' in html


def test_ongoing_initiative_has_no_ended_notice(client, initiatives):
    html = client.get(initiatives["kalmar"].get_absolute_url()).content.decode()

    assert "Initiativet är avslutat" not in html


def test_related_resources_share_tags_and_are_published(client, initiatives):
    ResourceFactory(title="Guide till schemaläggning", tags=["schemaläggning", "hemtjänst"])
    ResourceFactory(title="Om hemtjänst", tags=["hemtjänst"])
    ResourceFactory(title="Om något annat", tags=["etik"])
    ResourceFactory(title="Opublicerad guide", tags=["schemaläggning"], draft=True)

    response = client.get(initiatives["kalmar"].get_absolute_url())

    related = [resource.title for resource in response.context["related_resources"]]
    assert related == ["Guide till schemaläggning", "Om hemtjänst"]  # most shared tags first
    html = response.content.decode()
    assert "Stöd och verktyg om samma ämnen" in html
    assert "Opublicerad guide" not in html


def test_related_initiatives_share_tags_or_area(client, initiatives):
    response = client.get(initiatives["kalmar"].get_absolute_url())

    related = [initiative.title for initiative in response.context["related_initiatives"]]
    assert related[0] == "Digital tolk i Helsingborg"  # shares a tag and the area
    assert "Hemligt utkast" not in related
