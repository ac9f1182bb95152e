"""The open dataset of support and tools (declared on `Resource.PUBLISHING`)."""

from publishing.opendata import COMMON_END, ID_FIELD, Dataset, Field, absolute, codes
from resources.models import Resource

DATASET = Dataset(
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
        Field(
            "sender",
            "text",
            "Organisationen som står bakom materialet, med förkortning inom parentes.",
            lambda o: o.publisher.display_name,
        ),
        Field(
            "sender_id",
            "kod",
            "Avsändarens kortnamn, samma för alla material från samma organisation.",
            lambda o: o.publisher.slug,
        ),
        Field(
            "language",
            "kod",
            "Materialets språk. " + codes(Resource.Language.choices),
            lambda o: o.language,
        ),
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
