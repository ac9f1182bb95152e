"""Open data: a content type's published rows as JSON and CSV, described field by field.

A content type declares its dataset (`Declaration.open_data`, e.g. initiatives/opendata.py).
Its field list is the single source of the files' columns and of the field tables on
/oppna-data/, so the documentation cannot drift from the data. Field names are stable
ASCII identifiers; the descriptions are Swedish.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

LICENSE = {
    "id": "CC0-1.0",
    "name": "Creative Commons Zero 1.0 Universal (CC0 1.0)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
}
LICENSE_NOTE = (
    "Metadata och beskrivningar är skrivna av oss och får användas fritt enligt CC0 1.0. "
    "Länkarna leder till material som andra organisationer ansvarar för och som har "
    "egna villkor."
)
PUBLISHER = "Myndigheten för digital förvaltning (Digg)"
LIST_SEPARATOR = "|"  # between the tags of one row in CSV


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def codes(choices) -> str:
    return "Möjliga värden: " + ", ".join(f"{value} ({label})" for value, label in choices) + "."


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    value: Callable


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple[Field, ...]
    queryset: Callable

    def items(self):
        return [{f.name: f.value(obj) for f in self.fields} for obj in self.queryset()]

    def as_json(self) -> HttpResponse:
        rows = self.items()
        payload = {
            "title": self.title,
            "description": self.description,
            "publisher": PUBLISHER,
            "license": LICENSE,
            "license_note": LICENSE_NOTE,
            "documentation": absolute("/oppna-data/"),
            "generated": iso(timezone.now()),
            "fields": [
                {"name": f.name, "type": f.type, "description": f.description} for f in self.fields
            ],
            "count": len(rows),
            "items": rows,
        }
        body = json.dumps(payload, ensure_ascii=False, indent=2)
        return HttpResponse(body, content_type="application/json; charset=utf-8")

    def as_csv(self) -> HttpResponse:
        # UTF-8 without BOM and commas (RFC 4180): made for programs, documented on the page.
        response = HttpResponse(content_type="text/csv; charset=utf-8; header=present")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.csv"'
        writer = csv.writer(response)
        writer.writerow([f.name for f in self.fields])
        for row in self.items():
            writer.writerow([_csv_cell(row[f.name]) for f in self.fields])
        return response


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return value


def _tags(obj):
    return sorted(tag.name for tag in obj.tags.all())


ID_FIELD = Field(
    "id", "heltal", "Stabil identitet. Ändras aldrig och återanvänds inte.", lambda o: o.pk
)

COMMON_END = (
    Field("tags", "lista av text", "Ämnen. I CSV skilda åt med lodstreck (|).", _tags),
    Field(
        "published_at",
        "datum och tid (ISO 8601)",
        "När posten publicerades.",
        lambda o: iso(o.published_at),
    ),
    Field(
        "updated_at",
        "datum och tid (ISO 8601)",
        "När posten senast ändrades.",
        lambda o: iso(o.updated_at),
    ),
)

FORMATS = ("json", "csv")
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}  # IANA, as DCAT-AP-SE lists them


def respond(dataset: Dataset, fmt: str) -> HttpResponse:
    response = dataset.as_json() if fmt == "json" else dataset.as_csv()
    # Open data: any web page may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    return response
