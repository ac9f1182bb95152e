"""The feedback question in a real browser, with JavaScript on (in place) and off (plain POST)."""

import re

import pytest
import reversion
from reversion.models import Version

from feedback.models import Feedback

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAL = "Sidan saknar exempel. Min klient har 19800101-1234, ring 070-123 45 67."
REDACTED = "Sidan saknar exempel. Min klient har [personnummer], ring [telefonnummer]."


def test_answer_and_comment_in_place_with_javascript(live_server, page, site_pages):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    with reversion.create_revision():
        site_pages["introduktion-till-ai"].save()
    version = Version.objects.get_for_object(site_pages["introduktion-till-ai"]).get()
    url = live_server.url + "/introduktion-till-ai/"
    page.goto(url)
    page.evaluate("window.notReloaded = true")

    block = page.locator("#feedback")
    assert block.get_by_role("heading", name="Hjälpte denna information dig?").is_visible()
    block.get_by_role("button", name="Nej").click()

    thanks = block.locator(".feedback__thanks", has_text="Tack för ditt svar!")
    thanks.wait_for()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Tack för ditt svar!"
    # Announced through the live region (a locator: wait_for_function would need eval, which
    # the site's CSP rightly forbids).
    block.locator("[data-feedback-live]", has_text="Tack för ditt svar!").wait_for(state="attached")
    assert page.url == url
    assert page.evaluate("window.notReloaded") is True
    assert Feedback.objects.get().helpful is False
    assert Feedback.objects.get().version_id == version.pk  # the JS path records it too

    box = block.get_by_label("Vad kan vi förbättra?")
    box.fill(PERSONAL)
    page.locator("#feedback-kommentar-antal").get_by_text(
        re.compile(r"Du har \d+ tecken kvar")
    ).wait_for()
    block.get_by_role("button", name="Skicka kommentar").click()

    block.locator(".feedback__thanks", has_text="Tack för din kommentar!").wait_for()
    assert page.evaluate("window.notReloaded") is True
    feedback = Feedback.objects.get()
    assert feedback.comment == REDACTED
    assert feedback.redacted is True
    assert not errors  # no CSP violation or script error


def test_errors_in_place_keep_the_comment(live_server, page, site_pages):
    page.goto(live_server.url + "/")
    page.locator("#feedback").get_by_role("button", name="Ja").click()
    box = page.get_by_label("Vad kan vi förbättra?")
    long_text = "Förbättra detta. " * 70
    box.fill(long_text)
    page.locator("#feedback-kommentar-antal", has_text="tecken för mycket").wait_for()
    page.get_by_role("button", name="Skicka kommentar").click()

    page.locator(".feedback__errors", has_text="Det gick inte att skicka").wait_for()
    assert "Kommentaren får vara högst" in page.locator("#feedback").inner_text()
    assert (
        page.get_by_label("Vad kan vi förbättra?").input_value() == long_text
    )  # exactly as written
    assert page.evaluate("document.activeElement.classList.contains('feedback__errors')")
    assert Feedback.objects.get().comment == ""


def test_answer_and_comment_without_javascript(live_server, page_without_js, site_pages):
    page = page_without_js
    page.goto(live_server.url + "/ai-initiativ/")
    page.locator("#feedback").get_by_role("button", name="Nej").click()

    page.locator(".feedback__thanks", has_text="Tack för ditt svar!").wait_for()
    assert re.search(r"/ai-initiativ/\?aterkoppling=.+#feedback$", page.url)
    page.get_by_label("Vad kan vi förbättra?").fill(PERSONAL)
    page.get_by_role("button", name="Skicka kommentar").click()

    page.locator(".feedback__thanks", has_text="Tack för din kommentar!").wait_for()
    assert page.url.endswith("/ai-initiativ/?aterkoppling=klar#feedback")
    feedback = Feedback.objects.get()
    assert (feedback.page, feedback.helpful, feedback.comment) == (
        "/ai-initiativ/",
        False,
        REDACTED,
    )


def test_feedback_block_passes_axe(live_server, page, site_pages):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + "/")
    page.locator("#feedback").get_by_role("button", name="Ja").click()
    page.locator(".feedback__thanks", has_text="Tack för ditt svar!").wait_for()

    results = Axe().run(page, context="#feedback")
    assert results.violations_count == 0, results.generate_report()
