"""The visitors' forms: Swedish errors with nothing lost, spam, cross-site posts, no cookies."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from contributions.models import Message, SenderContact
from initiatives.models import Initiative, Municipality
from tests.contributions.conftest import SAME_ORIGIN
from tests.editorial import make_staff

pytestmark = pytest.mark.django_db

PROPOSE = reverse("contributions:propose")


def report_url(initiative):
    return reverse("contributions:report_error", args=[initiative.slug])


def similar_url(initiative):
    return reverse("contributions:similar", args=[initiative.slug])


def strict():
    """A client that, like a browser, is held to the cross-site check."""
    return Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Mozilla/5.0 Firefox/130")


def error_summary(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', html)


# --- Validation ------------------------------------------------------------------------------


def test_a_proposal_with_errors_says_what_is_wrong_in_swedish_and_keeps_everything(
    client, proposal_data
):
    typed = {
        **proposal_data,
        "title": "",
        "phase": "",
        "email": "eva.exempel",
        "started_on": "1 mars",
        "body": "Vi började med en förstudie.\nSedan en pilot.",
    }
    response = client.post(PROPOSE, typed)

    assert response.status_code == 400
    errors = error_summary(response)
    assert "Initiativets namn: Skriv initiativets namn." in errors
    assert "Fas just nu: Välj vilken fas initiativet är i." in errors
    assert "Din e-post i tjänsten: Skriv en e-postadress som namn@kommun.se." in errors
    assert any("Skriv datumet som ÅÅÅÅ-MM-DD" in error for error in errors)
    html = response.content.decode()
    assert "<title>Fel: Berätta om ert AI-initiativ" in html
    # Nothing typed is lost, the wrong values included.
    assert 'value="eva.exempel"' in html
    assert 'value="1 mars"' in html
    assert "Vi började med en förstudie.\nSedan en pilot.</textarea>" in html
    assert 'value="Utvecklingsledare, Ankeby kommun"' in html
    assert '<option value="kopt" selected>' in html
    assert 'aria-invalid="true"' in html
    assert not Message.objects.exists()
    assert not Initiative.objects.exists()


def test_a_proposal_names_its_municipality_one_way(client, proposal_data, municipality):
    response = client.post(PROPOSE, {**proposal_data, "municipality": ""})
    assert "Kommun: Välj kommunen i listan, eller skriv dess namn om den inte finns där." in (
        error_summary(response)
    )
    response = client.post(PROPOSE, {**proposal_data, "new_municipality": "Bebyköping"})
    assert any("inte båda" in error for error in error_summary(response))
    response = client.post(
        PROPOSE, {**proposal_data, "municipality": "", "new_municipality": "Bebyköping"}
    )
    assert "Län (för en kommun som inte finns i listan): Välj vilket län kommunen ligger i." in (
        error_summary(response)
    )
    assert not Message.objects.exists()


def test_a_too_long_text_is_refused_with_its_length(client, initiative):
    response = client.post(report_url(initiative), {"text": "x" * 2001})
    assert response.status_code == 400
    assert (
        "Vad är fel eller har ändrats?: Meddelandet får vara högst 2\xa0000 tecken. Nu är det "
        "2\xa0001 tecken. Korta texten och skicka igen." in error_summary(response)
    )
    assert "\n" + "x" * 2001 + "</textarea>" in response.content.decode()


def test_an_error_report_needs_a_text_and_an_email_for_a_name(client, initiative):
    response = client.post(report_url(initiative), {"text": "", "name": "Eva"})
    errors = error_summary(response)
    assert "Vad är fel eller har ändrats?: Skriv ditt meddelande innan du skickar." in errors
    assert any(
        error.startswith("Din e-post i tjänsten: Skriv din e-post om du vill") for error in errors
    )
    assert 'value="Eva"' in response.content.decode()
    assert not Message.objects.exists()


def test_the_short_forms_are_only_for_published_initiatives(client, initiative):
    initiative.status = Initiative.Status.DRAFT
    initiative.save()
    assert client.get(report_url(initiative)).status_code == 404
    assert client.post(report_url(initiative), {"text": "Fel"}).status_code == 404
    assert not Message.objects.exists()


# --- Stored, redacted, notified --------------------------------------------------------------


def test_a_proposal_becomes_a_draft_linked_to_the_message_and_editors_are_told(
    client, proposal_data, municipality, editor, analyst
):
    response = client.post(PROPOSE, proposal_data)

    assert response.status_code == 303
    assert response["Location"] == reverse("contributions:propose_received")
    message = Message.objects.get()
    draft = message.initiative
    assert (message.kind, message.status) == (Message.Kind.PROPOSAL, Message.Status.NEW)
    assert draft.status == Initiative.Status.DRAFT and not draft.is_live
    assert draft.municipality == municipality
    assert draft.slug == "chattbot-for-forsorjningsstod"
    assert (draft.impact_assessment, draft.sourcing) == ("planerad", "kopt")
    assert draft.started_on.isoformat() == "2024-03-01"
    assert draft.contact_phone == "0480-45 00 00"  # a public fact, not the sender's data
    assert draft.confirmed_on is None  # the editors confirm with the municipality
    assert f"meddelande nr {message.pk}" in draft.editor_note
    assert message.contact.email == "eva.exempel@ankeby.se"
    assert message.contact.organisation == "Utvecklingsledare, Ankeby kommun"
    # Editors (not analysts) get an e-mail linking to the message in the admin.
    [email] = mail.outbox
    assert email.to == [editor.email]
    assert "Chattbot för försörjningsstöd" in email.body
    assert f"/admin/contributions/message/{message.pk}/change/" in email.body


def test_a_proposal_for_an_unlisted_municipality_waits_for_the_editor(client, proposal_data):
    data = {**proposal_data, "municipality": "", "new_municipality": "Bebyköping"}
    response = client.post(PROPOSE, {**data, "county": "kalmar"})

    assert response.status_code == 303
    message = Message.objects.get()
    assert message.awaits_municipality
    assert (message.municipality_name, message.county) == ("Bebyköping", "kalmar")
    assert message.proposal["title"] == "Chattbot för försörjningsstöd"
    assert not Municipality.objects.filter(name="Bebyköping").exists()
    assert not Initiative.objects.exists()


def test_a_typed_municipality_that_exists_is_the_listed_one(client, proposal_data, municipality):
    data = {**proposal_data, "municipality": "", "new_municipality": " ankeby "}
    assert client.post(PROPOSE, data).status_code == 303
    assert Message.objects.get().initiative.municipality == municipality


def test_an_error_report_is_redacted_and_keeps_no_contact_without_an_email(client, initiative):
    text = "Kontakten är fel. Ring 070-123 45 67 eller skriv till anna@ankeby.se, 19121212-1212."
    response = client.post(report_url(initiative), {"text": text})

    assert response.status_code == 303
    assert response["Location"] == reverse(
        "contributions:report_error_received", args=[initiative.slug]
    )
    message = Message.objects.get()
    assert message.kind == Message.Kind.ERROR and message.initiative == initiative
    assert message.text == (
        "Kontakten är fel. Ring [telefonnummer] eller skriv till [e-post], [personnummer]."
    )
    assert message.redacted
    assert not SenderContact.objects.exists()


def test_a_sender_who_wants_an_answer_leaves_a_contact_kept_apart(client, initiative):
    data = {
        "text": "Vi i Bebyköping testar också tolkning. Mejla mig på eva@bebykoping.se.",
        "name": "Eva Exempel",
        "organisation": "Socialchef, Bebyköpings kommun",
        "email": "eva@bebykoping.se",
        "phone": "070-123 45 67",
    }
    assert client.post(similar_url(initiative), data).status_code == 303

    message = Message.objects.get()
    assert message.kind == Message.Kind.SIMILAR
    # The text is redacted like any comment; the contact the sender chose to leave is kept
    # in its own row, whole, so the editors can answer.
    assert message.text == "Vi i Bebyköping testar också tolkning. Mejla mig på [e-post]."
    contact = message.contact
    assert (contact.name, contact.email, contact.phone) == (
        "Eva Exempel",
        "eva@bebykoping.se",
        "070-123 45 67",
    )


def test_the_redactor_runs_however_a_message_is_written(initiative):
    message = Message.objects.create(kind=Message.Kind.ERROR, text="Ring 070-123 45 67")
    assert message.text == "Ring [telefonnummer]"
    Message.objects.filter(pk=message.pk).update(text="Skriv till anna@ankeby.se")
    message.refresh_from_db()
    assert (message.text, message.redacted) == ("Skriv till [e-post]", True)


# --- Spam ------------------------------------------------------------------------------------


def test_the_honeypot_is_thanked_and_not_stored(client, initiative, proposal_data, editor):
    response = client.post(report_url(initiative), {"text": "Köp billigt", "website": "x"})
    assert response.status_code == 303
    response = client.post(PROPOSE, {**proposal_data, "website": "http://spam.example"})
    assert response.status_code == 303
    assert not Message.objects.exists() and not Initiative.objects.drafts().exists()
    assert not mail.outbox


def test_the_same_message_twice_is_stored_once(client, initiative, proposal_data):
    for _ in range(2):
        assert client.post(report_url(initiative), {"text": "Fel år"}).status_code == 303
        assert client.post(PROPOSE, proposal_data).status_code == 303
    assert Message.objects.filter(kind=Message.Kind.ERROR).count() == 1
    assert Message.objects.filter(kind=Message.Kind.PROPOSAL).count() == 1
    assert Initiative.objects.drafts().count() == 1


def test_the_rate_limit_holds_back_a_flood(client, initiative, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    for number in range(5):
        response = client.post(report_url(initiative), {"text": f"Fel nummer {number}"})
        assert response.status_code == 303
    assert Message.objects.count() == 3


# --- Cross-site posts and cookies ------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://elak.example"},
        {"HTTP_ORIGIN": "https://elak.example"},
        {"HTTP_REFERER": "https://elak.example/sida/"},
        {},
    ],
)
def test_a_cross_site_post_is_refused(initiative, proposal_data, headers):
    for url, data in [
        (PROPOSE, proposal_data),
        (report_url(initiative), {"text": "Fel"}),
        (similar_url(initiative), {"text": "Vi med"}),
    ]:
        response = strict().post(url, data, **headers)
        assert response.status_code == 403, (url, headers)
        assert "Formuläret kunde inte skickas" in response.content.decode()
    assert not Message.objects.exists()


def test_a_same_origin_post_passes_without_a_token(initiative, proposal_data):
    assert strict().post(PROPOSE, proposal_data, **SAME_ORIGIN).status_code == 303
    response = strict().post(report_url(initiative), {"text": "Fel"}, **SAME_ORIGIN)
    assert response.status_code == 303
    assert Message.objects.count() == 2


def test_no_form_sets_a_cookie(initiative, proposal_data):
    browser = strict()
    responses = [
        browser.get(PROPOSE),
        browser.post(PROPOSE, {**proposal_data, "title": ""}, **SAME_ORIGIN),
        browser.post(PROPOSE, proposal_data, **SAME_ORIGIN, follow=True),
        browser.get(report_url(initiative)),
        browser.post(report_url(initiative), {"text": ""}, **SAME_ORIGIN),
        browser.post(report_url(initiative), {"text": "Fel"}, **SAME_ORIGIN, follow=True),
        browser.post(similar_url(initiative), {"text": "Vi med"}, **SAME_ORIGIN, follow=True),
    ]
    for response in responses:
        assert response.status_code in (200, 400)
        assert not response.cookies, response.request["PATH_INFO"]
        for hop in getattr(response, "redirect_chain", []):
            assert hop[1] == 303
    assert not browser.cookies
    assert "csrfmiddlewaretoken" not in responses[0].content.decode()
    assert Message.objects.count() == 3


def test_the_forms_say_what_is_stored_and_for_how_long(client, initiative, settings):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 18
    for url in (PROPOSE, report_url(initiative)):
        html = client.get(url).content.decode()
        assert "Vad vi sparar och hur länge" in html
        assert "raderas automatiskt efter 18 månader" in html
        assert "inga cookies" in html


def test_the_receipt_says_what_happens_next(client):
    html = client.get(reverse("contributions:propose_received")).content.decode()
    assert "Vad händer nu?" in html
    assert "När initiativet är publicerat får du ett e-postmeddelande" in html
    assert "Senast bekräftad av kommunen" in html


def test_the_initiative_pages_lead_to_the_forms(client, initiative):
    detail = client.get(initiative.get_absolute_url()).content.decode()
    assert f'href="{report_url(initiative)}">Rapportera fel</a>' in detail
    assert f'href="{similar_url(initiative)}">Vi testar något liknande</a>' in detail
    listing = client.get(reverse("initiatives:list")).content.decode()
    assert f'href="{PROPOSE}">Berätta om ert AI-initiativ</a>' in listing


def test_editors_without_an_email_address_or_the_inbox_right_get_no_mail(
    client, initiative, staff_without_role
):
    make_staff("utan-epost", "Redaktör").__class__.objects.filter(username="utan-epost").update(
        email=""
    )
    client.post(report_url(initiative), {"text": "Fel"})
    assert Message.objects.count() == 1
    assert not mail.outbox
