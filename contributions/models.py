"""What visitors send the editors: proposed initiatives, error reports, "we test something similar".

Every message lands in the editors' inbox in the admin. Its free text is redacted like a
feedback comment (feedback/redaction.py) however the row is written. The sender's contact
details, when they leave them, live in a row of their own (`SenderContact`) so that they can
be deleted on the retention rule without touching the message; nothing else about the
sender (IP address, user agent, cookie) is stored.
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone

from feedback.models import RedactingQuerySet, RedactsFreeText
from initiatives.models import County, Initiative

TEXT_MAX_LENGTH = 2000


class MessageQuerySet(RedactingQuerySet):
    def new(self):
        return self.filter(status=Message.Status.NEW)

    def proposals(self):
        return self.filter(kind=Message.Kind.PROPOSAL)

    def older_than(self, cutoff: datetime.datetime):
        return self.filter(created_at__lt=cutoff)

    def awaiting_published_notice(self):
        """Proposals whose initiative visitors now see and whose sender has not been told."""
        return self.proposals().filter(
            published_notice_sent_at__isnull=True,
            contact__isnull=False,
            initiative__in=Initiative.objects.published(),
        )


class Message(RedactsFreeText, models.Model):
    """One message from a visitor to the editors."""

    REDACTED_FIELD = "text"

    class Kind(models.TextChoices):
        PROPOSAL = "forslag", "Nytt AI-initiativ"
        ERROR = "fel", "Rapporterat fel"
        SIMILAR = "liknande", "Vi testar något liknande"

    class Status(models.TextChoices):
        NEW = "ny", "Ny"
        HANDLED = "hanterad", "Hanterad"

    kind = models.CharField("typ", max_length=16, choices=Kind, db_index=True)
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="AI-initiativ",
        help_text="Initiativet meddelandet gäller; för ett förslag det utkast som skapades.",
    )
    text = models.TextField(
        "meddelande",
        blank=True,
        help_text="Personnummer, telefonnummer, e-post och adresser tas bort innan det sparas.",
    )
    redacted = models.BooleanField(
        "uppgifter borttagna",
        default=False,
        help_text="Meddelandet innehöll personnummer, telefonnummer, e-post eller en adress "
        "som togs bort.",
    )
    status = models.CharField(
        "status", max_length=16, choices=Status, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField("inkom", default=timezone.now, db_index=True)

    # A proposal for a municipality the site does not list yet: the editor adds it (and the
    # draft) only on accepting the proposal. Until then the proposed initiative waits here.
    municipality_name = models.CharField(
        "ny kommun",
        max_length=100,
        blank=True,
        help_text="Kommunen som avsändaren skrev in. Rätta namnet och länet om det behövs "
        "innan du skapar kommunen och utkastet.",
    )
    county = models.CharField("län", max_length=32, choices=County, blank=True)
    proposal = models.JSONField(
        "föreslaget initiativ",
        default=dict,
        blank=True,
        help_text="Uppgifterna om initiativet tills ett utkast har skapats.",
    )
    published_notice_sent_at = models.DateTimeField(
        "avsändaren meddelad om publiceringen", null=True, blank=True
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "inkommet meddelande"
        verbose_name_plural = "inkomna meddelanden"

    def __str__(self):
        about = f" om {self.initiative}" if self.initiative_id else ""
        return f"{self.get_kind_display()}{about} ({timezone.localtime(self.created_at):%Y-%m-%d})"

    def get_admin_url(self):
        return reverse("admin:contributions_message_change", args=[self.pk])

    @property
    def awaits_municipality(self) -> bool:
        """A proposal whose draft waits for the editor to add its municipality."""
        return (
            self.kind == self.Kind.PROPOSAL and self.initiative_id is None and bool(self.proposal)
        )


class SenderContact(models.Model):
    """How to reach the sender, kept apart from the message and deleted on the retention rule."""

    message = models.OneToOneField(
        Message, on_delete=models.CASCADE, related_name="contact", verbose_name="meddelande"
    )
    name = models.CharField("namn", max_length=150, blank=True)
    organisation = models.CharField("roll och organisation", max_length=200, blank=True)
    email = models.EmailField("e-post", max_length=254)
    phone = models.CharField("telefon", max_length=40, blank=True)

    class Meta:
        ordering = ["-message__created_at"]
        verbose_name = "avsändarens kontaktuppgifter"
        verbose_name_plural = "avsändarens kontaktuppgifter"

    def __str__(self):
        return self.name or self.email
