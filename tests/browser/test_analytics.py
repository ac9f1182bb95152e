"""A visitor searches and follows an outbound link; the analyst finds exactly that.

Without JavaScript, as a visitor's browser (headless browsers are left out of the
statistics as bots). The other site is answered by the browser itself (page.route), so
nothing leaves the machine.
"""

import importlib
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.browser.test_accessibility import axe_report, run_axe
from tests.editorial import PASSWORD, make_staff
from tests.factories import CategoryFactory, InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)

VISITOR_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Safari/537.36"
)
EXTERNAL = "https://www.imy.se/vagledning-ai/"


@pytest.fixture
def analyst_account(transactional_db):
    """The group Analytiker with its rights, as migrate makes it (a flush removed it)."""
    apps = MigrationLoader(connection).project_state().apps
    importlib.import_module("feedback.migrations.0002_analyst_group").create_group(apps, None)
    importlib.import_module(
        "feedback.migrations.0005_search_terms_and_outbound_clicks"
    ).grant_search_terms(apps, None)
    assert Group.objects.filter(name="Analytiker").exists()
    return make_staff("analytiker", "Analytiker")


@pytest.fixture
def content(site_pages):
    InitiativeFactory(
        title="Kalmar kommun testar AI för hjälp med schemaplanering",
        body="Kommunen prövar om AI kan göra schemaläggningen enklare.",
    )
    category = CategoryFactory(slug="juridik", name="Juridik")
    return ResourceFactory(
        title="Vägledning om AI och personuppgifter",
        url=EXTERNAL,
        sender="Integritetsskyddsmyndigheten",
        category=category,
    )


@pytest.fixture
def visitor(browser):
    context = browser.new_context(
        locale="sv-SE", user_agent=VISITOR_AGENT, java_script_enabled=False
    )
    context.route(
        "https://www.imy.se/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body="<!doctype html><title>IMY</title><h1>Vägledning</h1>",
        ),
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def analyst(browser, live_server, analyst_account):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Användarnamn").fill(analyst_account.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def search(page, words):
    page.get_by_role("search").get_by_label("Sök på webbplatsen").fill(words)
    page.get_by_role("search").get_by_role("button", name="Sök").click()
    page.wait_for_load_state("load")


def csv_text(page, link_name):
    href = page.get_by_role("link", name=link_name).get_attribute("href")
    response = page.context.request.get(page.url.split("?")[0] + href)
    assert response.ok
    return response.body().decode("utf-8-sig")


def assert_no_axe_violations(page, where):
    results = run_axe(page)
    assert not results.violations_count, f"{where}:\n{axe_report(results)}"


def test_searches_and_an_outbound_click_reach_the_analysts_summary(
    live_server, visitor, analyst, content
):
    base = live_server.url
    visitor.goto(base + "/")
    search(visitor, "schemaläggningen")
    assert visitor.get_by_role(
        "link", name="Kalmar kommun testar AI för hjälp med schemaplanering"
    ).is_visible()
    search(visitor, "flygande elefanter")

    visitor.goto(base + content.category.get_absolute_url())
    link = visitor.get_by_role("link", name=re.compile("Vägledning om AI och personuppgifter"))
    assert link.get_attribute("title") == EXTERNAL  # the real address, before following
    assert link.get_attribute("href") == f"/ut/resources.resource/{content.pk}/url/"
    link.click()
    visitor.wait_for_url(EXTERNAL)
    assert visitor.get_by_role("heading", name="Vägledning").is_visible()

    # Tampering with the id or the field is refused; nothing is counted for it.
    for tampered in (
        f"/ut/resources.resource/{content.pk + 1}/url/",
        f"/ut/resources.resource/{content.pk}/title/",
        f"/ut/resources.category/{content.category.pk}/url/",
    ):
        assert visitor.goto(base + tampered).status == 404
        assert visitor.url == base + tampered  # no redirect anywhere

    # The analyst: one click from the admin start page.
    analyst.get_by_role(
        "link", name="Sammanställning: sidor, sökningar och klick på länkar"
    ).click()
    analyst.wait_for_load_state("load")
    nothing = analyst.get_by_role("table", name="Sökningar utan träffar, vanligast först")
    assert nothing.get_by_role("row", name="flygande elefanter 1 1").is_visible()
    top = analyst.get_by_role("table", name="Vanligaste sökorden")
    assert top.get_by_role("rowheader", name="schemaläggningen").is_visible()
    assert "schemaläggningen" in top.inner_text()
    clicks = analyst.get_by_role("table", name="Klick per länk")
    assert "Vägledning om AI och personuppgifter" in clicks.inner_text()
    assert EXTERNAL in clicks.inner_text()
    assert (
        analyst.get_by_role("table", name="Klick per kategori")
        .get_by_role("row", name="Juridik 1 1")
        .is_visible()
    )
    assert (
        analyst.get_by_role("table", name="Klick per avsändare")
        .get_by_role("row", name="Integritetsskyddsmyndigheten 1 1")
        .is_visible()
    )
    assert_no_axe_violations(analyst, "the summary")

    terms = csv_text(analyst, "Exportera sökorden per dag som CSV")
    assert ";flygande elefanter;1;1;0\r\n" in terms
    assert ";schemaläggningen;1;0;1\r\n" in terms
    clicked = csv_text(analyst, "Exportera klicken per länk som CSV")
    assert (
        f"Stöd eller verktyg;Vägledning om AI och personuppgifter;{EXTERNAL};Juridik;"
        "Integritetsskyddsmyndigheten;1;1;" in clicked
    )

    # The weekly chart shows the visitor's page views: start page, two searches, category.
    analyst.get_by_role("link", name="Hela webbplatsen vecka för vecka").click()
    analyst.wait_for_load_state("load")
    this_week = analyst.get_by_role("table", name="Per vecka").get_by_role("row").last
    cells = this_week.get_by_role("cell").all_inner_texts()
    assert cells[1] == "4"  # views this week
    chart = analyst.get_by_role("img", name=re.compile("Visningar per vecka"))
    assert chart.locator("rect title").last.text_content().endswith(": 4")
    assert_no_axe_violations(analyst, "the weekly trend")
