"""The standard facts every initiative is described by (issue 16)."""

import datetime
import re

import pytest
from django.urls import reverse

from initiatives.models import Initiative
from portal.search import search
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_an_initiative_without_facts_is_valid_and_its_choices_say_unknown():
    initiative = InitiativeFactory()
    initiative.full_clean()

    assert initiative.impact_assessment == Initiative.ImpactAssessment.UNKNOWN
    assert initiative.sourcing == Initiative.Sourcing.UNKNOWN
    assert initiative.started_on is None
    assert initiative.confirmed_on is None


@pytest.mark.parametrize(
    ("field", "text", "word"),
    [
        ("purpose", "Handläggarna ska få mer tid för mötet med brukaren.", "brukaren"),
        ("legal_basis", "Kommunen stöder sig på sekretesslagen.", "sekretesslagen"),
        ("human_oversight", "Varje förslag läses av en socialsekreterare.", "socialsekreterare"),
        ("results", "Dokumentationstiden halverades under piloten.", "halverades"),
    ],
)
def test_text_facts_are_found_by_site_search(field, text, word):
    found = InitiativeFactory(**{field: text})
    InitiativeFactory(title="Något helt annat")

    assert [result.title for result in search(word)] == [found.title]


def test_the_admin_groups_the_standard_facts_and_warns_against_personal_data(editor_client):
    initiative = InitiativeFactory()
    page = editor_client.get(
        reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    ).content.decode()

    assert "Standarduppgifter" in page
    assert "Skriv inga personuppgifter" in page
    for field in (
        "purpose",
        "legal_basis",
        "impact_assessment",
        "human_oversight",
        "sourcing",
        "started_on",
        "results",
        "contact_email",
        "contact_phone",
        "confirmed_on",
    ):
        assert f'name="{field}"' in page


# --- The fact box ---------------------------------------------------------------------------


def fact_box(client, initiative):
    html = client.get(initiative.get_absolute_url()).content.decode()
    return html[html.index('<aside class="facts"') : html.index("</aside>")]


def facts(html):
    """The fact box as {term: text of its description}, tags stripped."""
    pairs = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd>(.*?)</dd>", html, flags=re.S)
    return {term: " ".join(re.sub(r"<[^>]+>", " ", text).split()) for term, text in pairs}


STANDARD_FACTS = (
    "Syfte",
    "Rättslig grund enligt kommunen",
    "Konsekvensbedömning avseende dataskydd",
    "Mänsklig kontroll",
    "Data som används",
    "Hur lösningen tagits fram",
    "Startdatum",
    "Period",
    "Resultat hittills",
    "Kontakt",
    "Senast bekräftad av kommunen",
)


def test_the_fact_box_says_uppgift_saknas_for_every_unknown_fact(client, site_pages):
    box = facts(fact_box(client, InitiativeFactory()))

    for term in STANDARD_FACTS:
        assert box[term] == "Uppgift saknas", term
    assert box["Fas"] == "Utforskande"
    assert "Utforskande" in box["Status över tid"]


def test_the_fact_box_shows_every_known_fact(client, site_pages):
    initiative = InitiativeFactory(
        purpose="Frigöra tid för mötet med brukaren.",
        legal_basis="Socialtjänstlagen enligt kommunens jurist.",
        impact_assessment=Initiative.ImpactAssessment.PLANNED,
        human_oversight="En handläggare godkänner varje förslag.",
        data_used="Journaltext",
        sourcing=Initiative.Sourcing.JOINT,
        started_on=datetime.date(2023, 11, 6),
        period="2023–2024",
        results="Piloten **halverade** tiden.",
        contact="Socialförvaltningen, enheten för utveckling",
        contact_email="utveckling@kommun.example.se",
        contact_phone="08-123 45 67",
        confirmed_on=datetime.date(2025, 3, 4),
    )
    html = fact_box(client, initiative)
    box = facts(html)

    assert box["Syfte"] == "Frigöra tid för mötet med brukaren."
    assert box["Rättslig grund enligt kommunen"] == "Socialtjänstlagen enligt kommunens jurist."
    assert box["Konsekvensbedömning avseende dataskydd"] == "Planerad"
    assert box["Mänsklig kontroll"] == "En handläggare godkänner varje förslag."
    assert box["Data som används"] == "Journaltext"
    assert box["Hur lösningen tagits fram"] == "Tillsammans med andra"
    assert box["Startdatum"] == "6 november 2023"
    assert '<time datetime="2023-11-06">' in html
    assert box["Period"] == "2023–2024"
    assert "<strong>halverade</strong>" in html  # Markdown, like the sections
    assert box["Senast bekräftad av kommunen"] == "4 mars 2025"
    assert "Socialförvaltningen, enheten för utveckling" in box["Kontakt"]
    assert '<a href="mailto:utveckling@kommun.example.se">' in html
    assert '<a href="tel:081234567">08-123 45 67</a>' in html
    assert "Uppgift saknas" not in html


def test_a_contact_with_only_a_mailbox_is_enough(client, site_pages):
    box = facts(fact_box(client, InitiativeFactory(contact_email="ai@kommun.example.se")))

    assert box["Kontakt"] == "E-post: ai@kommun.example.se"


def test_the_internal_note_is_never_shown_to_visitors(client, site_pages):
    initiative = InitiativeFactory(editor_note="Kolla uppgiften med kommunen.")
    html = client.get(initiative.get_absolute_url()).content.decode()

    assert "Kolla uppgiften" not in html


def test_further_sources_are_listed_under_the_source(client, site_pages):
    initiative = InitiativeFactory(
        source_url="https://www.example.se/artikel",
        source_title="Artikeln",
        other_sources="- [Slutrapporten (example.se)](https://www.example.se/rapport)",
    )
    html = client.get(initiative.get_absolute_url()).content.decode()

    # The source goes through the counted outbound address, the real one in its title.
    assert html.index('title="https://www.example.se/artikel"') < html.index(
        'href="https://www.example.se/rapport"'
    )
    assert f'href="/ut/initiatives.initiative/{initiative.pk}/source_url/"' in html


# --- Filters --------------------------------------------------------------------------------


def test_the_list_filters_on_impact_assessment_and_sourcing(client, site_pages):
    done_bought = InitiativeFactory(
        impact_assessment=Initiative.ImpactAssessment.DONE, sourcing=Initiative.Sourcing.BOUGHT
    )
    done_own = InitiativeFactory(
        impact_assessment=Initiative.ImpactAssessment.DONE, sourcing=Initiative.Sourcing.IN_HOUSE
    )
    unknown = InitiativeFactory()
    url = reverse("initiatives:list")

    response = client.get(url, {"konsekvensbedomning": "genomford"})
    assert {i.pk for i in response.context["initiatives"]} == {done_bought.pk, done_own.pk}

    response = client.get(url, {"konsekvensbedomning": "genomford", "framtagen": "kopt"})
    assert [i.pk for i in response.context["initiatives"]] == [done_bought.pk]

    response = client.get(url, {"framtagen": "okand"})
    assert [i.pk for i in response.context["initiatives"]] == [unknown.pk]

    groups = {g.facet.param: g for g in client.get(url).context["filters"].groups}
    counts = {o.value: o.count for o in groups["konsekvensbedomning"].options}
    assert counts == {"genomford": 2, "planerad": 0, "ej_gjord": 0, "okand": 1}
    labels = [o.label for o in groups["framtagen"].options]
    assert labels == ["Egenutvecklad", "Köpt/upphandlad", "Tillsammans med andra", "Uppgift saknas"]
