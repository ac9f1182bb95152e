"""Delete senders' contact details and message texts older than the comments' retention.

Run daily from cron, next to purge_old_feedback: the same setting,
FEEDBACK_COMMENT_RETENTION_MONTHS (default 24), decides for both. The message's kind,
initiative, date and status stay, so the inbox still shows what came in; a proposal's
draft initiative is content and stays too.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contributions.services import purge_older_than
from feedback.management.commands.purge_old_feedback import months_ago


class Command(BaseCommand):
    help = "Delete contact details and message texts older than FEEDBACK_COMMENT_RETENTION_MONTHS."

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
        contacts, texts = purge_older_than(cutoff, dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"{contacts} senders' contact details and {texts} message texts older than "
            f"{cutoff:%Y-%m-%d} {verb}."
        )
