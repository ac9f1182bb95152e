"""Writes with side effects: spam checks in the shared cache, then the database."""

import secrets

from django.core import signing
from django.utils.crypto import salted_hmac

from feedback import abuse, viewcounts
from feedback.models import Feedback, PageViewDay
from publishing import generation
from publishing.versions import current_version_id

TOKEN_SALT = "feedback.comment-token"
TOKEN_MAX_AGE = 2 * 60 * 60  # time to write a comment after answering


def _pad(nonce: str) -> int:
    return int(salted_hmac("feedback.comment-token-pad", nonce).hexdigest()[:15], 16)


def make_comment_token(*, feedback_id: int | None, page: str) -> str:
    """A signed link from the comment form to the answer; it names no visitor.

    The id is masked with a keyed pad, so a token for spam (which was not stored and
    gets a random value) looks exactly like one for a stored answer.
    """
    nonce = secrets.token_hex(8)
    masked = secrets.randbits(60) if feedback_id is None else feedback_id ^ _pad(nonce)
    return signing.dumps({"n": nonce, "x": masked, "page": page}, salt=TOKEN_SALT)


def read_comment_token(token: str) -> dict | None:
    """The answer's id and page from a token, or None if it is forged or too old."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    nonce, masked, page = data.get("n"), data.get("x"), data.get("page")
    if not (isinstance(nonce, str) and isinstance(masked, int) and isinstance(page, str)):
        return None
    return {"id": masked ^ _pad(nonce), "page": page}


def _current_version_id(page: str) -> int | None:
    # A new version is saved only with the content, which starts a new generation.
    return generation.remember(f"version:{page}", lambda: current_version_id(page))


def submit_answer(*, page: str, helpful: bool, comment: str = "", client: str) -> Feedback | None:
    """Store an answer (and comment) unless it is over the rate limit or a duplicate.

    The only place answers are created: each records the version of the page's content
    it was given on (None for pages without version history, e.g. the start page), so
    analysts can count Ja and Nej per version in the content's history.
    """
    # Marked as a duplicate only once the row is stored: a failed write leaves no marker.
    with abuse.admitted(client, "answer", page, helpful, comment) as fresh:
        if not fresh:
            return None
        return Feedback.objects.create(
            page=page, helpful=helpful, comment=comment, version_id=_current_version_id(page)
        )


def attach_comment(*, feedback_id: int | None, page: str, comment: str, client: str) -> bool:
    """Add the comment to the answer it follows; an answer takes one comment only."""
    if not comment:
        return False
    with abuse.admitted(client, "comment", page, comment) as fresh:
        if not fresh:
            return False
        # QuerySet.update() runs the redactor (FeedbackQuerySet.update).
        return bool(
            Feedback.objects.filter(pk=feedback_id, page=page, comment="").update(comment=comment)
        )


def record_view(*, kind: str, key: str, visitor: str) -> None:
    """Count a page view or film play in the cache; flush_view_counts moves it to the database."""
    viewcounts.record(kind=kind, key=key, visitor=visitor)


def record_film_play(*, film: str, client: str, visitor: str) -> None:
    if abuse.rate_limited(client):
        return
    record_view(kind=PageViewDay.Kind.FILM, key=film, visitor=visitor)
