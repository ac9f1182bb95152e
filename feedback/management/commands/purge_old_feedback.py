"""Delete comments and search terms past their retention (run daily from cron).

Comments older than FEEDBACK_COMMENT_RETENTION_MONTHS: only the comment text goes; the
Ja/Nej answer, page and date stay, so the share of helpful answers over time can still be
followed. The free text is what may hold personal data the redactor did not recognise;
the answer holds none.

Search terms older than FEEDBACK_SEARCH_TERM_RETENTION_MONTHS: the day's rows go whole
(the term is the free text; without it the row says nothing).
"""

from django.conf import settings
from django.utils import timezone

from feedback import searchterms
from feedback.models import Feedback, SearchTermDay
from feedback.retention import RetentionCommand, months_ago


class Command(RetentionCommand):
    help = (
        "Delete feedback comments older than FEEDBACK_COMMENT_RETENTION_MONTHS months and "
        "search terms older than FEEDBACK_SEARCH_TERM_RETENTION_MONTHS months."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--search-term-months",
            type=int,
            default=None,
            help="Override the setting (default FEEDBACK_SEARCH_TERM_RETENTION_MONTHS).",
        )

    def handle(self, *args, search_term_months=None, **options):
        self.search_term_months = search_term_months
        super().handle(*args, **options)

    def purge(self, cutoff, *, dry_run):
        old = Feedback.objects.older_than(cutoff).with_comment()
        if dry_run:
            count = old.count()
            self.stdout.write(f"{count} comments older than {cutoff:%Y-%m-%d} would be deleted.")
        else:
            count = old.update(comment="")
            self.stdout.write(f"Deleted {count} comments older than {cutoff:%Y-%m-%d}.")
        self.purge_search_terms(dry_run=dry_run)

    def purge_search_terms(self, *, dry_run):
        months = self.search_term_months
        if months is None:
            months = settings.FEEDBACK_SEARCH_TERM_RETENTION_MONTHS
        cutoff = timezone.localdate(months_ago(timezone.now(), months))
        searchterms.flush()  # what waits in the cache is today's: never older than the cutoff
        old = SearchTermDay.objects.older_than(cutoff)
        if dry_run:
            count = old.count()
            self.stdout.write(
                f"{count} search term rows older than {cutoff:%Y-%m-%d} would be deleted."
            )
            return
        count, _ = old.delete()
        self.stdout.write(f"Deleted {count} search term rows older than {cutoff:%Y-%m-%d}.")
