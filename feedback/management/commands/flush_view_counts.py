"""Move views, plays, clicks and searches counted in the cache into the database (cron).

Statistics pages flush by themselves when read; this keeps the database current for
anything else that reads it (backups, reports) and bounds what waits in the cache.
Suggested: every 10 minutes. With the in-process cache (no REDIS_URL) the counts are in
the web process, not here, and this command finds none.
"""

from django.core.management.base import BaseCommand

from feedback import searchterms, viewcounts


class Command(BaseCommand):
    help = "Move the views, plays, clicks and searches counted in the cache into the database."

    def handle(self, *args, **options):
        changed = viewcounts.flush()
        self.stdout.write(f"{changed} dagsräkningar uppdaterade.")
        terms = searchterms.flush()
        self.stdout.write(f"{terms} sökord per dag uppdaterade.")
