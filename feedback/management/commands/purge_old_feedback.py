"""Delete comments older than FEEDBACK_COMMENT_RETENTION_MONTHS (run daily from cron).

Only the comment text goes: the Ja/Nej answer, page and date stay, so the share of
helpful answers over time can still be followed. The free text is what may hold
personal data the redactor did not recognise; the answer holds none.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import Feedback


def months_ago(now: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return now.replace(year=year, month=month, day=min(now.day, last_day))


class Command(BaseCommand):
    help = "Delete feedback comments older than FEEDBACK_COMMENT_RETENTION_MONTHS months."

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
        cutoff = months_ago(timezone.now(), months)
        old = Feedback.objects.older_than(cutoff).with_comment()
        if dry_run:
            count = old.count()
            self.stdout.write(f"{count} comments older than {cutoff:%Y-%m-%d} would be deleted.")
            return
        count = old.update(comment="")
        self.stdout.write(f"Deleted {count} comments older than {cutoff:%Y-%m-%d}.")
