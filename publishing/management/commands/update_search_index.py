from django.core.management.base import BaseCommand

from publishing.search import is_postgresql, rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the site search's vectors for all content. Saves keep them current; run "
        "this after the search migration on a database that already had content, or after "
        "changing rows with raw SQL."
    )

    def handle(self, *args, **options):
        if not is_postgresql():
            self.stdout.write("Sökindex behövs bara på PostgreSQL; inget att göra.")
            return
        for label, count in rebuild_index().items():
            self.stdout.write(f"{label}: {count} rader indexerade")
