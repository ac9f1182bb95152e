"""Editors in a real browser: four-eyes publishing and two editors on one item, with axe
on every admin screen those features add."""

import pytest
import reversion

from portal.models import Page
from publishing.models import ReviewRequest
from publishing.roles import EDITOR
from resources.models import Category
from tests.browser.test_accessibility import axe_report, run_axe
from tests.editorial import PASSWORD, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_editors(browser, live_server, migrated_rows):
    people = []
    for username in ("anna", "bertil"):
        make_staff(username, EDITOR)
        context = browser.new_context(locale="sv-SE")
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/?next=/admin/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(PASSWORD)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        people.append(page)
    yield people
    for page in people:
        page.context.close()


def assert_axe_passes(page, name):
    results = run_axe(page)
    assert not results.violations_count, f"{name}:\n{axe_report(results)}"


def test_a_page_goes_out_only_after_a_second_editor_approves_it(
    live_server, two_editors, site_pages
):
    anna, bertil = two_editors
    anna.goto(f"{live_server.url}/admin/portal/page/add/")
    anna.locator("#id_title").fill("Juridiska frågor")
    anna.locator("#id_body").fill("## Regler vid användning av AI\n\nSamma regler som alltid.")
    anna.get_by_label("Meddelande till granskaren (valfritt)").fill("Läs gärna igenom.")
    anna.get_by_role("button", name="Skicka för granskning").click()
    anna.wait_for_load_state("load")
    assert "Skickat för granskning" in anna.content(), anna.locator("#content").inner_text()[:1500]
    page = Page.objects.get(slug="juridiska-fragor")
    assert not page.is_live
    assert anna.context.request.get(f"{live_server.url}/juridiska-fragor/").status == 404

    bertil.goto(f"{live_server.url}/admin/")
    assert bertil.get_by_text("Väntar på granskning (1)").is_visible()
    assert_axe_passes(bertil, "admin start page with changes waiting")
    bertil.get_by_role("link", name="Juridiska frågor").click()
    bertil.wait_for_load_state("load")
    assert bertil.get_by_text("Läs gärna igenom.").is_visible()
    assert_axe_passes(bertil, "decision screen")
    bertil.get_by_role("button", name="Godkänn och publicera").click()
    bertil.wait_for_load_state("load")
    assert_axe_passes(bertil, "list of changes to review")

    page.refresh_from_db()
    assert page.is_live
    assert ReviewRequest.objects.get().decided_by.username == "bertil"
    visitor = bertil.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/juridiska-fragor/")
    assert visitor.get_by_role("heading", name="Regler vid användning av AI").is_visible()
    visitor.context.close()

    # Anna's own view of the decision: nothing to decide, the reason in words.
    anna.goto(
        f"{live_server.url}/admin/publishing/reviewrequest/{ReviewRequest.objects.get().pk}/change/"
    )
    assert_axe_passes(anna, "decided change")


def test_a_conflicting_save_keeps_what_was_typed(
    live_server, two_editors, site_pages, without_four_eyes
):
    # Without review, so Bertil's save is the stored text (tests/publishing/test_concurrency.py
    # has the same refusal with a change waiting for review).
    anna, bertil = two_editors
    juridik = Category.objects.get(slug="juridik")
    with reversion.create_revision():  # as after load_demo_content or a first admin save
        juridik.save()
    url = f"{live_server.url}/admin/resources/category/{juridik.pk}/change/"
    anna.goto(url)
    bertil.goto(url)
    bertil.locator("#id_body").fill("## Bertils text")
    bertil.get_by_role("button", name="Spara", exact=True).click()
    bertil.wait_for_load_state("load")

    typed = "## Regler vid användning av AI\n\nAnnas text, som inte får försvinna."
    anna.locator("#id_body").fill(typed)
    anna.get_by_role("button", name="Spara", exact=True).click()
    anna.wait_for_load_state("load")

    assert anna.get_by_role("heading", name="Någon annan har sparat under tiden").is_visible()
    assert anna.locator("#id_body").input_value() == typed
    assert_axe_passes(anna, "change form with a refused save")
    juridik.refresh_from_db()
    assert juridik.body == "## Bertils text"
    with anna.context.expect_page() as compare:
        anna.get_by_role("link", name="Jämför versionen du öppnade med den senaste").click()
    compare.value.wait_for_load_state("load")
    assert "Bertils text" in compare.value.content()


def test_the_start_page_intro_goes_out_after_a_second_editor_approves_it(
    live_server, two_editors, site_pages
):
    from portal.models import StartPage

    anna, bertil = two_editors
    start_page = StartPage.objects.get()
    anna.goto(f"{live_server.url}/admin/portal/startpage/{start_page.pk}/change/")
    assert_axe_passes(anna, "start page form")
    anna.locator("#id_intro").fill("Redaktionens nya introduktion till webbplatsen.")
    anna.get_by_role("button", name="Skicka för granskning").click()
    anna.wait_for_load_state("load")
    assert "Skickat för granskning" in anna.content(), anna.locator("#content").inner_text()[:1500]
    visitor = bertil.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/")
    assert visitor.locator("p.lead").inner_text().startswith("Här samlar Digg")
    visitor.context.close()

    bertil.goto(f"{live_server.url}/admin/")
    bertil.get_by_role("link", name="Startsidan").click()
    bertil.wait_for_load_state("load")
    bertil.get_by_role("button", name="Godkänn och publicera").click()
    bertil.wait_for_load_state("load")
    start_page.refresh_from_db()
    assert start_page.intro == "Redaktionens nya introduktion till webbplatsen.", bertil.url

    # A new visitor: the first one's browser may keep the page for its short max-age.
    visitor = bertil.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/")
    assert (
        visitor.locator("p.lead").inner_text() == "Redaktionens nya introduktion till webbplatsen."
    )
    visitor.context.close()
