"""Version history: who and when, field-by-field comparison, restore."""

import pytest
from django.urls import reverse
from reversion.models import Version

from portal.models import Page
from tests.editorial import change_form_data, make_staff
from tests.factories import InitiativeFactory, MunicipalityFactory, PageFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def save_page_in_admin(client, page, **changes):
    response = client.post(
        reverse("admin:portal_page_change", args=[page.pk]),
        change_form_data(page, **changes),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return Version.objects.get_for_object(page).order_by("-pk").first()


@pytest.mark.usefixtures("without_four_eyes")
def test_each_admin_save_is_a_version_with_who_and_when(editor_client, editor):
    page = PageFactory(title="Första titeln")

    save_page_in_admin(editor_client, page, title="Andra titeln")
    version = save_page_in_admin(editor_client, page, title="Tredje titeln")

    versions = Version.objects.get_for_object(page)
    assert versions.count() == 2
    assert version.revision.user == editor
    assert version.revision.date_created is not None
    assert version.field_dict["title"] == "Tredje titeln"

    history = editor_client.get(reverse("admin:portal_page_history", args=[page.pk]))
    html = history.content.decode()
    assert "redaktor" in html
    assert "Jämför valda versioner" in html


def compare(client, page, old, new, **params):
    return client.get(
        reverse("admin:portal_page_compare", args=[page.pk]),
        {"old": old.pk, "new": new.pk, **params},
    )


@pytest.mark.usefixtures("without_four_eyes")
def test_compare_shows_swedish_labels_old_and_new_and_marks_changes(editor_client):
    page = PageFactory(title="Gammal rubrik", ingress="Samma ingress")
    old = save_page_in_admin(editor_client, page)
    new = save_page_in_admin(editor_client, page, title="Ny rubrik", status="draft")

    response = compare(editor_client, page, new, old)  # order does not matter

    html = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="col">Fält</th>' in html
    rows = {row.label: row for row in response.context["rows"]}
    assert rows["Rubrik"].old == "Gammal rubrik"
    assert rows["Rubrik"].new == "Ny rubrik"
    assert rows["Rubrik"].changed
    assert rows["Status"].old == "Publicerad" and rows["Status"].new == "Utkast"
    assert not rows["Ingress"].changed
    assert '<tr class="changed">' in html
    assert 'Rubrik <span class="change-flag">(ändrat)</span>' in html
    assert response.context["changed_count"] == 2

    only_changed = compare(editor_client, page, old, new, andrade="1")
    assert [row.label for row in only_changed.context["rows"]] == ["Rubrik", "Status"]


@pytest.mark.usefixtures("without_four_eyes")
def test_compare_includes_the_pages_questions(editor_client):
    page = PageFactory()
    question = QuestionFactory(page=page, question="Får vi?", answer="Ja.")
    old = save_page_in_admin(editor_client, page)
    question.answer = "Nej."
    question.save()
    new = save_page_in_admin(editor_client, page)

    rows = compare(editor_client, page, old, new).context["rows"]

    row = next(row for row in rows if row.label == "Fråga och svar: Får vi?")
    assert "Svar: Ja." in row.old and "Svar: Nej." in row.new


@pytest.mark.usefixtures("without_four_eyes")
def test_restore_brings_back_an_old_version_as_a_new_version(editor_client, editor, site_pages):
    page = PageFactory(title="Original", slug="original")
    QuestionFactory(page=page, question="Ursprunglig fråga?")
    original = save_page_in_admin(editor_client, page)
    QuestionFactory(page=page, question="Tillagd fråga?")
    save_page_in_admin(editor_client, page, title="Omskriven", slug="omskriven")

    response = editor_client.post(reverse("admin:portal_page_restore", args=[page.pk, original.pk]))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Original"
    assert [q.question for q in page.questions.all()] == ["Ursprunglig fråga?"]
    latest = Version.objects.get_for_object(page).order_by("-pk").first()
    assert latest.revision.user == editor
    assert latest.revision.get_comment().startswith("Återställd till versionen från")
    # The address the page had until the restore keeps working.
    assert editor_client.get("/omskriven/").status_code == 301
    assert editor_client.get("/omskriven/")["Location"] == "/original/"


def test_compare_page_offers_restore_with_csrf_protected_post(editor_client):
    page = PageFactory()
    old = save_page_in_admin(editor_client, page)
    new = save_page_in_admin(editor_client, page, title="Ändrad")
    html = compare(editor_client, page, old, new).content.decode()
    restore_url = reverse("admin:portal_page_restore", args=[page.pk, old.pk])
    assert f'action="{restore_url}"' in html
    assert "Återställ den här versionen" in html
    assert editor_client.get(restore_url).status_code == 405


@pytest.mark.usefixtures("without_four_eyes")
def test_staff_without_change_permission_cannot_restore(client, editor_client):
    page = PageFactory(title="Original")
    old = save_page_in_admin(editor_client, page)
    save_page_in_admin(editor_client, page, title="Ändrad")
    from django.contrib.auth.models import Permission

    viewer = make_staff("lasare")
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)

    assert compare(client, page, old, old).status_code == 200
    response = client.post(reverse("admin:portal_page_restore", args=[page.pk, old.pk]))
    assert response.status_code == 403
    assert Page.objects.get(pk=page.pk).title == "Ändrad"


def test_bad_version_choice_returns_to_history_with_a_message(editor_client):
    page = PageFactory()
    response = editor_client.get(
        reverse("admin:portal_page_compare", args=[page.pk]), {"old": "x", "new": "9999"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:portal_page_history", args=[page.pk])


def test_initiatives_municipalities_resources_and_categories_are_versioned(editor_client):
    from resources.models import Category

    municipality = MunicipalityFactory()
    initiative = InitiativeFactory(municipality=municipality)
    category = Category.objects.get(slug="etik")
    for name, obj in [
        ("initiatives_initiative", initiative),
        ("initiatives_municipality", municipality),
        ("resources_category", category),
    ]:
        form = editor_client.get(reverse(f"admin:{name}_change", args=[obj.pk]))
        assert form.status_code == 200
        history = editor_client.get(reverse(f"admin:{name}_history", args=[obj.pk]))
        assert history.status_code == 200
    import reversion

    for obj in (initiative, municipality, category):
        assert reversion.is_registered(type(obj))


# Answers per version in the history table: tests/feedback/test_versions.py.
