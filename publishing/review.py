"""Four-eyes publishing: nobody publishes their own change alone.

On by default; `FOUR_EYES_PUBLISHING = False` turns it off. While it is on, a save in the
admin that would change what visitors see (publish a draft, schedule it, or change content
that is already published) does not reach visitors: it is sent for review. Someone else
with the right to publish then approves it, publishing now or at the scheduled time, or
sends it back with a comment. Drafts are saved freely.

The change is a version in the content's history (django-reversion). For content visitors
already see, the row is put back to the published version right after the change is saved
(in the same transaction, so visitors never see the unapproved text), and approval brings
the change back. The history therefore shows who wrote the change, who approved it and when.

"Publicera nu" and the list action publish directly only for someone who did not write the
latest change and changes nothing while doing it; otherwise they go through review too.
"""

import logging
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version

from publishing.models import Publishable, ReviewRequest
from publishing.services import revert_to
from publishing.versions import current_version_id

logger = logging.getLogger(__name__)

BASELINE_COMMENT = "Den publicerade versionen, sparad innan den första ändringen i redaktionen."


class ReviewError(Exception):
    """A decision that cannot be made; the message is shown to the editor as it is."""


def four_eyes_on() -> bool:
    return getattr(settings, "FOUR_EYES_PUBLISHING", True)


def publish_permission(model) -> str:
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y H:i")


def display_name(user) -> str:
    """A person as the history and e-mail name them: full name, else username."""
    return user.get_full_name() or user.get_username() if user else "okänd användare"


def last_author(obj):
    """Who saved the latest version of `obj`; None when nobody did in the admin."""
    if obj.pk is None:
        return None
    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    return version.revision.user if version else None


def may_publish_directly(user, obj) -> bool:
    """Whether `user` is the second pair of eyes for the content as it is stored."""
    author = last_author(obj)
    return author is None or author.pk != user.pk


def pending_for(obj) -> ReviewRequest | None:
    if obj is None or obj.pk is None:
        return None
    return ReviewRequest.objects.for_object(obj).pending().select_related("requested_by").first()


def ensure_baseline(obj) -> None:
    """Record the published row as a version when it has none (created outside the admin),

    so a change sent for review can be undone back to exactly what visitors see.
    """
    if obj.status == Publishable.Status.PUBLISHED and current_version_id(obj) is None:
        with reversion.create_revision():
            reversion.add_to_revision(obj)
            reversion.set_comment(BASELINE_COMMENT)


@dataclass
class Submission:
    """What a save in the admin asks for, decided before the row is written."""

    obj: Publishable
    was_public: bool
    publish_at: object  # a datetime, or None: as soon as it is approved
    direct: bool = False  # a second person publishing someone else's change
    author: object = None  # for a direct publication: who wrote the change


def finish_submission(request, submission: Submission) -> ReviewRequest | None:
    """After the admin has saved: keep visitors' version and file the request (or approve)."""
    obj = submission.obj
    user = request.user
    if submission.direct:
        for pending in ReviewRequest.objects.for_object(obj).pending():
            close_request(pending, ReviewRequest.Status.APPROVED, user)
            notify_author(request, pending)
        return None
    versions = list(Version.objects.get_for_object(obj)[:2])
    proposed = versions[0]
    published = None
    if submission.was_public and len(versions) > 1:
        published = versions[1]
        with reversion.create_revision():
            restored = revert_to(obj, published)
            restored.save()
            reversion.set_user(user)
            reversion.set_comment(
                "Ändringen väntar på granskning; besökarna ser den publicerade versionen "
                "tills den godkänns."
            )
    for earlier in ReviewRequest.objects.for_object(obj).pending():
        close_request(earlier, ReviewRequest.Status.REPLACED, None)
    review = ReviewRequest.objects.create(
        target=obj,
        object_repr=str(obj)[:300],
        requested_by=user,
        message=request.POST.get("review_message", "").strip(),
        publish_at=submission.publish_at,
        proposed_version=proposed,
        published_version=published,
        latest_version_id=current_version_id(obj),
    )
    notify_reviewers(request, review)
    return review


def close_request(review, status, user, comment=""):
    """Record the decision on `review` (approved, sent back or replaced) and who made it."""
    review.status = status
    review.decided_by = user
    review.decided_at = timezone.now()
    review.decision_comment = comment
    review.save()


def _locked(review: ReviewRequest) -> ReviewRequest:
    """The request read again under a row lock: two reviewers cannot both decide it."""
    return (
        ReviewRequest.objects.select_for_update().select_related("requested_by").get(pk=review.pk)
    )


def check_reviewer(review: ReviewRequest, user) -> Publishable:
    """The content to decide on, or a ReviewError saying why `user` may not."""
    if not review.is_pending:
        raise ReviewError("Ändringen är redan granskad.")
    if review.requested_by_id == user.pk:
        raise ReviewError("Du kan inte granska din egen ändring. Någon annan måste göra det.")
    obj = review.target
    if obj is None:
        raise ReviewError("Innehållet finns inte längre.")
    if not user.has_perm(publish_permission(type(obj))):
        raise ReviewError("Du har inte behörighet att publicera det här innehållet.")
    return obj


@transaction.atomic
def approve(request, review: ReviewRequest) -> Publishable:
    """Publish the change, now or at the time it was scheduled for."""
    user = request.user
    review = _locked(review)
    obj = check_reviewer(review, user)
    if current_version_id(obj) != review.latest_version_id:
        raise ReviewError(
            "Innehållet har sparats igen efter att ändringen skickades för granskning. "
            "Skicka tillbaka den, så kan skribenten skicka den senaste versionen."
        )
    now = timezone.now()
    with reversion.create_revision():
        if review.published_version_id and review.proposed_version is not None:
            obj = revert_to(obj, review.proposed_version)
        if review.publish_at and review.publish_at > now:
            obj.status = Publishable.Status.PUBLISHED
            obj.published_at = review.publish_at
            if obj.unpublish_at is not None and obj.unpublish_at <= obj.published_at:
                obj.unpublish_at = None
            when = f"publiceras {_when(review.publish_at)}"
        else:
            obj.publish_now(now)
            when = "publicerad direkt"
        obj.save()
        reversion.set_user(user)
        reversion.set_comment(
            f"Godkänd av {display_name(user)} {_when(now)} och {when}. Ändringen skrevs av "
            f"{display_name(review.requested_by)} och skickades för granskning "
            f"{_when(review.requested_at)}."
        )
    close_request(review, ReviewRequest.Status.APPROVED, user)
    notify_author(request, review)
    return obj


@transaction.atomic
def send_back(request, review: ReviewRequest, comment: str) -> None:
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError("Skriv en kommentar som säger vad som behöver ändras.")
    review = _locked(review)
    check_reviewer(review, request.user)
    close_request(review, ReviewRequest.Status.RETURNED, request.user, comment)
    notify_author(request, review)


# --- E-mail ----------------------------------------------------------------------------------


def reviewers_for(review: ReviewRequest):
    """Active staff, other than the author, who may publish this kind of content."""
    model = review.content_type.model_class()
    permission = publish_permission(model)
    people = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(pk=review.requested_by_id)
    )
    return [person for person in people.exclude(email="") if person.has_perm(permission)]


def review_url(request, review) -> str:
    return request.build_absolute_uri(
        reverse("admin:publishing_reviewrequest_change", args=[review.pk])
    )


def _send(subject, body, recipients) -> None:
    if not recipients:
        return
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        # The decision is made and saved; a mail server that does not answer must not
        # undo it. The admin start page lists what waits, whatever the mail did.
        logger.exception("Review e-mail could not be sent")


def notify_reviewers(request, review: ReviewRequest) -> None:
    lines = [
        f"{display_name(review.requested_by)} har skickat en ändring av ”{review.object_repr}” för "
        "granskning.",
        "",
        f"Publiceras: {_when(review.publish_at) if review.publish_at else 'så snart den godkänns'}",
    ]
    if review.message:
        lines += ["", "Meddelande:", review.message]
    lines += ["", f"Granska ändringen: {review_url(request, review)}"]
    _send(
        f"Att granska: ”{review.object_repr}”",
        "\n".join(lines),
        [person.email for person in reviewers_for(review)],
    )


def notify_author(request, review: ReviewRequest) -> None:
    author = review.requested_by
    if not author.email:
        return
    decided = "godkänd" if review.status == ReviewRequest.Status.APPROVED else "skickad tillbaka"
    lines = [
        f"Din ändring av ”{review.object_repr}” är {decided} av {display_name(review.decided_by)}."
    ]
    if review.decision_comment:
        lines += ["", "Kommentar:", review.decision_comment]
    lines += ["", f"Se ändringen: {review_url(request, review)}"]
    _send(f"Din ändring är {decided}: ”{review.object_repr}”", "\n".join(lines), [author.email])
