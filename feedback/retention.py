"""The comments' retention rule, shared by every command that purges what visitors wrote.

FEEDBACK_COMMENT_RETENTION_MONTHS (default 24) decides how long free text from visitors
is kept: feedback comments (purge_old_feedback) and the inbox's messages and senders'
contact details (purge_old_contributions). Each command says what it deletes; the months,
the cutoff and the dry run are the same for all, here.
"""

import abc
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


def months_ago(now: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return now.replace(year=year, month=month, day=min(now.day, last_day))


class RetentionCommand(BaseCommand, abc.ABC):
    """A purge command: `purge(cutoff, dry_run)` deletes what is older than the retention."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override the setting (default FEEDBACK_COMMENT_RETENTION_MONTHS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count, delete nothing.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.FEEDBACK_COMMENT_RETENTION_MONTHS if months is None else months
        self.purge(months_ago(timezone.now(), months), dry_run=dry_run)

    @abc.abstractmethod
    def purge(self, cutoff: datetime.datetime, *, dry_run: bool) -> None:
        """Delete (or with `dry_run` only count) what is older than `cutoff`; say so."""
