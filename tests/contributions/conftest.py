import pytest

from feedback import viewcounts
from tests.factories import InitiativeFactory, MunicipalityFactory

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def _forget_page_views():
    """These tests open the forms as a browser would, which counts page views in this
    process (without Redis); they must not reach a later test's statistics."""
    yield
    viewcounts.local.take()


@pytest.fixture
def initiative(db):
    return InitiativeFactory(title="Digitala tolken", slug="digitala-tolken")


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Ankeby", slug="ankeby")


@pytest.fixture
def proposal_data(municipality):
    """A filled-in "Berätta om ert AI-initiativ", as a browser posts it."""
    return {
        "title": "Chattbot för försörjningsstöd",
        "municipality": str(municipality.pk),
        "new_municipality": "",
        "county": "",
        "area": "ekonomiskt_bistand",
        "phase": "test",
        "technique": "chattbot",
        "ingress": "En chattbot svarar på frågor om ansökan dygnet runt.",
        "body": "Vi började med en förstudie.",
        "purpose": "Kortare väntetider för den som söker.",
        "legal_basis": "Socialtjänstlagen och kommunens beslut.",
        "impact_assessment": "planerad",
        "human_oversight": "Handläggare läser alla svar varje vecka.",
        "data_used": "Vanliga frågor, inga personuppgifter",
        "sourcing": "kopt",
        "started_on": "2024-03-01",
        "results": "",
        "contact": "Utvecklingsenheten, socialförvaltningen",
        "contact_email": "socialtjansten@ankeby.se",
        "contact_phone": "0480-45 00 00",
        "name": "Eva Exempel",
        "organisation": "Utvecklingsledare, Ankeby kommun",
        "email": "eva.exempel@ankeby.se",
        "phone": "",
        "text": "",
        "website": "",
    }
