import pytest
from django.urls import reverse

from tests.factories import InitiativeFactory, PageFactory, QuestionFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_home_shows_entry_points_and_latest_initiatives(client, site_pages):
    InitiativeFactory(title="Digitala tolken")
    InitiativeFactory(title="Hemligt utkast", draft=True)

    response = client.get(reverse("portal:home"))

    html = response.content.decode()
    assert response.status_code == 200
    for entry in ["Introduktion till AI", "AI-initiativ", "Stöd och verktyg", "Nätverk och forum"]:
        assert entry in html
    assert "Digitala tolken" in html
    assert "Hemligt utkast" not in html


def test_page_detail_renders_markdown_and_questions(client, site_pages):
    page = PageFactory(slug="webbinarium-test", body="## Om webbinariet\n\nText.")
    QuestionFactory(page=page, question="Får man använda AI?", answer="Ja, *under* villkor.")

    response = client.get(page.get_absolute_url())

    html = response.content.decode()
    assert "<h2>Om webbinariet</h2>" in html
    assert "Får man använda AI?" in html
    assert "<em>under</em>" in html


def test_draft_page_is_404(client, site_pages):
    page = PageFactory(slug="utkast", draft=True)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_unknown_address_gives_swedish_404(client, site_pages):
    response = client.get("/finns-inte/alls/")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()


def test_tag_page_lists_published_content_with_tag(client, site_pages):
    InitiativeFactory(title="Schemaläggning i Kalmar", tags=["schemaläggning"])
    ResourceFactory(title="Guide om schema", tags=["schemaläggning"])
    InitiativeFactory(title="Utkast om schema", tags=["schemaläggning"], draft=True)

    response = client.get(reverse("portal:tag", kwargs={"slug": "schemalaggning"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Schemaläggning i Kalmar" in html
    assert "Guide om schema" in html
    assert "Utkast om schema" not in html


def test_tag_used_only_by_drafts_is_404(client, site_pages):
    InitiativeFactory(tags=["hemligt"], draft=True)
    assert client.get(reverse("portal:tag", kwargs={"slug": "hemligt"})).status_code == 404


def test_tag_index_counts_only_published(client, site_pages):
    InitiativeFactory(tags=["etik"])
    ResourceFactory(tags=["etik"])
    InitiativeFactory(tags=["etik"], draft=True)

    response = client.get(reverse("portal:tag_list"))

    assert response.context["tags"].get(name="etik").initiative_count == 1
    assert "(2)" in response.content.decode()


def test_tag_page_shows_an_overview_and_links_to_the_full_lists(client, site_pages):
    from portal.views import TAG_PAGE_INITIATIVES, TAG_PAGE_RESOURCES

    for _ in range(TAG_PAGE_INITIATIVES + 1):
        InitiativeFactory(tags=["datakvalitet"])
    for _ in range(TAG_PAGE_RESOURCES + 2):
        ResourceFactory(tags=["datakvalitet"])

    response = client.get(reverse("portal:tag", kwargs={"slug": "datakvalitet"}))

    html = response.content.decode()
    assert len(response.context["initiatives"]) == TAG_PAGE_INITIATIVES
    assert len(response.context["resources"]) == TAG_PAGE_RESOURCES
    assert f"AI-initiativ ({TAG_PAGE_INITIATIVES + 1})" in html
    assert f'href="{reverse("initiatives:list")}?amne=datakvalitet"' in html
    assert f'href="{reverse("resources:list")}?amne=datakvalitet"' in html
