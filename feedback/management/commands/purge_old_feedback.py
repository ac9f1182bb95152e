"""Delete comments older than FEEDBACK_COMMENT_RETENTION_MONTHS (run daily from cron).

Only the comment text goes: the Ja/Nej answer, page and date stay, so the share of
helpful answers over time can still be followed. The free text is what may hold
personal data the redactor did not recognise; the answer holds none.
"""

from feedback.models import Feedback
from feedback.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Delete feedback comments older than FEEDBACK_COMMENT_RETENTION_MONTHS months."

    def purge(self, cutoff, *, dry_run):
        old = Feedback.objects.older_than(cutoff).with_comment()
        if dry_run:
            count = old.count()
            self.stdout.write(f"{count} comments older than {cutoff:%Y-%m-%d} would be deleted.")
            return
        count = old.update(comment="")
        self.stdout.write(f"Deleted {count} comments older than {cutoff:%Y-%m-%d}.")
