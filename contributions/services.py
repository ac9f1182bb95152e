"""Writes with side effects: spam checks in the shared cache, the database, e-mail to editors."""

import logging

import reversion
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils.text import slugify

from contributions.models import Message, SenderContact
from feedback import abuse
from initiatives.models import Initiative, Municipality
from publishing.models import Publishable

logger = logging.getLogger(__name__)

INBOX_PERMISSION = "contributions.change_message"


def _store_contact(message: Message, contact: dict | None) -> None:
    if contact and contact.get("email"):
        SenderContact.objects.create(
            message=message,
            name=contact.get("name", ""),
            organisation=contact.get("organisation", ""),
            email=contact["email"],
            phone=contact.get("phone", ""),
        )


def submit_message(
    *, kind: str, initiative: Initiative, text: str, contact: dict | None, client: str
) -> Message | None:
    """Store an error report or a "we test something similar"; None when it is held back.

    The contact is stored only when the sender left an e-mail address to be answered on.
    """
    email = (contact or {}).get("email", "")
    with abuse.admitted(client, "contribution", kind, initiative.pk, text, email) as fresh:
        if not fresh:
            return None
        with transaction.atomic():
            message = Message.objects.create(kind=kind, initiative=initiative, text=text)
            _store_contact(message, contact)
        return message


def submit_proposal(
    *,
    initiative_fields: dict,
    municipality: Municipality | None,
    new_municipality: str = "",
    county: str = "",
    text: str = "",
    contact: dict,
    client: str,
) -> Message | None:
    """Store a proposed initiative as a draft, linked to the sender's message.

    For a municipality the site does not list yet the draft waits: the editor adds the
    municipality (and with it the draft) on accepting the proposal (`create_draft`).
    """
    title = initiative_fields.get("title")
    with abuse.admitted(client, "contribution", "proposal", title, contact.get("email")) as fresh:
        if not fresh:
            return None
        with transaction.atomic():
            message = Message.objects.create(
                kind=Message.Kind.PROPOSAL,
                text=text,
                municipality_name="" if municipality else new_municipality,
                county="" if municipality else county,
                proposal=_as_json(initiative_fields),
            )
            _store_contact(message, contact)
            if municipality is not None:
                create_draft(message, municipality=municipality)
        return message


def _as_json(fields: dict) -> dict:
    return {
        name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for name, value in fields.items()
    }


def _from_json(data: dict) -> dict:
    return {name: Initiative._meta.get_field(name).to_python(value) for name, value in data.items()}


def unique_slug(model, text: str, max_length: int) -> str:
    base = (slugify(text)[: max_length - 4].strip("-")) or "initiativ"
    slug, number = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_draft(message: Message, *, municipality: Municipality, user=None) -> Initiative:
    """The proposed initiative as a draft in the admin, the first version in its history."""
    with reversion.create_revision():
        initiative = Initiative(
            **_from_json(message.proposal),
            municipality=municipality,
            status=Publishable.Status.DRAFT,
        )
        initiative.slug = unique_slug(Initiative, initiative.title, 200)
        # The way back to the sender's message, for the editors only.
        initiative.editor_note = (
            "Förslag från formuläret ”Berätta om ert AI-initiativ”: se Inkorg, inkommet "
            f"meddelande nr {message.pk}. Stäm av uppgifterna med kommunen och fyll i ”Senast "
            "bekräftad av kommunen” innan du publicerar."
        )
        initiative.save()
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(
            "Utkast från formuläret ”Berätta om ert AI-initiativ” "
            f"(inkommet meddelande nr {message.pk})."
        )
    message.initiative = initiative
    message.proposal = {}
    message.municipality_name = ""
    message.county = ""
    message.save(update_fields=["initiative", "proposal", "municipality_name", "county"])
    return initiative


class MunicipalityError(Exception):
    """Why a proposal's new municipality cannot be added; shown to the editor as it is."""


@transaction.atomic
def accept_new_municipality(message: Message, *, user) -> Initiative:
    """Add the municipality a proposal named (as the editor corrected it) and make the draft."""
    name = message.municipality_name.strip()
    if not message.awaits_municipality:
        raise MunicipalityError("Förslaget har redan ett utkast.")
    if not name or not message.county:
        raise MunicipalityError("Skriv kommunens namn och välj län innan du skapar utkastet.")
    municipality = Municipality.objects.filter(name__iexact=name).first()
    if municipality is None:
        with reversion.create_revision():
            municipality = Municipality.objects.create(
                name=name,
                slug=unique_slug(Municipality, name, 100),
                county=message.county,
            )
            reversion.set_user(user)
            reversion.set_comment(f"Tillagd från inkommet meddelande nr {message.pk}.")
    return create_draft(message, municipality=municipality, user=user)


# --- E-mail to the editors -------------------------------------------------------------------


def editors():
    """Active staff with an e-mail address who handle the inbox."""
    people = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return [person for person in people if person.has_perm(INBOX_PERMISSION)]


def send(subject: str, body: str, recipients) -> None:
    if not recipients:
        return
    try:
        send_mail(subject, body, None, list(recipients))
    except OSError:
        # The message is stored; the inbox lists it whatever the mail server did.
        logger.exception("Contribution e-mail could not be sent")


def notify_editors(request, message: Message) -> None:
    about = message.initiative.title if message.initiative_id else message.proposal.get("title", "")
    lines = [f"{message.get_kind_display()}: ”{about}”." if about else message.get_kind_display()]
    if message.awaits_municipality:
        lines += [
            "",
            f"Kommunen ({message.municipality_name}) finns inte på webbplatsen ännu. Lägg till "
            "den från meddelandet, så skapas utkastet.",
        ]
    elif message.kind == Message.Kind.PROPOSAL:
        lines += ["", "Förslaget finns som utkast bland AI-initiativen."]
    lines += ["", f"Läs meddelandet: {request.build_absolute_uri(message.get_admin_url())}"]
    send(
        f"Till redaktionens inkorg: {message.get_kind_display()}",
        "\n".join(lines),
        [person.email for person in editors()],
    )


def mark_handled(queryset) -> int:
    return queryset.filter(status=Message.Status.NEW).update(status=Message.Status.HANDLED)


# --- Retention -------------------------------------------------------------------------------


def purge_older_than(cutoff, *, dry_run: bool = False) -> tuple[int, int]:
    """Delete senders' contact details and messages' free text from before `cutoff`.

    The same rule as feedback comments (FEEDBACK_COMMENT_RETENTION_MONTHS): what may hold
    personal data goes, while the kind, initiative, date and status stay so the inbox still
    counts. Returns (contacts deleted, messages emptied).
    """
    old = Message.objects.older_than(cutoff)
    contacts = SenderContact.objects.filter(message__in=old)
    texts = old.exclude(text="", proposal={})
    if dry_run:
        return contacts.count(), texts.count()
    deleted, _ = contacts.delete()
    emptied = texts.update(text="", proposal={})
    return deleted, emptied
