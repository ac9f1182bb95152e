"""Delete comments and search terms past their retention (run daily from cron).

Comments older than FEEDBACK_COMMENT_RETENTION_MONTHS: only the comment text goes; the
Ja/Nej answer, page and date stay, so the share of helpful answers over time can still be
followed. The free text is what may hold personal data the redactor did not recognise;
the answer holds none.

Search terms older than FEEDBACK_SEARCH_TERM_RETENTION_MONTHS: the day's rows go whole
(the term is the free text; without it the row says nothing).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback import searchterms
from feedback.models import Feedback, SearchTermDay


def months_ago(now: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return now.replace(year=year, month=month, day=min(now.day, last_day))


class Command(BaseCommand):
    help = (
        "Delete feedback comments older than FEEDBACK_COMMENT_RETENTION_MONTHS months and "
        "search terms older than FEEDBACK_SEARCH_TERM_RETENTION_MONTHS months."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override the setting (default FEEDBACK_COMMENT_RETENTION_MONTHS).",
        )
        parser.add_argument(
            "--search-term-months",
            type=int,
            default=None,
            help="Override the setting (default FEEDBACK_SEARCH_TERM_RETENTION_MONTHS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count, delete nothing.")

    def handle(self, *args, months=None, search_term_months=None, dry_run=False, **options):
        months = settings.FEEDBACK_COMMENT_RETENTION_MONTHS if months is None else months
        cutoff = months_ago(timezone.now(), months)
        old = Feedback.objects.older_than(cutoff).with_comment()
        if search_term_months is None:
            search_term_months = settings.FEEDBACK_SEARCH_TERM_RETENTION_MONTHS
        term_cutoff = timezone.localdate(months_ago(timezone.now(), search_term_months))
        searchterms.flush()  # what waits in the cache is today's: never older than the cutoff
        old_terms = SearchTermDay.objects.older_than(term_cutoff)
        if dry_run:
            count = old.count()
            self.stdout.write(f"{count} comments older than {cutoff:%Y-%m-%d} would be deleted.")
            terms = old_terms.count()
            self.stdout.write(
                f"{terms} search term rows older than {term_cutoff:%Y-%m-%d} would be deleted."
            )
            return
        count = old.update(comment="")
        self.stdout.write(f"Deleted {count} comments older than {cutoff:%Y-%m-%d}.")
        terms, _ = old_terms.delete()
        self.stdout.write(f"Deleted {terms} search term rows older than {term_cutoff:%Y-%m-%d}.")
