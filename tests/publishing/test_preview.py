"""Preview: editors see drafts at their real address; nobody else does; never cached."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from resources.models import Category
from tests.editorial import make_staff
from tests.factories import InitiativeFactory, PageFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def draft_initiative():
    return InitiativeFactory(title="Hemligt utkast", draft=True)


def draft_page():
    return PageFactory(title="Hemlig sida", draft=True)


def draft_resource():
    return ResourceFactory(title="Hemligt stöd", draft=True)


DRAFTS = [draft_initiative, draft_page, draft_resource]


def address(obj):
    return obj.get_absolute_url().split("#")[0]


@pytest.mark.parametrize("make", DRAFTS)
def test_editor_previews_a_draft_at_its_real_address(editor_client, site_pages, make):
    obj = make()

    response = editor_client.get(address(obj), {"preview": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert obj.title in html
    assert '<div class="preview-banner" role="status">' in html
    assert "Förhandsgranskning" in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("make", [draft_initiative, draft_page])
def test_visitors_get_404_for_drafts_even_with_preview(client, site_pages, make):
    obj = make()
    assert client.get(address(obj)).status_code == 404
    assert client.get(address(obj), {"preview": "1"}).status_code == 404


def test_previewed_category_marks_the_resources_visitors_cannot_see(editor_client, site_pages):
    resource = draft_resource()
    live = ResourceFactory(title="Publicerat stöd")
    html = editor_client.get(address(resource), {"preview": "1"}).content.decode()
    assert "Syns inte för besökare: Utkast" in html
    assert html.count("Syns inte för besökare") == 1
    assert live.title in html


def test_visitors_do_not_see_draft_resources_on_the_category_page(client, site_pages):
    resource = draft_resource()
    html = client.get(address(resource), {"preview": "1"}).content.decode()
    assert resource.title not in html
    assert "Förhandsgranskning" not in html


@pytest.mark.parametrize("make", [draft_initiative, draft_page])
def test_staff_without_change_permission_get_404(client, site_pages, make):
    obj = make()
    viewer = make_staff("lasare")
    viewer.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    client.force_login(viewer)
    assert client.get(address(obj), {"preview": "1"}).status_code == 404


@pytest.mark.parametrize("make", [draft_initiative, draft_page])
def test_editor_without_the_parameter_sees_the_public_site(editor_client, site_pages, make):
    obj = make()
    assert editor_client.get(address(obj)).status_code == 404


def test_published_page_is_not_marked_private_for_visitors(client, site_pages):
    page = PageFactory()
    response = client.get(page.get_absolute_url())
    assert "Förhandsgranskning" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


def test_preview_renders_the_same_template_as_the_public_page(editor_client, site_pages):
    initiative = draft_initiative()
    response = editor_client.get(initiative.get_absolute_url(), {"preview": "1"})
    assert response.templates[0].name == "initiatives/initiative_detail.html"
    assert "Besökare ser inte sidan ännu." in response.content.decode()
    change_url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    assert f'href="{change_url}"' in response.content.decode()


def test_admin_links_to_preview_from_form_and_list(editor_client):
    page = draft_page()
    preview = f"{page.get_absolute_url()}?preview=1"

    form = editor_client.get(reverse("admin:portal_page_change", args=[page.pk]))
    listing = editor_client.get(reverse("admin:portal_page_changelist"))

    assert f'href="{preview}"' in form.content.decode()
    assert "Förhandsgranska" in form.content.decode()
    assert f'href="{preview}"' in listing.content.decode()


def test_resource_preview_link_keeps_its_anchor_last(editor_client):
    resource = draft_resource()
    html = editor_client.get(reverse("admin:resources_resource_changelist")).content.decode()
    category = Category.objects.get(slug="juridik")
    assert f'href="{category.get_absolute_url()}?preview=1#resurs-{resource.pk}"' in html
