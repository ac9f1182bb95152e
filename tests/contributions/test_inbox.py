"""The editors' inbox in the admin, the draft a proposal becomes, and the sender's e-mail."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from contributions import services
from contributions.models import Message, SenderContact
from feedback.retention import months_ago
from initiatives.models import Initiative, Municipality
from publishing.roles import EDITOR
from tests.contributions.conftest import SAME_ORIGIN
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

INBOX = reverse("admin:contributions_message_changelist")


def proposal(client, data):
    response = client.post(reverse("contributions:propose"), data, **SAME_ORIGIN)
    assert response.status_code == 303
    return Message.objects.latest("pk")


# --- The inbox -------------------------------------------------------------------------------


def test_editors_hold_the_inbox_rights_through_their_role(editor, analyst):
    codenames = set(
        Group.objects.get(name=EDITOR)
        .permissions.filter(content_type__app_label="contributions")
        .values_list("codename", flat=True)
    )
    assert {"view_message", "change_message", "delete_message"} <= codenames
    assert "add_message" not in codenames  # messages come from visitors
    assert editor.has_perm("contributions.change_message")
    assert not analyst.has_perm("contributions.view_message")


def test_editors_read_and_filter_the_inbox(editor_client, initiative):
    other = InitiativeFactory(title="Schemaläggning")
    Message.objects.create(kind=Message.Kind.ERROR, initiative=initiative, text="Fel år")
    Message.objects.create(kind=Message.Kind.SIMILAR, initiative=other, text="Vi med")
    handled = Message.objects.create(
        kind=Message.Kind.ERROR, initiative=other, text="Gammalt", status=Message.Status.HANDLED
    )

    response = editor_client.get(INBOX)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Rapporterat fel",
        "Vi testar något liknande",
        "Digitala tolken",
        "Ny",
        "Hanterad",
    ):
        assert text in html
    assert list(response.context["cl"].queryset.order_by("pk")) == list(
        Message.objects.order_by("pk")
    )

    only_new_errors = editor_client.get(INBOX, {"status__exact": "ny", "kind__exact": "fel"})
    assert [m.text for m in only_new_errors.context["cl"].queryset] == ["Fel år"]
    about_other = editor_client.get(INBOX, {"initiative__id__exact": other.pk})
    assert {m.text for m in about_other.context["cl"].queryset} == {"Vi med", "Gammalt"}

    page = editor_client.get(reverse("admin:contributions_message_change", args=[handled.pk]))
    assert page.status_code == 200
    assert "Gammalt" in page.content.decode()


def test_an_editor_marks_messages_handled(editor_client, initiative):
    message = Message.objects.create(kind=Message.Kind.ERROR, initiative=initiative, text="Fel")
    response = editor_client.post(
        INBOX, {"action": "mark_handled", "_selected_action": [message.pk]}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.HANDLED


def test_nobody_adds_a_message_in_the_admin(admin_client_role):
    response = admin_client_role.get(reverse("admin:contributions_message_add"))
    assert response.status_code == 403


def test_the_senders_contact_shows_for_editors_only_in_the_inbox(editor_client, initiative):
    message = Message.objects.create(kind=Message.Kind.ERROR, initiative=initiative, text="Fel")
    SenderContact.objects.create(message=message, name="Eva", email="eva@ankeby.se")
    html = editor_client.get(
        reverse("admin:contributions_message_change", args=[message.pk])
    ).content.decode()
    assert "eva@ankeby.se" in html
    assert "eva@ankeby.se" not in editor_client.get(initiative.get_absolute_url()).content.decode()


# --- A proposal for a municipality the site does not list ------------------------------------


def test_the_editor_adds_the_municipality_and_the_draft_on_accepting(
    client, editor_client, proposal_data
):
    message = proposal(
        client,
        {**proposal_data, "municipality": "", "new_municipality": "Bebykoping", "county": "kalmar"},
    )
    url = reverse("admin:contributions_message_change", args=[message.pk])
    assert "Lägg till kommunen och skapa utkastet" in editor_client.get(url).content.decode()

    # The editor corrects the name before accepting.
    response = editor_client.post(
        url,
        {
            "status": "ny",
            "municipality_name": "Bebyköping",
            "county": "kalmar",
            "_create_draft": "1",
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "1",
            "contact-MIN_NUM_FORMS": "0",
            "contact-MAX_NUM_FORMS": "1",
            "contact-0-id": str(message.contact.pk),
            "contact-0-message": str(message.pk),
        },
    )

    message.refresh_from_db()
    draft = message.initiative
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:initiatives_initiative_change", args=[draft.pk])
    assert draft.municipality.name == "Bebyköping"
    assert draft.municipality.county == "kalmar"
    assert draft.status == Initiative.Status.DRAFT
    assert draft.title == "Chattbot för försörjningsstöd"
    assert draft.started_on == datetime.date(2024, 3, 1)
    assert not message.awaits_municipality and message.proposal == {}


def test_accepting_needs_a_name_and_a_county(proposal_data, client, editor):
    message = proposal(
        client,
        {**proposal_data, "municipality": "", "new_municipality": "Bebyköping", "county": "kalmar"},
    )
    message.county = ""
    message.save()
    with pytest.raises(services.MunicipalityError):
        services.accept_new_municipality(message, user=editor)
    assert not Municipality.objects.filter(name="Bebyköping").exists()


# --- The sender's e-mail when the initiative is published ------------------------------------


def test_the_sender_is_told_once_when_the_initiative_is_published(
    client, proposal_data, django_capture_on_commit_callbacks
):
    draft = proposal(client, proposal_data).initiative
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        draft.title = "Chattbot för försörjningsstöd i Ankeby"
        draft.save()  # still a draft: nothing to tell
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        draft.publish_now()
        draft.save()
    [email] = mail.outbox
    assert email.to == ["eva.exempel@ankeby.se"]
    assert "publicerat" in email.subject
    assert (
        "https://aisocialtjanst.digg.se/ai-initiativ/chattbot-for-forsorjningsstod/" in email.body
    )

    with django_capture_on_commit_callbacks(execute=True):
        draft.save()  # saved again while published
    assert call_command_output("notify_published_contributions").startswith("0 ")
    assert len(mail.outbox) == 1


def test_a_scheduled_publication_is_told_by_the_command(client, proposal_data):
    draft = proposal(client, proposal_data).initiative
    mail.outbox.clear()
    Initiative.objects.filter(pk=draft.pk).update(
        status=Initiative.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert call_command_output("notify_published_contributions").startswith("0 ")
    Initiative.objects.filter(pk=draft.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert call_command_output("notify_published_contributions").startswith("1 ")
    assert call_command_output("notify_published_contributions").startswith("0 ")
    assert [email.to for email in mail.outbox] == [["eva.exempel@ankeby.se"]]


def call_command_output(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


# --- Retention -------------------------------------------------------------------------------


def test_contacts_and_texts_are_purged_on_the_comments_retention_rule(settings, initiative):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 24
    cutoff = months_ago(timezone.now(), 24)
    old = Message.objects.create(
        kind=Message.Kind.ERROR,
        initiative=initiative,
        text="Gammalt fel",
        created_at=cutoff - datetime.timedelta(days=1),
    )
    SenderContact.objects.create(message=old, name="Eva", email="eva@ankeby.se")
    waiting = Message.objects.create(
        kind=Message.Kind.PROPOSAL,
        municipality_name="Bebyköping",
        county="kalmar",
        proposal={"title": "Gammalt förslag"},
        created_at=cutoff - datetime.timedelta(days=1),
    )
    recent = Message.objects.create(
        kind=Message.Kind.SIMILAR,
        initiative=initiative,
        text="Nytt",
        created_at=cutoff + datetime.timedelta(days=1),
    )
    SenderContact.objects.create(message=recent, name="Bo", email="bo@ankeby.se")

    assert "1 senders' contact details and 2 message texts" in call_command_output(
        "purge_old_contributions", "--dry-run"
    )
    assert SenderContact.objects.count() == 2

    output = call_command_output("purge_old_contributions")

    assert "1 senders' contact details and 2 message texts" in output
    old.refresh_from_db()
    waiting.refresh_from_db()
    recent.refresh_from_db()
    assert (old.text, old.kind, old.initiative) == ("", Message.Kind.ERROR, initiative)
    assert not hasattr(old, "contact") or not SenderContact.objects.filter(message=old).exists()
    assert waiting.proposal == {}
    assert recent.text == "Nytt" and recent.contact.email == "bo@ankeby.se"


def test_the_purge_follows_the_setting(settings, initiative):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 6
    message = Message.objects.create(
        kind=Message.Kind.ERROR,
        initiative=initiative,
        text="Sju månader",
        created_at=months_ago(timezone.now(), 7),
    )
    SenderContact.objects.create(message=message, email="eva@ankeby.se")
    call_command_output("purge_old_contributions")
    message.refresh_from_db()
    assert message.text == "" and not SenderContact.objects.exists()
