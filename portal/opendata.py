"""Open data: every published initiative and resource as JSON and CSV.

The field list below is the single source of the files' columns and of the field tables
on /oppna-data/, so the documentation cannot drift from the data. Field names are
stable ASCII identifiers; the descriptions are Swedish.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from initiatives.models import County, Initiative
from resources.models import Resource

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

INITIATIVES = Dataset(
    slug="initiativ",
    title="AI-initiativ i socialtjänsten",
    description=(
        "Kommuners initiativ för att utforska AI i socialtjänsten, beskrivna som "
        "exempel med fakta om verksamhetsområde, fas, AI-teknik, data och lärdomar."
    ),
    queryset=lambda: Initiative.objects.published().with_listing_data().order_by("pk"),
    fields=(
        ID_FIELD,
        Field("slug", "text", "Adressdelen i initiativets adress.", lambda o: o.slug),
        Field(
            "url",
            "URL",
            "Initiativets sida på webbplatsen.",
            lambda o: absolute(o.get_absolute_url()),
        ),
        Field("title", "text", "Rubrik.", lambda o: o.title),
        Field("municipality", "text", "Kommunens namn.", lambda o: o.municipality.name),
        Field(
            "organisation",
            "text",
            "Organisationen som kommunen själv skriver den, till exempel Helsingborgs stad.",
            lambda o: o.municipality.display_name,
        ),
        Field(
            "county",
            "kod",
            "Län. " + codes(County.choices),
            lambda o: o.municipality.county,
        ),
        Field(
            "county_name",
            "text",
            "Länets namn.",
            lambda o: o.municipality.get_county_display(),
        ),
        Field(
            "area",
            "kod",
            "Verksamhetsområde. " + codes(Initiative.Area.choices),
            lambda o: o.area,
        ),
        Field("area_name", "text", "Verksamhetsområdets namn.", lambda o: o.get_area_display()),
        Field("phase", "kod", "Fas. " + codes(Initiative.Phase.choices), lambda o: o.phase),
        Field("phase_name", "text", "Fasens namn.", lambda o: o.get_phase_display()),
        Field(
            "technique",
            "kod",
            "AI-teknik eller förmåga. " + codes(Initiative.Technique.choices),
            lambda o: o.technique,
        ),
        Field(
            "technique_name",
            "text",
            "AI-teknikens namn.",
            lambda o: o.get_technique_display(),
        ),
        Field("ingress", "text", "Kort sammanfattning.", lambda o: o.ingress),
        Field("body", "text (Markdown)", "Brödtext.", lambda o: o.body),
        Field("goals", "text (Markdown)", "Mål och syfte.", lambda o: o.goals),
        Field("implementation", "text (Markdown)", "Genomförande.", lambda o: o.implementation),
        Field("technology", "text (Markdown)", "Teknik.", lambda o: o.technology),
        Field("law_and_ethics", "text (Markdown)", "Juridik och etik.", lambda o: o.law_and_ethics),
        Field("lessons_learned", "text (Markdown)", "Lärdomar.", lambda o: o.lessons_learned),
        Field("data_used", "text", "Data som används.", lambda o: o.data_used),
        Field("period", "text", "Period, till exempel 2023–.", lambda o: o.period),
        Field("contact", "text", "Funktion eller förvaltning att kontakta.", lambda o: o.contact),
        Field("source_title", "text", "Källans namn.", lambda o: o.source_title),
        Field(
            "source_url",
            "URL",
            "Länk till källan, ofta på en annan webbplats.",
            lambda o: o.source_url,
        ),
        *COMMON_END,
    ),
)

RESOURCES = Dataset(
    slug="stod-och-verktyg",
    title="Stöd och verktyg om AI i socialtjänsten",
    description=(
        "Vägledningar, rapporter, utbildningar, verktyg och forskning från andra "
        "organisationer, med avsändare, kategori och vår beskrivning."
    ),
    queryset=lambda: Resource.objects.published().with_listing_data().order_by("pk"),
    fields=(
        ID_FIELD,
        Field(
            "url",
            "URL",
            "Var posten visas på webbplatsen (kategorisidan med ett ankare).",
            lambda o: absolute(o.get_absolute_url()),
        ),
        Field("title", "text", "Materialets namn.", lambda o: o.title),
        Field(
            "link",
            "URL",
            "Länk till materialet på avsändarens webbplats. Tomt om länk saknas.",
            lambda o: o.url,
        ),
        Field("sender", "text", "Organisationen som står bakom materialet.", lambda o: o.sender),
        Field("description", "text", "Vår beskrivning av materialet.", lambda o: o.description),
        Field(
            "category",
            "kod",
            "Kategori, en av åtta: inspiration, komma-igang, kompetensutveckling, "
            "finansiering, juridik, etik, nyttorealisering, forskning-och-utbildning.",
            lambda o: o.category.slug,
        ),
        Field("category_name", "text", "Kategorins namn.", lambda o: o.category.name),
        Field("format", "kod", "Format. " + codes(Resource.Format.choices), lambda o: o.format),
        Field("format_name", "text", "Formatets namn.", lambda o: o.get_format_display()),
        Field("year", "heltal", "Utgivningsår. Tomt om det saknas.", lambda o: o.year),
        *COMMON_END,
    ),
)

DATASETS = {dataset.slug: dataset for dataset in (INITIATIVES, RESOURCES)}
FORMATS = ("json", "csv")


def respond(dataset: Dataset, fmt: str) -> HttpResponse:
    response = dataset.as_json() if fmt == "json" else dataset.as_csv()
    # Open data: any web page may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    return response
