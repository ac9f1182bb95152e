import pytest

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_start_page_renders_in_chromium(live_server, page, site_pages):
    InitiativeFactory(title="Digitala tolken")

    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Till huvudinnehåll"
    page.get_by_role("link", name="Digitala tolken").click()
    assert page.locator("h1").inner_text() == "Digitala tolken"
