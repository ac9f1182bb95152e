"""manage.py export_feedback --from 2024-01-01 --to 2024-12-31 [--page /sida/] [--output fil.csv]"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from feedback.exports import feedback_csv_lines
from feedback.models import Feedback


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ogiltigt datum {value!r}: skriv ÅÅÅÅ-MM-DD.") from None


class Command(BaseCommand):
    help = "Export feedback as CSV (UTF-8 with BOM, ';'), the same file as the admin's export."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", type=iso_date, help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", type=iso_date, help="Last day, YYYY-MM-DD.")
        parser.add_argument("--page", help="Only this page, e.g. /ai-initiativ/.")
        parser.add_argument("--output", help="File to write; standard output if left out.")

    def handle(self, *args, start=None, end=None, page=None, output=None, **options):
        if start and end and start > end:
            raise CommandError("--from must be on or before --to.")
        lines = feedback_csv_lines(Feedback.objects.between(start, end).for_page(page))
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
            self.stderr.write(f"Wrote {output}")
        else:
            for line in lines:
                self.stdout.write(line, ending="")
