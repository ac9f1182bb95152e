"""Site-wide guards: every page type renders with one <h1>, a skip link and Swedish errors."""

import re
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import InitiativeFactory, QuestionFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(site_pages):
    initiative = InitiativeFactory(tags=["språkmodell"])
    ResourceFactory(tags=["språkmodell"])
    QuestionFactory(page=site_pages["webbinarium"])
    return [
        reverse("portal:home"),
        reverse("initiatives:list"),
        initiative.get_absolute_url(),
        reverse("resources:category_list"),
        reverse("resources:category", kwargs={"slug": "juridik"}),
        reverse("portal:tag_list"),
        reverse("portal:tag", kwargs={"slug": "sprakmodell"}),
        *[page.get_absolute_url() for page in site_pages.values()],
    ]


def test_every_page_type_has_one_h1_skip_link_and_swedish_lang(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="sv">' in html, url
        assert 'href="#innehall"' in html and 'id="innehall"' in html, url
        assert "Tillgänglighetsredogörelse" in html, url  # footer link, required by law


def test_404_page_has_one_h1(client, site_pages):
    html = client.get("/ingen-sadan-sida/").content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_server_error_shows_swedish_page_without_traceback(client, site_pages):
    client.raise_request_exception = False
    with mock.patch(
        "initiatives.models.InitiativeQuerySet.published", side_effect=RuntimeError("boom")
    ):
        response = client.get(reverse("portal:home"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel" in html
    assert "Traceback" not in html and "boom" not in html


def test_menu_marks_current_section(client, site_pages):
    initiative = InitiativeFactory()

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert f'href="{reverse("initiatives:list")}" aria-current="true"' in html


def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:initiatives_initiative_changelist",
        "admin:initiatives_initiative_add",
        "admin:initiatives_municipality_changelist",
        "admin:resources_resource_changelist",
        "admin:resources_resource_add",
        "admin:resources_category_changelist",
        "admin:portal_page_changelist",
        "admin:portal_page_add",
    ],
)
def test_admin_pages_render_for_staff(admin_client, url_name):
    InitiativeFactory(tags=["etik"])
    ResourceFactory()
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_admin_saves_initiative_with_tags(admin_client):
    from initiatives.models import Initiative
    from tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory()
    response = admin_client.post(
        reverse("admin:initiatives_initiative_add"),
        {
            "title": "AI i mobilen kan spara tid för socialsekreterare",
            "slug": "ai-i-mobilen",
            "municipality": municipality.pk,
            "ingress": "Ett verktyg för journalanteckningar.",
            "body": "",
            "tags": "dokumentation, språkmodell",
            "area": Initiative.Area.INDIVIDUAL_FAMILY,
            "phase": Initiative.Phase.EXPLORING,
            "technique": Initiative.Technique.LANGUAGE_MODEL,
            "impact_assessment": Initiative.ImpactAssessment.UNKNOWN,
            "sourcing": Initiative.Sourcing.UNKNOWN,
            "status": "published",
            "published_at_0": "2024-01-16",
            "published_at_1": "10:00:00",
            # The phase-change inline's management form.
            "phase_changes-TOTAL_FORMS": "0",
            "phase_changes-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    initiative = Initiative.objects.get(slug="ai-i-mobilen")
    assert sorted(initiative.tags.names()) == ["dokumentation", "språkmodell"]


def test_favicon_is_served_not_a_404(client, settings):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    icon = (Path(settings.BASE_DIR) / "static" / "favicon.ico").read_bytes()
    assert icon[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert b"PNG" in icon[:64]


def test_each_page_marks_its_own_menu_link_when_the_menu_is_remembered(client, site_pages):
    initiative = InitiativeFactory()
    listing = reverse("initiatives:list")
    support = reverse("resources:category_list")

    # The same generation throughout: the menu is rendered once per set of marks.
    pages = [listing, support, initiative.get_absolute_url(), "/", listing]
    htmls = [client.get(path).content.decode() for path in pages]

    assert f'href="{listing}" aria-current="page"' in htmls[0]
    assert f'href="{support}" aria-current="page"' in htmls[1]
    assert f'href="{listing}" aria-current="page"' not in htmls[1]
    assert f'href="{listing}" aria-current="true"' in htmls[2]
    assert "aria-current" not in htmls[3].split('aria-label="Brödsmulor"')[0].split("<main")[0]
    assert htmls[4] == htmls[0]
