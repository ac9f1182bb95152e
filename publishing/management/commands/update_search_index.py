from django.core.management.base import BaseCommand

from publishing import generation
from publishing.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the site search's index for all content (the search vectors on PostgreSQL, "
        "the FTS5 table on SQLite). Saves keep it current; run this after the search "
        "migrations on a database that already had content, or after changing rows with raw SQL."
    )

    def handle(self, *args, **options):
        for label, count in rebuild_index().items():
            self.stdout.write(f"{label}: {count} rader indexerade")
        # Search answers are remembered per content generation: the rebuilt index starts one.
        generation.bump()
