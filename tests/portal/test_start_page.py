"""The start page is content: its texts, entry points and featured initiatives come from
StartPage rows edited in the admin, with drafts, preview and four-eyes review."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from demo.load import load_demo_content
from portal.models import EntryPoint, FeaturedInitiative, StartPage
from publishing.models import ReviewRequest
from publishing.roles import EDITOR
from publishing.templatetags.text import swedish_number
from resources.models import Category
from tests.editorial import make_staff
from tests.factories import CategoryFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

OLD_INTRO = "Här samlar Digg, E-hälsomyndigheten och Socialstyrelsen exempel"


def home(client=None, **params) -> str:
    response = (client or Client()).get("/", params)
    assert response.status_code == 200
    return response.content.decode()


def live_start_page() -> StartPage:
    return StartPage.objects.published().get()


def test_the_migration_publishes_todays_start_page(site_pages):
    InitiativeFactory.create_batch(2)
    html = home()

    assert "<h1>AI för socialtjänsten</h1>" in html
    assert f'<p class="lead">{OLD_INTRO}' in html
    assert '<h2 id="ingangar">Hitta rätt</h2>' in html
    assert "Två kommuner berättar om hur de utforskar AI" in html
    assert '<h2 id="senaste">Senaste AI-initiativen</h2>' in html
    # Registrations and participation kept apart, as the final report (4.3) gives them.
    assert (
        "anmälde sig 1\u00a0000 personer från 91 procent av landets kommuner. 698 av dem "
        "deltog i sändningen, från 90 procent av kommunerna." in html
    )
    # The questions and answers on the webinar page itself, not SKR's site.
    link = '<a href="/webbinarium/#fragor-och-svar">Läs frågorna och svaren från webbinariet</a>'
    assert link in html
    titles = list(live_start_page().entry_points.values_list("title", flat=True))
    assert titles == [
        "Introduktion till AI",
        "AI-initiativ",
        "Stöd och verktyg",
        "Nätverk och forum",
    ]


def test_no_start_page_text_is_left_in_the_template():
    template = Path(django_settings.BASE_DIR) / "templates" / "portal" / "home.html"
    text = template.read_text()
    for old in [OLD_INTRO, "Hitta rätt", "kommuner berättar", "91 procent", "Senaste AI-init"]:
        assert old not in text


def test_the_texts_come_from_the_database(site_pages):
    page = live_start_page()
    page.heading = "Välkommen"
    page.intro = ""
    page.webinar_heading = ""
    page.save()
    page.entry_points.filter(title="AI-initiativ").update(
        title="Exempel", text="{antal_kategorier} kategorier", order=1
    )
    CategoryFactory.create_batch(3)

    html = home()

    assert "<h1>Välkommen</h1>" in html
    assert OLD_INTRO not in html and 'class="lead"' not in html
    assert "91 procent" not in html and 'id="webbinarium"' not in html
    section = html[html.index('id="ingangar"') :]
    assert section.index(">Exempel</a>") < section.index(">Introduktion till AI</a>")
    categories = Category.objects.count()
    assert (
        categories >= 3
        and f"<p>{swedish_number(categories).capitalize()} kategorier</p>" in section
    )


def test_featured_initiatives_show_in_the_chosen_order(site_pages):
    first, second, _third, _newest = (
        InitiativeFactory(
            title=f"Initiativ {n}", published_at=timezone.now() - datetime.timedelta(days=10 - n)
        )
        for n in range(4)
    )
    hidden = InitiativeFactory(title="Utkastet", draft=True)
    page = live_start_page()
    for order, initiative in enumerate([second, hidden, first]):
        FeaturedInitiative.objects.create(start_page=page, initiative=initiative, order=order)

    html = home()
    section = html[html.index('id="senaste"') :]

    assert section.index("Initiativ 1") < section.index("Initiativ 0")
    assert "Utkastet" not in section and "Initiativ 3" not in section


def test_without_featured_initiatives_the_latest_three_show(site_pages):
    for n in range(4):
        InitiativeFactory(
            title=f"Initiativ {n}", published_at=timezone.now() - datetime.timedelta(days=10 - n)
        )

    section = home()[home().index('id="senaste"') :]

    assert "Initiativ 3" in section and "Initiativ 1" in section and "Initiativ 0" not in section


def test_a_draft_start_page_is_for_the_editors_preview_only(editor_client, site_pages):
    draft = StartPage.objects.create(
        name="Nästa startsida", heading="Ett nytt utkast", entry_points_heading="Ingångar"
    )
    EntryPoint.objects.create(start_page=draft, title="Ny ingång", url="/ny/")

    assert "Ett nytt utkast" not in home()
    assert "Ett nytt utkast" not in home(preview="1")  # a visitor's preview is the public page
    assert "Ett nytt utkast" not in home(editor_client)

    response = editor_client.get(draft.get_absolute_url(), {"preview": "1"})
    html = response.content.decode()
    assert "<h1>Ett nytt utkast</h1>" in html and ">Ny ingång</a>" in html
    assert "Förhandsgranskning" in html
    assert response["Cache-Control"] == "private, no-store"
    # Previewing the live one from the list shows that one.
    live = live_start_page()
    assert "<h1>AI för socialtjänsten</h1>" in home(editor_client, preview="1", startsida=live.pk)


def test_the_newest_live_start_page_wins_and_none_falls_back(site_pages):
    StartPage.objects.create(
        name="Kampanj",
        heading="Kampanjens rubrik",
        entry_points_heading="Ingångar",
        status="published",
        published_at=timezone.now(),
    )
    assert "<h1>Kampanjens rubrik</h1>" in home()

    StartPage.objects.update(status="draft")
    InitiativeFactory(title="Ett initiativ")
    html = home()

    assert f"<h1>{django_settings.SITE_NAME}</h1>" in html
    assert "Ett initiativ" in html and "Kampanjens rubrik" not in html


def start_page_form(page, **overrides):
    local = timezone.localtime(page.published_at)
    data = {
        field: getattr(page, field)
        for field in [
            "name",
            "heading",
            "intro",
            "entry_points_heading",
            "featured_heading",
            "featured_link_text",
            "webinar_heading",
            "webinar_text",
            "webinar_link_text",
            "webinar_link_url",
            "status",
        ]
    }
    data.update(
        {
            "published_at_0": local.strftime("%Y-%m-%d"),
            "published_at_1": local.strftime("%H:%M:%S"),
            "initial-published_at_0": local.strftime("%Y-%m-%d"),
            "initial-published_at_1": local.strftime("%H:%M:%S"),
            "unpublish_at_0": "",
            "unpublish_at_1": "",
            "featured-TOTAL_FORMS": "0",
            "featured-INITIAL_FORMS": "0",
            "featured-MIN_NUM_FORMS": "0",
            "featured-MAX_NUM_FORMS": "1000",
        }
    )
    entries = list(page.entry_points.all())
    data.update(
        {
            "entry_points-TOTAL_FORMS": str(len(entries)),
            "entry_points-INITIAL_FORMS": str(len(entries)),
            "entry_points-MIN_NUM_FORMS": "0",
            "entry_points-MAX_NUM_FORMS": "1000",
        }
    )
    for n, entry in enumerate(entries):
        for field in ["id", "start_page", "order", "title", "text", "url"]:
            value = getattr(entry, f"{field}_id" if field == "start_page" else field)
            data[f"entry_points-{n}-{field}"] = value
    data.update(overrides)
    return data


def test_an_editors_change_goes_out_after_a_second_editor_approves(site_pages):
    author, reviewer = Client(), Client()
    author.force_login(make_staff("anna", EDITOR))
    reviewer.force_login(make_staff("bertil", EDITOR))
    page = live_start_page()
    initiative = InitiativeFactory(title="Utvalt initiativ")
    data = start_page_form(
        page,
        intro="En ny introduktion från redaktionen.",
        **{
            "entry_points-0-title": "Börja här",
            "featured-TOTAL_FORMS": "1",
            "featured-0-order": "1",
            "featured-0-initiative": str(initiative.pk),
        },
    )

    response = author.post(reverse("admin:portal_startpage_change", args=[page.pk]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert "En ny introduktion" not in home()
    assert OLD_INTRO in home()
    waiting = ReviewRequest.objects.pending().get()

    reviewer.post(
        reverse("admin:publishing_reviewrequest_change", args=[waiting.pk]), {"_approve": "1"}
    )

    html = home()
    assert '<p class="lead">En ny introduktion från redaktionen.</p>' in html
    assert OLD_INTRO not in html
    assert ">Börja här</a>" in html
    section = html[html.index('id="senaste"') :]
    assert "Utvalt initiativ" in section


def test_editors_have_rights_on_the_start_page_and_its_parts(editor):
    for codename in [
        "portal.change_startpage",
        "portal.publish_startpage",
        "portal.add_entrypoint",
        "portal.delete_featuredinitiative",
    ]:
        assert editor.has_perm(codename)


def test_the_admin_form_shows_the_start_page_with_its_parts(editor_client):
    page = live_start_page()

    html = editor_client.get(reverse("admin:portal_startpage_change", args=[page.pk])).content
    html = html.decode()

    assert "Nätverk där du kan dela erfarenheter med andra." in html
    assert "Utvalda AI-initiativ" in html


def test_the_demo_loader_leaves_the_start_page_alone(site_pages):
    page = live_start_page()
    page.intro = "Redaktionens egen text."
    page.save()

    load_demo_content()

    assert StartPage.objects.count() == 1
    assert live_start_page().intro == "Redaktionens egen text."
