"""CSV that opens correctly in Swedish Excel and LibreOffice, streamed and formula-safe.

Swedish Excel expects `;` between fields (the comma is the decimal sign) and needs a
byte-order mark to read UTF-8. Cells that a spreadsheet would run as a formula are
neutralised with a leading apostrophe (OWASP's advice for CSV injection).
"""

import csv
import re
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from feedback.models import Feedback

BOM = "\ufeff"
DELIMITER = ";"

# A formula starts with = + - @ or a tab/CR/LF, possibly after spaces, at the start of the
# cell or at the start of any later line inside it.
_FORMULA_RE = re.compile(r"(^|\r\n|\r|\n)([ \u00a0]*)(?=[=+\-@\t\r\n])")


def neutralise(value) -> str:
    """The cell as text, with anything a spreadsheet would evaluate made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int | float):
        return str(value)
    return _FORMULA_RE.sub(lambda m: f"{m.group(1)}'{m.group(2)}", str(value))


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a stream."""

    def write(self, value):
        return value


def csv_lines(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """Yield the BOM with the header line, then one line per row, never holding all rows."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER, lineterminator="\r\n")
    yield BOM + writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])


def feedback_csv_lines(queryset, chunk_size: int = 2000) -> Iterator[str]:
    """The feedback export: BOM and Swedish headers first, rows streamed in chunks."""
    rows = (
        queryset.order_by("created_at", "pk")
        .values_list(
            "pk", "created_at", "page", "helpful", "comment", "redacted", "status", "version_id"
        )
        .iterator(chunk_size=chunk_size)
    )
    statuses = dict(Feedback.Status.choices)
    # "Version" comes last so the columns analysts' spreadsheets already use keep their place.
    return csv_lines(
        [
            "Id",
            "Datum och tid",
            "Sida",
            "Svar",
            "Kommentar",
            "Uppgifter borttagna",
            "Status",
            "Version",
        ],
        (
            [
                pk,
                timezone.localtime(created_at).strftime("%Y-%m-%d %H:%M"),
                page,
                "Ja" if helpful else "Nej",
                comment,
                "Ja" if redacted else "Nej",
                statuses.get(status, status),
                version_id,
            ]
            for pk, created_at, page, helpful, comment, redacted, status, version_id in rows
        ),
    )


def streaming_csv_response(lines: Iterator[str], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
