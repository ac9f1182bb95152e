"""Municipalities propose an initiative and visitors report errors, in a real browser.

The proposal is sent with JavaScript off (a plain form POST), goes through the receipt
page to the editors' inbox, becomes a draft that one editor completes and another approves
(four-eyes publishing), and its sender gets the "published" e-mail. An error report from
an initiative page reaches the inbox too.
"""

import pytest
from django.core import mail

from contributions.models import Message
from initiatives.models import Initiative
from publishing.models import ReviewRequest
from publishing.roles import EDITOR
from tests.browser.test_editors import assert_axe_passes
from tests.editorial import PASSWORD, make_staff
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def roles(transactional_db):
    """The roles a migration creates and a flush removes, with the rights `migrate` gives."""
    from django.contrib.auth.models import Group

    from publishing.roles import ADMINISTRATOR, sync_roles

    for name in (EDITOR, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)
    sync_roles()


def signed_in(browser, live_server, username):
    make_staff(username, EDITOR)
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def open_inbox(editor, live_server):
    editor.goto(f"{live_server.url}/admin/")
    editor.get_by_role("link", name="Inkomna meddelanden").first.click()
    editor.wait_for_load_state("load")


def test_a_proposal_goes_from_the_public_form_to_a_published_initiative(
    browser, live_server, page_without_js, site_pages, roles
):
    MunicipalityFactory(name="Ankeby", slug="ankeby")
    anna = signed_in(browser, live_server, "anna")
    bertil = signed_in(browser, live_server, "bertil")
    visitor = page_without_js
    visitor.goto(f"{live_server.url}/ai-initiativ/")
    visitor.get_by_role("link", name="Berätta om ert AI-initiativ").click()
    visitor.wait_for_load_state("load")
    assert visitor.get_by_role("heading", level=1, name="Berätta om ert AI-initiativ").is_visible()

    visitor.get_by_label("Initiativets namn").fill("Chattbot för försörjningsstöd")
    visitor.get_by_label("Kommun", exact=True).select_option(label="Ankeby")
    visitor.get_by_label("Verksamhetsområde").select_option(
        label="Ekonomiskt bistånd och arbetsmarknad"
    )
    visitor.get_by_label("AI-teknik eller förmåga").select_option(label="Chattbot")
    visitor.get_by_label("Kort sammanfattning").fill("En chattbot svarar på frågor om ansökan.")
    visitor.get_by_label("Syfte").fill("Kortare väntetider för den som söker.")
    visitor.get_by_label("Har ni gjort en konsekvensbedömning avseende dataskydd?").select_option(
        label="Planerad"
    )
    visitor.get_by_label("Startdatum").fill("2024-03-01")
    visitor.get_by_label("Ditt namn").fill("Eva Exempel")
    visitor.get_by_label("Din roll och organisation").fill("Utvecklingsledare, Ankeby kommun")
    visitor.get_by_label("Din e-post i tjänsten").fill("eva.exempel@ankeby.se")
    # The phase is forgotten: the form comes back in Swedish with everything typed.
    visitor.get_by_role("button", name="Skicka till redaktionen").click()
    visitor.wait_for_load_state("load")
    summary = visitor.locator("#fel")
    assert summary.get_by_role(
        "link", name="Fas just nu: Välj vilken fas initiativet är i."
    ).is_visible()
    assert (
        visitor.get_by_label("Initiativets namn").input_value() == "Chattbot för försörjningsstöd"
    )
    assert visitor.get_by_label("Startdatum").input_value() == "2024-03-01"
    assert visitor.get_by_label("Din e-post i tjänsten").input_value() == "eva.exempel@ankeby.se"
    assert not Message.objects.exists()

    visitor.get_by_label("Fas just nu").select_option(label="Test/pilot")
    visitor.get_by_role("button", name="Skicka till redaktionen").click()
    visitor.wait_for_load_state("load")
    assert visitor.url == f"{live_server.url}/beratta-om-ert-ai-initiativ/tack/"
    assert visitor.get_by_role("heading", name="Vad händer nu?").is_visible()
    assert visitor.context.cookies() == []  # form, error page and receipt set none
    message = Message.objects.get()
    assert message.initiative.status == Initiative.Status.DRAFT
    assert "eva.exempel@ankeby.se" not in [to for email in mail.outbox for to in email.to]

    assert any("Chattbot för försörjningsstöd" in email.body for email in mail.outbox)

    # Anna finds the proposal in the inbox, completes the draft and sends it for review.
    open_inbox(anna, live_server)
    assert_axe_passes(anna, "inbox")
    anna.locator("#result_list").get_by_role("link", name="Nytt AI-initiativ").click()
    anna.wait_for_load_state("load")
    assert anna.get_by_text("Utvecklingsledare, Ankeby kommun").is_visible()
    anna.get_by_role("link", name="Chattbot för försörjningsstöd").click()
    anna.wait_for_load_state("load")
    anna.locator("#id_lessons_learned").fill("Börja med de vanligaste frågorna.")
    anna.locator("#id_confirmed_on").fill("2026-11-30")
    anna.get_by_role("button", name="Skicka för granskning").click()
    anna.wait_for_load_state("load")
    assert "Skickat för granskning" in anna.content(), anna.locator("#content").inner_text()[:1500]
    assert not Initiative.objects.published().exists()

    # Bertil approves: the initiative is public and the sender gets her e-mail.
    bertil.goto(f"{live_server.url}/admin/")
    bertil.get_by_role("link", name="Chattbot för försörjningsstöd").click()
    bertil.wait_for_load_state("load")
    bertil.get_by_role("button", name="Godkänn och publicera").click()
    bertil.wait_for_load_state("load")
    assert ReviewRequest.objects.get().decided_by.username == "bertil"

    initiative = Initiative.objects.published().get()
    visitor.goto(f"{live_server.url}{initiative.get_absolute_url()}")
    assert visitor.get_by_role(
        "heading", level=1, name="Chattbot för försörjningsstöd"
    ).is_visible()
    told = [email for email in mail.outbox if email.to == ["eva.exempel@ankeby.se"]]
    assert len(told) == 1
    assert initiative.get_absolute_url() in told[0].body
    for person in (anna, bertil):
        person.context.close()


def test_an_error_report_from_an_initiative_page_reaches_the_inbox(
    browser, live_server, page, site_pages, roles
):
    initiative = InitiativeFactory(title="Digitala tolken", slug="digitala-tolken")
    page.goto(f"{live_server.url}{initiative.get_absolute_url()}")
    page.get_by_role("link", name="Rapportera fel").click()
    page.wait_for_load_state("load")
    assert_axe_passes(page, "error report form")
    page.get_by_label("Vad är fel eller har ändrats?").fill(
        "Piloten avslutades 2024. Ring mig på 070-123 45 67."
    )
    page.get_by_role("button", name="Skicka felrapporten").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1, name="Tack för ditt meddelande").is_visible()
    assert page.context.cookies() == []

    editor = signed_in(browser, live_server, "anna")
    open_inbox(editor, live_server)
    row = editor.locator("#result_list tbody tr").first
    assert "Rapporterat fel" in row.inner_text()
    assert "Digitala tolken" in row.inner_text()
    assert "Ny" in row.inner_text()
    row.get_by_role("link", name="Rapporterat fel").click()
    editor.wait_for_load_state("load")
    assert editor.get_by_text("Piloten avslutades 2024. Ring mig på [telefonnummer].").is_visible()
    assert_axe_passes(editor, "message in the inbox")
    editor.context.close()
