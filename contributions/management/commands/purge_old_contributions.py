"""Delete senders' contact details and message texts older than the comments' retention.

Run daily from cron, next to purge_old_feedback: the same setting,
FEEDBACK_COMMENT_RETENTION_MONTHS (default 24), decides for both. The message's kind,
initiative, date and status stay, so the inbox still shows what came in; a proposal's
draft initiative is content and stays too.
"""

from contributions.services import purge_older_than
from feedback.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Delete contact details and message texts older than FEEDBACK_COMMENT_RETENTION_MONTHS."

    def purge(self, cutoff, *, dry_run):
        contacts, texts = purge_older_than(cutoff, dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"{contacts} senders' contact details and {texts} message texts older than "
            f"{cutoff:%Y-%m-%d} {verb}."
        )
