"""The open dataset of AI initiatives (declared on `Initiative.PUBLISHING`)."""

from initiatives.models import County, Initiative
from publishing.opendata import COMMON_END, ID_FIELD, Dataset, Field, absolute, codes


def _date(day):
    return day.isoformat() if day else None


DATASET = Dataset(
    slug="initiativ",
    title="AI-initiativ i socialtjänsten",
    description=(
        "Kommuners initiativ för att utforska AI i socialtjänsten, beskrivna som "
        "exempel med samma standarduppgifter för varje initiativ: syfte, rättslig grund, "
        "konsekvensbedömning avseende dataskydd, mänsklig kontroll, data, hur lösningen "
        "tagits fram, datum, faser, resultat och kontakt."
    ),
    queryset=lambda: (
        Initiative.objects.published()
        .with_listing_data()
        .prefetch_related("phase_changes")
        .order_by("pk")
    ),
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
        Field("purpose", "text", "Syfte. Tomt om uppgift saknas.", lambda o: o.purpose),
        Field(
            "legal_basis",
            "text",
            "Rättslig grund som kommunen anger den. Tomt om uppgift saknas.",
            lambda o: o.legal_basis,
        ),
        Field(
            "impact_assessment",
            "kod",
            "Konsekvensbedömning avseende dataskydd. " + codes(Initiative.ImpactAssessment.choices),
            lambda o: o.impact_assessment,
        ),
        Field(
            "impact_assessment_name",
            "text",
            "Konsekvensbedömningens status i ord.",
            lambda o: o.get_impact_assessment_display(),
        ),
        Field(
            "human_oversight",
            "text",
            "Hur människor granskar och tar ansvar för det systemet ger. Tomt om uppgift saknas.",
            lambda o: o.human_oversight,
        ),
        Field("data_used", "text", "Data som används.", lambda o: o.data_used),
        Field(
            "sourcing",
            "kod",
            "Hur lösningen tagits fram. " + codes(Initiative.Sourcing.choices),
            lambda o: o.sourcing,
        ),
        Field(
            "sourcing_name",
            "text",
            "Hur lösningen tagits fram, i ord.",
            lambda o: o.get_sourcing_display(),
        ),
        Field(
            "started_on",
            "datum (ISO 8601)",
            "Startdatum, om källan anger ett. Tomt om uppgift saknas.",
            lambda o: _date(o.started_on),
        ),
        Field("period", "text", "Period, till exempel 2023–.", lambda o: o.period),
        Field(
            "phase_changes",
            "lista av text",
            "Status över tid, äldst först: datum (ISO 8601) och fasens kod, till exempel "
            "2024-01-16:test. I CSV skilda åt med lodstreck (|).",
            lambda o: [
                f"{change.changed_on.isoformat()}:{change.phase}"
                for change in reversed(o.phase_log())
            ],
        ),
        Field(
            "results",
            "text (Markdown)",
            "Resultat hittills. Tomt om uppgift saknas.",
            lambda o: o.results,
        ),
        Field("contact", "text", "Funktion eller förvaltning att kontakta.", lambda o: o.contact),
        Field(
            "contact_email",
            "e-postadress",
            "Funktionsbrevlåda att kontakta.",
            lambda o: o.contact_email,
        ),
        Field("contact_phone", "text", "Telefonnummer att kontakta.", lambda o: o.contact_phone),
        Field(
            "confirmed_on",
            "datum (ISO 8601)",
            "Dagen då kommunen senast bekräftade uppgifterna. Tomt om kommunen inte har gjort det.",
            lambda o: _date(o.confirmed_on),
        ),
        Field("source_title", "text", "Källans namn.", lambda o: o.source_title),
        Field(
            "source_url",
            "URL",
            "Länk till källan, ofta på en annan webbplats.",
            lambda o: o.source_url,
        ),
        Field(
            "other_sources",
            "text (Markdown)",
            "Fler källor, en länk per rad.",
            lambda o: o.other_sources,
        ),
        *COMMON_END,
    ),
)
