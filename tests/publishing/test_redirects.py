"""A changed slug never breaks a link: the old address answers 301 to the new one."""

import pytest

from publishing.models import Redirect
from resources.models import Category
from tests.factories import InitiativeFactory, PageFactory

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()


def test_renamed_initiative_redirects_permanently(client, site_pages):
    initiative = InitiativeFactory(slug="chattbot-i-vaxjo")
    rename(initiative, "chattbot-for-bistand")

    response = client.get("/ai-initiativ/chattbot-i-vaxjo/")

    assert response.status_code == 301
    assert response["Location"] == "/ai-initiativ/chattbot-for-bistand/"
    assert client.get(response["Location"]).status_code == 200


def test_renamed_page_and_category_redirect_with_query_kept(client, site_pages):
    page = PageFactory(slug="gammal-sida")
    rename(page, "ny-sida")
    category = Category.objects.get(slug="etik")
    rename(category, "etik-och-ansvar")

    assert client.get("/gammal-sida/")["Location"] == "/ny-sida/"
    response = client.get("/stod-och-verktyg/etik/", {"sida": "2"})
    assert response.status_code == 301
    assert response["Location"] == "/stod-och-verktyg/etik-och-ansvar/?sida=2"


def test_chains_collapse_into_one_hop(client, site_pages):
    initiative = InitiativeFactory(slug="a")
    rename(initiative, "b")
    rename(initiative, "c")

    for old in ("/ai-initiativ/a/", "/ai-initiativ/b/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/ai-initiativ/c/"


def test_renaming_back_removes_the_redirect_from_the_live_address(client, site_pages):
    initiative = InitiativeFactory(slug="forsta")
    rename(initiative, "andra")
    rename(initiative, "forsta")

    assert not Redirect.objects.filter(old_path="/ai-initiativ/forsta/").exists()
    assert client.get("/ai-initiativ/forsta/").status_code == 200
    assert client.get("/ai-initiativ/andra/")["Location"] == "/ai-initiativ/forsta/"


def test_live_content_at_an_old_address_wins(client, site_pages):
    initiative = InitiativeFactory(slug="gammal")
    rename(initiative, "ny")
    newcomer = InitiativeFactory(slug="gammal", title="Ett nytt initiativ")

    response = client.get("/ai-initiativ/gammal/")

    assert response.status_code == 200
    assert newcomer.title in response.content.decode()


def test_no_redirect_to_content_visitors_cannot_see(client, site_pages):
    initiative = InitiativeFactory(slug="synlig")
    rename(initiative, "dold")
    initiative.status = "draft"
    initiative.save()

    assert client.get("/ai-initiativ/synlig/").status_code == 404
    initiative.delete()
    assert client.get("/ai-initiativ/synlig/").status_code == 404


def test_unchanged_slug_records_nothing(site_pages):
    initiative = InitiativeFactory(slug="samma")
    initiative.title = "Ny rubrik"
    initiative.save()
    assert not Redirect.objects.exists()
