"""The standard facts every initiative is described by (issue 16)."""

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
