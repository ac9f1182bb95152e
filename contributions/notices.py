"""The sender's e-mail when the initiative they proposed is published: once, never twice.

Sent when a save makes the initiative visible (after the transaction commits, so a change
sent for review and put back in the same transaction sends nothing) and by
`manage.py notify_published_contributions` for what became visible without a save: a
scheduled publication whose time came, or the list action "Publicera markerade nu", which
writes with QuerySet.update().
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from contributions.models import Message
from contributions.services import send


def initiative_saved(sender, instance, raw=False, **kwargs):
    """post_save receiver for Initiative (connected in ContributionsConfig.ready)."""
    if raw or not instance.is_live:
        return
    pk = instance.pk
    transaction.on_commit(lambda: send_published_notices(initiative_ids=[pk]))


def send_published_notices(*, initiative_ids=None) -> int:
    """Tell each waiting sender that their initiative is published; the number told."""
    waiting = Message.objects.awaiting_published_notice().select_related("initiative", "contact")
    if initiative_ids is not None:
        waiting = waiting.filter(initiative_id__in=initiative_ids)
    sent = 0
    for message in waiting:
        # Claimed first with one conditional UPDATE: two processes cannot both send it.
        claimed = Message.objects.filter(
            pk=message.pk, published_notice_sent_at__isnull=True
        ).update(published_notice_sent_at=timezone.now())
        if not claimed:
            continue
        initiative = message.initiative
        url = settings.SITE_URL.rstrip("/") + initiative.get_absolute_url()
        greeting = f"Hej {message.contact.name}!" if message.contact.name else "Hej!"
        body = "\n".join(
            [
                greeting,
                "",
                f"Tack för att ni berättade om ”{initiative.title}”. Nu är initiativet "
                "publicerat på AI för socialtjänsten:",
                url,
                "",
                "Ser ni något som behöver rättas, eller har något ändrats? Använd "
                "”Rapportera fel” på initiativets sida, så uppdaterar vi det.",
                "",
                "Vänliga hälsningar",
                "Redaktionen för AI för socialtjänsten",
            ]
        )
        send(f"Ert AI-initiativ är publicerat: ”{initiative.title}”", body, [message.contact.email])
        sent += 1
    return sent
