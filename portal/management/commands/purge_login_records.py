"""Delete records of admin logins older than LOGIN_RECORD_RETENTION_DAYS (run daily).

django-axes keeps every login (AccessLog), every failed login (AccessFailureLog) and the
failure counts behind a lock (AccessAttempt), each with username, address and browser.
They are there to follow up an attack, which needs weeks, not years; the privacy page
says how long they are kept.
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete records of admin logins older than LOGIN_RECORD_RETENTION_DAYS days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.LOGIN_RECORD_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = [
            model.objects.filter(attempt_time__lt=cutoff)
            for model in (AccessLog, AccessFailureLog, AccessAttempt)
        ]
        if dry_run:
            count = sum(records.count() for records in old)
            self.stdout.write(f"{count} login records older than {days} days would be deleted.")
            return
        count = sum(records.delete()[0] for records in old)
        self.stdout.write(f"Deleted {count} login records older than {days} days.")
