"""Nothing a visitor reads on the start page, in the navigation or on a category page is
written in a template, except the site's chrome: the site's name, the skip link, search,
breadcrumbs, "Senast uppdaterad", the feedback question and the names of generated lists.

Every content row the pages show is replaced by one whose texts carry a marker; each piece
of text on the page must then carry the marker or be one of the chrome strings below.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from initiatives.models import Initiative
from portal.models import EntryPoint, FeaturedInitiative, SiteLink, SiteText, StartPage
from publishing.models import Publishable
from resources.models import Category
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

MARK = "Redaktionens"


class TextNodes(HTMLParser):
    """The text a visitor reads in <body>, one string per text node; scripts left out."""

    def __init__(self):
        super().__init__()
        self.nodes, self.skipping, self.in_body = [], 0, False

    def handle_starttag(self, tag, attrs):
        self.in_body |= tag == "body"
        self.skipping += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.skipping -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if self.in_body and not self.skipping and data.strip():
            self.nodes.append(" ".join(data.split()))


def text_nodes(path) -> list[str]:
    response = Client().get(path)
    assert response.status_code == 200
    parser = TextNodes()
    parser.feed(response.content.decode())
    return parser.nodes


@pytest.fixture
def marked_content(site_pages):
    StartPage.objects.all().delete()
    SiteLink.objects.all().delete()
    SiteText.objects.all().delete()
    Initiative.objects.all().delete()
    published = {"status": Publishable.Status.PUBLISHED}
    SiteText.objects.create(
        name="x", tagline=f"{MARK} rad", footer_text=f"{MARK} sidfot", description="-", **published
    )
    for place in SiteLink.Place:
        SiteLink.objects.create(place=place, label=f"{MARK} länk", url="/", **published)
    start = StartPage.objects.create(
        name="x",
        heading=f"{MARK} rubrik",
        intro=f"{MARK} introduktion",
        entry_points_heading=f"{MARK} ingångar",
        featured_heading=f"{MARK} utvalda",
        featured_link_text=f"{MARK} alla initiativ",
        webinar_heading=f"{MARK} webbinarium",
        webinar_text=f"{MARK} text om webbinariet",
        webinar_link_text=f"{MARK} länk till webbinariet",
        webinar_link_url="/webbinarium/",
        **published,
    )
    EntryPoint.objects.create(
        start_page=start, title=f"{MARK} ingång", text=f"{MARK} {{antal_initiativ}}", url="/"
    )
    initiative = InitiativeFactory(
        title=f"{MARK} initiativ",
        ingress=f"{MARK} ingress",
        municipality=MunicipalityFactory(name=f"{MARK} kommun", organisation=""),
    )
    FeaturedInitiative.objects.create(start_page=start, initiative=initiative)
    for category in Category.objects.all():
        category.name = f"{MARK} kategori {category.pk}"
        category.description = f"{MARK} beskrivning"
        category.body = (
            f"## {MARK} rubrik\n\n{MARK} stycke med [{MARK} länk](https://www.digg.se/)."
        )
        category.save()
    return initiative


# The site's chrome: its name, the skip link, search, breadcrumbs, "Senast uppdaterad", the
# feedback question (with its spam trap's label) and the names of the category page's lists.
CHROME = {
    settings.SITE_NAME,
    "Till huvudinnehåll",
    "Sök på webbplatsen",
    "Sök",
    "Startsida",
    "Senast uppdaterad:",
    "Hjälpte denna information dig?",
    "Lämna tomt",
    "Ja",
    "Nej",
    "Stöd och verktyg",
    "Fler kategorier",
    "Det finns inga publicerade stöd i den här kategorin ännu.",
}
GENERATED = re.compile(r"^(Stöd och verktyg \(\d+\)|\d{1,2} \w+ \d{4}|[.,·]+)$")


def unwritten(nodes) -> list[str]:
    """Text that neither an editor wrote nor the chrome holds."""
    vocabulary = {label for _, label in Initiative.Phase.choices + Initiative.Area.choices}
    return [
        node
        for node in nodes
        if MARK not in node
        and node not in CHROME
        and node not in vocabulary
        and not GENERATED.match(node)
    ]


def test_the_start_page_and_navigation_show_only_what_editors_wrote(marked_content):
    nodes = text_nodes("/")

    assert unwritten(nodes) == []
    # The texts really are there, from the rows above.
    for text in (
        f"{MARK} rad",
        f"{MARK} sidfot",
        f"{MARK} länk",
        f"{MARK} rubrik",
        f"{MARK} introduktion",
        f"{MARK} ingångar",
        f"{MARK} 1",
        f"{MARK} utvalda",
        f"{MARK} initiativ",
        f"{MARK} alla initiativ",
        f"{MARK} webbinarium",
        f"{MARK} text om webbinariet",
        f"{MARK} länk till webbinariet",
    ):
        assert text in nodes, text


def test_a_category_page_shows_only_what_editors_wrote(marked_content):
    juridik = Category.objects.get(slug="juridik")

    nodes = text_nodes(juridik.get_absolute_url())

    assert unwritten(nodes) == []
    assert {juridik.name, f"{MARK} beskrivning", f"{MARK} rubrik", f"{MARK} länk"} <= set(nodes)


def test_the_check_notices_text_written_in_a_template(marked_content):
    """Guards the tests above: the old header line, written in base.html, is caught."""
    SiteText.objects.update(tagline="Digg, E-hälsomyndigheten och Socialstyrelsen")

    assert unwritten(text_nodes("/")) == ["Digg, E-hälsomyndigheten och Socialstyrelsen"]
