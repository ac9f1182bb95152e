"""E-mail the senders whose proposed initiative has become visible without a save.

A save that publishes sends the e-mail at once (contributions/notices.py); a scheduled
publication whose time came, or the list action "Publicera markerade nu", is caught here.
Run it from cron, e.g. every 10 minutes. Each sender is told once.
"""

from django.core.management.base import BaseCommand

from contributions.notices import send_published_notices


class Command(BaseCommand):
    help = "E-mail senders whose proposed initiative is now published (each once)."

    def handle(self, *args, **options):
        sent = send_published_notices()
        self.stdout.write(f"{sent} senders told that their initiative is published.")
