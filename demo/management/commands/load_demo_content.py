from django.core.management.base import BaseCommand, CommandError

from demo.load import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content written from the final report (Fi2023/02301): eleven AI "
        "initiatives, support and tools in all eight categories, and the site's pages. "
        "Safe to run again: rows are looked up by slug (resources by category and title) "
        "and created only when missing. Existing rows are never overwritten or deleted, so "
        "editors' changes survive. A demo row that was deleted, or whose key was changed "
        "(a slug, a resource's title), is created again."
    )

    def handle(self, *args, **options):
        try:
            created = load_demo_content()
        except LookupError as error:
            raise CommandError(str(error)) from error
        if not any(created.values()):
            self.stdout.write("Demo content already present; nothing changed.")
            return
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items() if count)
        self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
