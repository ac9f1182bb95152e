from django.conf import settings
from django.core.management.base import BaseCommand

from publishing.linkcheck import check_all, external_links, record


class Command(BaseCommand):
    help = (
        "Kontrollera alla externa länkar i innehållet (stöd, källor och länkar i brödtext) "
        "och spara resultatet. Trasiga länkar filtreras fram i redaktionen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=settings.LINK_CHECK_TIMEOUT,
            help="Sekunder att vänta på varje server (standard %(default)s).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.LINK_CHECK_WORKERS,
            help="Antal adresser som kontrolleras samtidigt (standard %(default)s).",
        )

    def handle(self, *args, timeout, workers, **options):
        found = external_links()
        urls = sorted(found)
        results = check_all(urls, timeout=timeout, workers=workers)
        record(results, found)
        broken = [result for result in results if result.is_broken]
        for result in broken:
            reason = result.error or f"HTTP {result.status_code}"
            self.stdout.write(f"TRASIG  {result.url}  ({reason})")
        self.stdout.write(f"{len(urls)} länkar kontrollerade, {len(broken)} trasiga.")
