"""Two editors on one item: the later save, based on an outdated copy, is refused."""

import re

import pytest
import reversion
from django.test import Client
from django.urls import reverse

from publishing.roles import EDITOR
from tests.editorial import change_form_data, make_staff
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def opened_version(html: str) -> str:
    return re.search(r'name="_opened_version" value="([^"]*)"', html).group(1)


def signed_in(username):
    client = Client()
    client.force_login(make_staff(username, EDITOR))
    return client


@pytest.fixture
def anna():
    return signed_in("anna")


@pytest.fixture
def bertil():
    return signed_in("bertil")


def test_the_later_save_is_refused_and_keeps_everything_typed(anna, bertil):
    page = PageFactory(draft=True, title="Om AI", body="Första texten.")
    url = reverse("admin:portal_page_change", args=[page.pk])
    # Bertil saves once so the page has a version; both then open the form.
    bertil.post(url, change_form_data(page, _save_draft="1"))
    anna_token = opened_version(anna.get(url).content.decode())
    bertil_token = opened_version(bertil.get(url).content.decode())
    assert anna_token == bertil_token

    response = bertil.post(
        url,
        change_form_data(page, body="Bertils text.", _save_draft="1", _opened_version=bertil_token),
    )
    assert response.status_code == 302

    typed = "Annas text, skriven i en timme."
    response = anna.post(
        url,
        change_form_data(
            page,
            body=typed,
            title="Om AI i socialtjänsten",
            _save_draft="1",
            _opened_version=anna_token,
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Någon annan har sparat" in html
    assert "av bertil" in html
    # Everything Anna typed is still in the form.
    assert typed in html
    assert 'value="Om AI i socialtjänsten"' in html
    # A link compares the version Anna opened with Bertil's.
    old, new = anna_token.split(":")[0], opened_version(html).split(":")[0]
    assert old != new
    compare = reverse("admin:portal_page_compare", args=[page.pk]) + f"?old={old}&amp;new={new}"
    assert compare in html
    assert anna.get(compare.replace("&amp;", "&")).status_code == 200
    page.refresh_from_db()
    assert page.body == "Bertils text."

    # Saving again, after seeing the warning, is a deliberate choice and goes through.
    response = anna.post(
        url,
        change_form_data(page, body=typed, _save_draft="1", _opened_version=opened_version(html)),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == typed


def test_a_save_on_the_latest_version_goes_through(anna):
    page = PageFactory(draft=True)
    url = reverse("admin:portal_page_change", args=[page.pk])
    token = opened_version(anna.get(url).content.decode())

    response = anna.post(
        url, change_form_data(page, body="Ny text.", _save_draft="1", _opened_version=token)
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Ny text."


def test_a_conflicting_save_of_a_category_text_keeps_everything_typed(anna, bertil):
    from publishing.models import ReviewRequest
    from resources.models import Category
    from tests.editorial import category_form_data

    category = Category.objects.get(slug="juridik")
    category.body = "## Regler vid användning av AI\n\nDen godkända texten."
    with reversion.create_revision():  # as load_demo_content or a first admin save leaves it
        category.save()
    url = reverse("admin:resources_category_change", args=[category.pk])
    anna_token = opened_version(anna.get(url).content.decode())
    bertil_token = opened_version(bertil.get(url).content.decode())
    assert anna_token == bertil_token

    # Bertil's change goes to review first; visitors keep the approved text meanwhile.
    response = bertil.post(
        url,
        category_form_data(
            category, body="## Bertils text", _request_review="1", _opened_version=bertil_token
        ),
    )
    assert response.status_code == 302
    assert ReviewRequest.objects.pending().count() == 1

    typed_body = "## Förändringar inom lagstiftningen på gång\n\nAnnas text, skriven länge."
    typed_description = "Annas nya beskrivning av kategorin."
    response = anna.post(
        url,
        category_form_data(
            category,
            body=typed_body,
            description=typed_description,
            review_message="Annas fråga till granskaren.",
            _request_review="1",
            _opened_version=anna_token,
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Någon annan har sparat" in html and "av bertil" in html
    # Everything Anna typed is still in the form, the message to the reviewer too.
    assert typed_body in html
    assert typed_description in html
    assert "Annas fråga till granskaren." in html
    old, new = anna_token.split(":")[0], opened_version(html).split(":")[0]
    compare = reverse("admin:resources_category_compare", args=[category.pk])
    assert f"{compare}?old={old}&amp;new={new}" in html
    # Nothing of Anna's was saved or sent: one change waits, Bertil's.
    category.refresh_from_db()
    assert category.body == "## Regler vid användning av AI\n\nDen godkända texten."
    assert category.description != typed_description
    assert ReviewRequest.objects.pending().get().requested_by.username == "bertil"
