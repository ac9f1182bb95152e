"""Search and filters in headless Chromium: without JavaScript, and checked by axe-core."""

from urllib.parse import parse_qs, urlsplit

import pytest

from initiatives.models import Initiative
from tests.factories import CategoryFactory, InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def content(site_pages):
    # Transactional tests flush the database, data migrations' categories included.
    CategoryFactory(slug="juridik", name="Juridik")
    InitiativeFactory(
        title="Kalmar kommun testar AI för hjälp med schemaplanering",
        body="Kommunen prövar om AI kan göra schemaläggningen enklare.",
        phase=Initiative.Phase.PILOT,
        tags=["schemaläggning", "hemtjänst"],
    )
    InitiativeFactory(
        title="Malmö ville utvärdera insatser",
        phase=Initiative.Phase.ENDED,
        area=Initiative.Area.INDIVIDUAL_FAMILY,
        tags=["datakvalitet"],
        lessons_learned="Dåligt strukturerad data stoppade arbetet.",
    )
    ResourceFactory(title="Personuppgifter i socialtjänsten", tags=["personuppgifter"])


def test_search_from_the_header_without_javascript(live_server, page_without_js, content):
    page = page_without_js
    page.goto(live_server.url + "/")

    page.get_by_role("search").get_by_label("Sök på webbplatsen").fill("schemaläggningen")
    page.get_by_role("search").get_by_role("button", name="Sök").click()

    assert urlsplit(page.url).path == "/sok/"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["schemaläggningen"]}
    result = page.get_by_role("link", name="Kalmar kommun testar AI för hjälp med schemaplanering")
    assert result.is_visible()
    assert (
        page.locator(".search-result__snippet mark")
        .first.inner_text()
        .lower()
        .startswith("schemaläggning")
    )
    assert page.get_by_label("Sök på webbplatsen").input_value() == "schemaläggningen"


def test_filters_work_without_javascript_and_live_in_the_url(live_server, page_without_js, content):
    page = page_without_js
    page.goto(live_server.url + "/ai-initiativ/")

    page.get_by_role("group", name="Fas").get_by_label("Avslutad").check()
    page.get_by_role("button", name="Filtrera").click()

    assert parse_qs(urlsplit(page.url).query) == {"fas": ["avslutad"]}
    assert page.get_by_role("heading", name="1 initiativ som matchar filtren").is_visible()
    page.get_by_role("link", name="Malmö ville utvärdera insatser").click()
    assert "Initiativet är avslutat." in page.locator("main").inner_text()
    page.get_by_role("link", name="Läs vad kommunen lärde sig under Lärdomar").click()
    assert urlsplit(page.url).fragment == "lessons_learned"

    # The filtered address is shareable: opening it again gives the same list.
    page.goto(live_server.url + "/ai-initiativ/?fas=avslutad&fas=test")
    assert page.get_by_role("heading", name="2 initiativ som matchar filtren").is_visible()
    page.get_by_role("link", name="Rensa filter", exact=True).click()
    assert urlsplit(page.url).query == ""
    assert page.get_by_role("heading", name="2 initiativ", exact=True).is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/sok/",
        "/sok/?q=schemal%C3%A4ggning",
        "/sok/?q=xyzzy",
        "/ai-initiativ/?fas=avslutad&amne=datakvalitet",
        "/stod-och-verktyg/alla/?amne=personuppgifter",
        "/oppna-data/",
    ],
)
def test_search_filter_and_open_data_pages_pass_axe(live_server, page, content, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + path)

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1
