"""Every public page type, as one list of addresses built from factories.

The browser, header, weight and query tests all walk this list, so a new page type is
covered everywhere by adding one entry here. Error pages come from test-only addresses
(tests/quality/urls.py) that raise the failures they show.
"""

import datetime
import importlib
from dataclasses import dataclass

from django.urls import Resolver404, resolve, reverse

from initiatives.models import Initiative
from resources.models import Category
from tests.factories import (
    DocumentFactory,
    FilmFactory,
    ImageFactory,
    InitiativeFactory,
    QuestionFactory,
    ResourceFactory,
)

TEST_URLCONF = "tests.quality.urls"


@dataclass(frozen=True)
class PublicPage:
    name: str
    path: str
    status: int = 200
    form: bool = False  # a visitor's form: takes POST at its own address

    def __str__(self):
        return self.name


def _resolves_to_own_view(path: str) -> bool:
    """True when `path` has a view of its own (not the stand-alone page catch-all)."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return False
    return match.view_name != "portal:page"


def ensure_categories():
    """The eight categories, as their data migration creates them.

    A transactional test (the browser tests) ends by emptying every table, data-migration
    rows included, so a later one recreates them here. The migration's own function is
    idempotent (get_or_create).
    """
    from django.apps import apps

    migration = importlib.import_module("resources.migrations.0002_the_eight_categories")
    migration.create_categories(apps, None)


def build_public_pages(site_pages) -> list[PublicPage]:
    """Content that exercises every template branch, and the address of each page type."""
    ensure_categories()
    tags = ["schemaläggning", "språkmodeller"]
    initiative = InitiativeFactory(
        title="Digitala tolken i Kalmar",
        ingress="Kalmar prövar taligenkänning och översättning vid hembesök.",
        body="Initiativet startade **2023** efter en förstudie.",
        goals="- Snabbare kontakt\n- Färre missförstånd",
        implementation="Ett [pilotprojekt](https://www.kalmar.se/) i två team.",
        law_and_ethics="Personuppgifter behandlas enligt dataskyddsförordningen.",
        contact="Socialförvaltningen, utvecklingsenheten",
        contact_email="utveckling@kalmar.example.se",
        contact_phone="0480-45 00 00",
        data_used="Talat språk under hembesök",
        period="2023–",
        purpose="Färre missförstånd vid hembesök.",
        legal_basis="Kommunen anger socialtjänstlagen.",
        impact_assessment=Initiative.ImpactAssessment.DONE,
        human_oversight="Handläggaren läser översättningen innan den sparas.",
        sourcing=Initiative.Sourcing.JOINT,
        started_on=datetime.date(2023, 3, 1),
        results="- Kortare samtal\n- Färre missförstånd",
        confirmed_on=datetime.date(2024, 5, 2),
        source_url="https://www.kalmar.se/",
        source_title="Kalmar kommun",
        other_sources="- [Kalmar kommuns nyhet](https://www.kalmar.se/nyhet)",
        image=ImageFactory(alt="En tolk och en handläggare vid ett köksbord"),
        tags=tags,
    )
    InitiativeFactory(title="Schemaläggning i hemtjänsten", tags=tags[:1])
    InitiativeFactory(title="Avslutad chattbot", phase="avslutad", tags=tags[1:])
    law = Category.objects.get(slug="juridik")
    ResourceFactory(title="Vägledning om AI och dataskydd", category=law, year=2024, tags=tags)
    ResourceFactory(title="Rättsligt stöd för automatiserat beslutsfattande", category=law)
    ResourceFactory(
        title="Intern resurs utan länk", category=law, url="", document=DocumentFactory()
    )
    webinar = site_pages["webbinarium"]
    webinar.body = f"Inspelningen av webbinariet.\n\n{FilmFactory().embed_code}\n"
    webinar.save()
    QuestionFactory(page=webinar, group="Juridik", question="Får vi använda AI?", source="IMY")
    QuestionFactory(page=webinar, group="Juridik", question="Vem ansvarar för besluten?")
    QuestionFactory(page=webinar, group="", question="Var hittar vi fler exempel?")

    pages = [
        PublicPage("startsida", reverse("portal:home")),
        PublicPage("initiativlista", reverse("initiatives:list")),
        PublicPage("initiativ", initiative.get_absolute_url()),
        PublicPage("kategorier", reverse("resources:category_list")),
        PublicPage("kategori", law.get_absolute_url()),
        PublicPage("ämnesindex", reverse("portal:tag_list")),
        PublicPage("ämne", reverse("portal:tag", kwargs={"slug": "schemalaggning"})),
        PublicPage("sida med frågor och svar", webinar.get_absolute_url()),
        PublicPage("berätta om ert AI-initiativ", reverse("contributions:propose"), form=True),
        PublicPage("förslag mottaget", reverse("contributions:propose_received")),
        PublicPage(
            "rapportera fel",
            reverse("contributions:report_error", args=[initiative.slug]),
            form=True,
        ),
        PublicPage(
            "vi testar något liknande",
            reverse("contributions:similar", args=[initiative.slug]),
            form=True,
        ),
        PublicPage(
            "felrapport mottagen",
            reverse("contributions:report_error_received", args=[initiative.slug]),
        ),
        PublicPage("404", "/finns-inte/", status=404),
        PublicPage("500", "/__test__/fel/", status=500),
        PublicPage("503", "/__test__/databasfel/", status=503),
    ]
    # Search lands from another branch; it joins the list as soon as /sok/ has a view.
    if _resolves_to_own_view("/sok/"):
        pages.append(PublicPage("sök", "/sok/?q=AI"))
    return pages
