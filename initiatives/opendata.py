"""The open dataset of AI initiatives (declared on `Initiative.PUBLISHING`)."""

from initiatives.models import County, Initiative
from publishing.opendata import COMMON_END, ID_FIELD, Dataset, Field, absolute, codes

DATASET = Dataset(
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
