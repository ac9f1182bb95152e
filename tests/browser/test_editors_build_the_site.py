"""Issue 13's "Done when": an editor builds the site in the admin, a second person approves.

From a database with nothing but what migrations leave (the roles and the eight
categories; the start page, links and header and footer texts the migrations publish are
deleted first), a Redaktör builds in a real browser the demo site's start page (with an
initiative to feature, written first), the main navigation, the footer (links and text)
and Juridik's legal text. Every change is sent for review and goes out only when an
Administratör approves it; an anonymous visitor's browser sees nothing of it before and
exactly what the editor typed after. The editor's own attempt to publish is refused.
"""

import importlib
from pathlib import Path

import pytest

import portal.migrations
from demo.categories import JURIDIK
from demo.initiatives import INITIATIVES
from initiatives.models import Initiative, Municipality
from portal.models import EntryPoint, FeaturedInitiative, Page, SiteLink, SiteText, StartPage
from publishing.models import Publishable, ReviewRequest
from publishing.roles import ADMINISTRATOR, EDITOR
from resources.models import Category, Resource
from tests.browser.test_accessibility import axe_report, run_axe
from tests.editorial import PASSWORD, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def _migration(suffix):
    """The texts a portal migration launched the site with (found by name, not number)."""
    name = next(Path(portal.migrations.__file__).parent.glob(f"*_{suffix}.py")).stem
    return importlib.import_module(f"portal.migrations.{name}")


# What the editor types: the demo site's texts, as the migrations and demo/ hold them.
START = _migration("start_page")
START_PAGE = START.START_PAGE
# Typed in another order than they should show: the order field decides.
ENTRY_POINTS = [(order * 10, *entry) for order, entry in enumerate(START.ENTRY_POINTS, start=1)]
LINKS = [
    (place, label, url, order * 10)
    for order, (place, label, url) in enumerate(_migration("site_links").LINKS, start=1)
]
MAIN_MENU = [label for place, label, _, _ in LINKS if place == SiteLink.Place.MAIN_MENU]
FOOTER = [label for place, label, _, _ in LINKS if place == SiteLink.Place.FOOTER]
SITE_TEXT = _migration("site_texts").SITE_TEXT
# The initiative the start page features, as demo/ has it (seed: the final report).
KALMAR = next(i for i in INITIATIVES if i["municipality"] == "Kalmar")
INITIATIVE = KALMAR["title"]


def signed_in(browser, live_server, username):
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def assert_axe_passes(page, name):
    results = run_axe(page)
    assert not results.violations_count, f"{name}:\n{axe_report(results)}"


class Visitor:
    """An anonymous visitor: a fresh browser each time, so no page is kept from before."""

    def __init__(self, browser, live_server):
        self.browser, self.base = browser, live_server.url

    def open(self, path):
        page = self.browser.new_context(locale="sv-SE").new_page()
        response = page.goto(self.base + path)
        assert response.status == 200, f"{path}: {response.status}"
        return page

    def site(self) -> dict:
        page = self.open("/")
        seen = {
            "heading": page.locator("main h1").inner_text(),
            "lead": page.locator("main p.lead").all_inner_texts(),
            "main": page.locator("main").inner_text(),
            "menu": page.get_by_role("navigation", name="Huvudmeny")
            .get_by_role("link")
            .all_inner_texts(),
            "footer": page.locator(".site-footer__links a").all_inner_texts(),
            "entry_points": page.locator(".entry-point h3").all_inner_texts(),
            "tagline": page.locator(".site-header__senders").all_inner_texts(),
            "footer_text": page.locator(".site-footer p").all_inner_texts(),
            "description": page.locator("meta[name=description]").get_attribute("content"),
        }
        page.context.close()
        return seen

    def juridik(self) -> str:
        page = self.open("/stod-och-verktyg/juridik/")
        text = page.locator("main").inner_text()
        headings = page.locator("main .category-body h2").all_inner_texts()
        page.context.close()
        return text, headings


def submit_for_review(page, message):
    page.get_by_label("Meddelande till granskaren (valfritt)").fill(message)
    page.get_by_role("button", name="Skicka för granskning").click()
    page.wait_for_load_state("load")
    assert "Skickat för granskning" in page.content(), page.locator("#content").inner_text()[:800]


def approve(page, live_server, object_repr):
    page.goto(f"{live_server.url}/admin/publishing/reviewrequest/?status__exact=vantar")
    page.get_by_role("link", name=object_repr, exact=True).click()
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Godkänn och publicera").click()
    page.wait_for_load_state("load")
    assert "Godkänd:" in page.content(), page.locator("#content").inner_text()[:800]


@pytest.fixture
def empty_site(migrated_rows):
    """Nothing but the eight categories: what migrations publish besides them is removed."""
    ReviewRequest.objects.all().delete()
    StartPage.objects.all().delete()
    SiteLink.objects.all().delete()
    SiteText.objects.all().delete()
    Page.objects.all().delete()
    Resource.objects.all().delete()
    Initiative.objects.all().delete()
    Municipality.objects.all().delete()
    assert Category.objects.count() == 8
    assert not Category.objects.exclude(body="").exists()
    assert not EntryPoint.objects.exists() and not FeaturedInitiative.objects.exists()


def test_an_editor_builds_the_site_and_nothing_goes_out_before_a_second_person_approves(
    browser, live_server, empty_site
):
    make_staff("redaktor", EDITOR)
    make_staff("publicist", ADMINISTRATOR)
    visitor = Visitor(browser, live_server)
    before = visitor.site()
    assert before["menu"] == [] and before["footer"] == [] and before["entry_points"] == []
    assert before["lead"] == [] and before["tagline"] == [] and before["footer_text"] == []
    editor = signed_in(browser, live_server, "redaktor")

    # First an initiative to feature: its municipality, then the initiative itself.
    editor.goto(f"{live_server.url}/admin/initiatives/municipality/add/")
    editor.locator("#id_name").fill(KALMAR["municipality"])
    editor.locator("#id_county").select_option(label="Kalmar län")
    editor.get_by_role("button", name="Spara", exact=True).click()
    editor.wait_for_load_state("load")
    assert Municipality.objects.filter(name="Kalmar", slug="kalmar").exists()
    editor.goto(f"{live_server.url}/admin/initiatives/initiative/add/")
    editor.locator("#id_title").fill(INITIATIVE)
    editor.locator("#id_municipality + .select2 .select2-selection").click()
    editor.locator(".select2-search__field").fill("Kalm")
    editor.locator(".select2-results__option", has_text="Kalmar").click()
    editor.locator("#id_ingress").fill(KALMAR["ingress"])
    editor.locator("#id_goals").fill(KALMAR["goals"])
    editor.locator("#id_implementation").fill(KALMAR["implementation"])
    for field in ("area", "phase", "technique"):
        editor.locator(f"#id_{field}").select_option(str(KALMAR[field]))
    submit_for_review(editor, "Ett initiativ att lyfta fram på startsidan.")

    # The start page: texts, the entry points, the featured initiative, the webinar box.
    editor.goto(f"{live_server.url}/admin/portal/startpage/add/")
    assert_axe_passes(editor, "new start page form")
    for field, value in START_PAGE.items():
        editor.locator(f"#id_{field}").fill(value)
    for index, (order, title, text, url) in enumerate(reversed(ENTRY_POINTS)):
        editor.get_by_role("button", name="Lägg till ytterligare ingång").click()
        editor.locator(f"#id_entry_points-{index}-order").fill(str(order))
        editor.locator(f"#id_entry_points-{index}-title").fill(title)
        editor.locator(f"#id_entry_points-{index}-text").fill(text)
        editor.locator(f"#id_entry_points-{index}-url").fill(url)
    editor.get_by_role("button", name="Lägg till ytterligare utvalt AI-initiativ").click()
    editor.locator("#id_featured-0-order").fill("10")
    editor.locator("#id_featured-0-initiative").select_option(label=INITIATIVE)
    assert_axe_passes(editor, "start page form with entry points")
    submit_for_review(editor, "Startsidan som på demowebbplatsen.")

    # The main navigation and the footer, one link at a time.
    for place, label, url, order in LINKS:
        editor.goto(f"{live_server.url}/admin/portal/sitelink/add/")
        if order == 10:
            assert_axe_passes(editor, "new link form")
        editor.locator("#id_place").select_option(place)
        editor.locator("#id_label").fill(label)
        editor.locator("#id_url").fill(url)
        editor.locator("#id_order").fill(str(order))
        submit_for_review(editor, f"Länken {label}.")

    # The texts around every page: the line under the site's name, the footer, the description.
    editor.goto(f"{live_server.url}/admin/portal/sitetext/add/")
    assert_axe_passes(editor, "new header and footer texts form")
    for field, value in SITE_TEXT.items():
        editor.locator(f"#id_{field}").fill(value)
    submit_for_review(editor, "Sidhuvud och sidfot.")

    # Juridik's legal text (seed 001, in our own words: demo/categories.py).
    juridik = Category.objects.get(slug="juridik")
    editor.goto(f"{live_server.url}/admin/resources/category/{juridik.pk}/change/")
    assert_axe_passes(editor, "category form")
    editor.locator("#id_body").fill(JURIDIK)
    submit_for_review(editor, "Juridiktexten från den gamla webbplatsen.")
    editor.goto(f"{live_server.url}/admin/resources/category/{juridik.pk}/change/")
    assert_axe_passes(editor, "category form with a change waiting")
    editor.goto(f"{live_server.url}/stod-och-verktyg/juridik/?preview=1")
    assert editor.get_by_text("Förhandsgranskning.").is_visible()
    assert_axe_passes(editor, "preview of a category page")

    # Approving one's own change is refused: no button, the reason in words, and
    # "Publicera nu" on one's own change sends it for review again instead.
    own = ReviewRequest.objects.get(object_repr="Juridik")
    editor.goto(f"{live_server.url}/admin/publishing/reviewrequest/{own.pk}/change/")
    assert editor.get_by_text("Du kan inte granska din egen ändring").is_visible()
    assert editor.get_by_role("button", name="Godkänn och publicera").count() == 0
    assert_axe_passes(editor, "own change on the decision screen")
    start_page = StartPage.objects.get()
    editor.goto(f"{live_server.url}/admin/portal/startpage/{start_page.pk}/change/")
    editor.get_by_role("button", name="Publicera nu").click()
    editor.wait_for_load_state("load")
    assert "Skickat för granskning" in editor.content()
    start_page.refresh_from_db()
    assert start_page.status == Publishable.Status.DRAFT
    waiting = ReviewRequest.objects.pending()
    assert waiting.count() == 1 + 1 + len(LINKS) + 1 + 1
    assert {r.requested_by.username for r in waiting} == {"redaktor"}

    # Before approval visitors see none of it.
    unapproved = visitor.site()
    assert unapproved["menu"] == [] and unapproved["footer"] == []
    assert unapproved["entry_points"] == [] and unapproved["lead"] == []
    assert unapproved["tagline"] == [] and unapproved["footer_text"] == []
    assert unapproved["description"] == ""
    assert START_PAGE["webinar_heading"] not in unapproved["main"]
    assert INITIATIVE not in unapproved["main"]
    text, headings = visitor.juridik()
    assert headings == [] and "Regler vid användning av AI" not in text

    # The second person approves every change.
    publisher = signed_in(browser, live_server, "publicist")
    assert publisher.get_by_text(f"Väntar på granskning ({waiting.count()})").is_visible()
    assert_axe_passes(publisher, "admin start page with changes waiting")
    publisher.goto(f"{live_server.url}/admin/publishing/reviewrequest/?status__exact=vantar")
    assert_axe_passes(publisher, "list of changes waiting")
    publisher.get_by_role("link", name="Juridik", exact=True).click()
    publisher.wait_for_load_state("load")
    assert publisher.get_by_text("Juridiktexten från den gamla webbplatsen.").is_visible()
    assert_axe_passes(publisher, "decision screen for a category text")
    publisher.get_by_role("link", name="Se vad som har ändrats, fält för fält").click()
    publisher.wait_for_load_state("load")
    assert publisher.get_by_text("Förändringar inom lagstiftningen på gång").first.is_visible()
    assert_axe_passes(publisher, "comparison of a category text")
    approve(publisher, live_server, "Juridik")
    approve(publisher, live_server, INITIATIVE)
    approve(publisher, live_server, START_PAGE["name"])
    approve(publisher, live_server, SITE_TEXT["name"])
    for place, label, _, _ in LINKS:
        approve(publisher, live_server, str(SiteLink(place=place, label=label)))
    assert not ReviewRequest.objects.pending().exists()
    approved = ReviewRequest.objects.filter(status=ReviewRequest.Status.APPROVED)
    assert {(r.requested_by.username, r.decided_by.username) for r in approved} == {
        ("redaktor", "publicist")
    }

    # Now visitors see what the editor typed.
    site = visitor.site()
    assert site["heading"] == START_PAGE["heading"]
    assert site["lead"] == [START_PAGE["intro"]]
    assert site["entry_points"] == [title for _, title, _, _ in ENTRY_POINTS]
    assert site["menu"] == MAIN_MENU
    assert site["footer"] == FOOTER
    assert site["tagline"] == [SITE_TEXT["tagline"]]
    assert site["footer_text"] == [SITE_TEXT["footer_text"]]
    assert site["description"] == SITE_TEXT["description"]
    for text in (
        START_PAGE["entry_points_heading"],
        START_PAGE["featured_heading"],
        INITIATIVE,
        START_PAGE["featured_link_text"],
        START_PAGE["webinar_heading"],
        START_PAGE["webinar_text"],
        START_PAGE["webinar_link_text"],
        "1 kommuner berättar om hur de utforskar AI",  # {antal_initiativ} filled in
    ):
        assert text in site["main"], text
    text, headings = visitor.juridik()
    assert headings == [
        "Regler vid användning av AI",
        "Förändringar inom lagstiftningen på gång",
        "Frågor och svar från SKR",
    ]
    assert "socialtjänstlagen (2001:453)" in text
    assert "Från den 1 mars 2024" in text
    for person in (editor, publisher):
        person.context.close()


def test_the_category_admin_screens_pass_axe(browser, live_server, migrated_rows):
    """The screens an editor meets around a category's texts, refusals included."""
    import reversion

    make_staff("redaktor", EDITOR)
    juridik = Category.objects.get(slug="juridik")
    with reversion.create_revision():
        juridik.body = JURIDIK
        juridik.save()
    editor = signed_in(browser, live_server, "redaktor")
    screens = {
        "category list": "/admin/resources/category/",
        "category history": f"/admin/resources/category/{juridik.pk}/history/",
        "content to review": "/admin/granska/",
    }
    for name, path in screens.items():
        response = editor.goto(live_server.url + path)
        assert response.status == 200, path
        assert_axe_passes(editor, name)
    assert editor.get_by_role("link", name="Juridik").first.is_visible()

    # A new name saved as a draft would skip review: refused, with the error in the form.
    editor.goto(f"{live_server.url}/admin/resources/category/{juridik.pk}/change/")
    editor.locator("#id_name").fill("Juridik och lagar")
    editor.get_by_role("button", name="Spara som utkast").click()
    editor.wait_for_load_state("load")
    assert editor.get_by_text("även när texterna är ett utkast").is_visible()
    assert editor.locator("#id_name").input_value() == "Juridik och lagar"
    assert_axe_passes(editor, "category form with a refused name change")
    juridik.refresh_from_db()
    assert juridik.name == "Juridik" and juridik.shows_texts
    editor.context.close()
