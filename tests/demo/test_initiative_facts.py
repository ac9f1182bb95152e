"""The demo initiatives' standard facts: only what the sources say, no note for editors in view."""

import datetime

import pytest
from django.test import Client

from initiatives.models import Initiative
from tests.demo.test_demo_content import load, remove_demo_content

pytestmark = pytest.mark.django_db

# Public text of an initiative: what its page, the feeds and the open data show.
PUBLIC_TEXT = (
    "title",
    "ingress",
    "body",
    *(field for field, _ in Initiative.SECTIONS),
    "purpose",
    "legal_basis",
    "human_oversight",
    "data_used",
    "period",
    "results",
    "contact",
    "other_sources",
)

# Notes about the sources that belong to the editors, not the visitors.
EDITORS_WORDING = ("Källan beskriver inte", "litteraturförteckning", "lagrade kopian")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load()
    yield
    with django_db_blocker.unblock():
        remove_demo_content()


def test_no_note_for_editors_is_public_text(demo):
    for initiative in Initiative.objects.all():
        for field in PUBLIC_TEXT:
            for wording in EDITORS_WORDING:
                assert wording not in getattr(initiative, field), (initiative.slug, field)


def test_the_note_about_the_source_lives_where_visitors_do_not_see_it(demo, site_pages):
    strangnas = Initiative.objects.get(municipality__name="Strängnäs")
    html = Client().get(strangnas.get_absolute_url()).content.decode()

    assert "vilka utmaningarna är" in strangnas.editor_note
    assert "vilka utmaningarna är" not in html
    for initiative in Initiative.objects.exclude(editor_note=""):
        page = Client().get(initiative.get_absolute_url()).content.decode()
        assert initiative.editor_note not in page


def test_no_fact_is_filled_that_no_source_gives(demo):
    initiatives = Initiative.objects.all()

    assert not initiatives.exclude(legal_basis="").exists()
    assert not initiatives.exclude(human_oversight="").exists()
    assert not initiatives.exclude(impact_assessment=Initiative.ImpactAssessment.UNKNOWN).exists()
    assert not initiatives.exclude(contact_email="").exists()
    assert not initiatives.exclude(contact_phone="").exists()
    # No municipality has confirmed anything to us.
    assert not initiatives.filter(confirmed_on__isnull=False).exists()
    # Only RiTA's article gives a start to the day; the others give a year or a month.
    assert dict(
        initiatives.filter(started_on__isnull=False).values_list("municipality__name", "started_on")
    ) == {"Uppsala": datetime.date(2023, 11, 6)}


def test_facts_the_articles_give_are_filled(demo):
    facts = {i.municipality.name: i for i in Initiative.objects.select_related("municipality")}
    Sourcing = Initiative.Sourcing

    assert facts["Helsingborg"].sourcing == Sourcing.BOUGHT
    assert facts["Kalmar"].sourcing == Sourcing.JOINT
    assert facts["Uppsala"].sourcing == Sourcing.JOINT
    assert facts["Vetlanda"].sourcing == Sourcing.JOINT
    assert facts["Värmdö"].sourcing == Sourcing.UNKNOWN  # the sentence is cut off
    assert facts["Linköping"].period == "november 2022 – oktober 2023"
    assert "inte" in facts["Linköping"].results and "vidare" in facts["Linköping"].results
    assert facts["Sundsvall"].data_used == "Strukturerade och ostrukturerade data"
    assert all(i.purpose for i in facts.values())


def test_a_demo_page_says_uppgift_saknas_and_lists_both_sources(demo, site_pages):
    kalmar = Initiative.objects.get(municipality__name="Kalmar")
    html = Client().get(kalmar.get_absolute_url()).content.decode()
    facts = html[html.index('<aside class="facts"') : html.index("</aside>")]

    assert "Tillsammans med andra" in facts
    assert "2023 – 31 juli 2024" in facts
    assert facts.count("Uppgift saknas") >= 5  # legal basis, DPIA, oversight, contact, ...
    # The source through the counted outbound address, the real one in the link's title.
    assert f'href="/ut/initiatives.initiative/{kalmar.pk}/source_url/"' in html
    assert f'title="{kalmar.source_url}"' in html
    assert 'href="https://www.digg.se/ai-for-socialtjansten"' in html  # the report
