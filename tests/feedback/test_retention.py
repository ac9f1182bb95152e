"""Comments older than FEEDBACK_COMMENT_RETENTION_MONTHS are deleted; the answers stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.models import Feedback
from feedback.retention import months_ago

pytestmark = pytest.mark.django_db


def months_back(months, days=0):
    return months_ago(timezone.now(), months) - datetime.timedelta(days=days)


def test_purge_deletes_old_comments_and_keeps_answers(settings):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 24
    old = Feedback.objects.create(
        page="/", helpful=False, comment="Gammal", created_at=months_back(24, 1)
    )
    recent = Feedback.objects.create(
        page="/", helpful=True, comment="Ny", created_at=months_back(23)
    )

    out = io.StringIO()
    call_command("purge_old_feedback", stdout=out)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.comment, old.helpful, old.page) == ("", False, "/")
    assert recent.comment == "Ny"
    assert "Deleted 1 comments" in out.getvalue()


def test_purge_follows_the_setting_and_dry_run_deletes_nothing(settings):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 6
    row = Feedback.objects.create(
        page="/", helpful=True, comment="Sju månader", created_at=months_back(7)
    )

    out = io.StringIO()
    call_command("purge_old_feedback", "--dry-run", stdout=out)
    row.refresh_from_db()
    assert row.comment == "Sju månader"
    assert "1 comments" in out.getvalue()

    call_command("purge_old_feedback", stdout=io.StringIO())
    row.refresh_from_db()
    assert row.comment == ""


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        (datetime.datetime(2024, 3, 31, 10, 0), 1, datetime.datetime(2024, 2, 29, 10, 0)),
        (datetime.datetime(2024, 1, 15), 24, datetime.datetime(2022, 1, 15)),
        (datetime.datetime(2024, 12, 31), 12, datetime.datetime(2023, 12, 31)),
        (datetime.datetime(2024, 1, 31), 2, datetime.datetime(2023, 11, 30)),
    ],
)
def test_months_ago(now, months, expected):
    assert months_ago(now, months) == expected
