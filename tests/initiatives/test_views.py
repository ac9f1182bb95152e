import pytest
from django.urls import reverse

from initiatives.models import Initiative
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_initiatives_only(client, site_pages):
    InitiativeFactory(title="Chatboten RiTA")
    InitiativeFactory(title="Ej publicerat", draft=True)

    response = client.get(reverse("initiatives:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Chatboten RiTA" in html
    assert "Ej publicerat" not in html


def test_detail_shows_fact_box_sections_tags_and_related(client, site_pages):
    municipality = MunicipalityFactory(name="Kalmar", organisation="Kalmar kommun", county="kalmar")
    initiative = InitiativeFactory(
        title="Kalmar kommun testar AI för hjälp med schemaplanering",
        municipality=municipality,
        area=Initiative.Area.ELDERLY_CARE,
        phase=Initiative.Phase.PILOT,
        technique=Initiative.Technique.OPTIMISATION,
        goals="Spara arbetstid.",
        lessons_learned="Verksamheten måste vara med från början.",
        tags=["schemaläggning"],
    )
    InitiativeFactory(title="Ett liknande initiativ", tags=["schemaläggning"])

    response = client.get(initiative.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Fakta" in html
    assert "Kalmar kommun (Kalmar län)" in html
    assert "Test/pilot" in html
    assert "Optimering och planering" in html
    assert "Mål och syfte" in html and "Spara arbetstid." in html
    assert "Lärdomar" in html
    assert "Teknik</h2>" not in html  # empty section is not shown
    assert 'href="/amnen/schemalaggning/"' in html
    assert "Ett liknande initiativ" in html
    assert "Senast uppdaterad" in html


def test_draft_detail_is_404(client, site_pages):
    initiative = InitiativeFactory(draft=True)
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_breadcrumbs_lead_back_to_list(client, site_pages):
    initiative = InitiativeFactory(title="Digitala tolken")

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert 'aria-label="Brödsmulor"' in html
    assert f'<a href="{reverse("initiatives:list")}">AI-initiativ</a>' in html
    assert '<span aria-current="page">Digitala tolken</span>' in html
