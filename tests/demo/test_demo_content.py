"""The demo content loaded by `manage.py load_demo_content`: what it holds, and re-runs."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from reversion.models import Revision, Version
from taggit.models import Tag, TaggedItem

from demo import (
    LAUNCHED_AT,
    REPORT_TITLE,
    REPORT_URL,
    SITE_TEXTS_CHECKED_AT,
    swedish_date,
)
from demo.load import REVISION_COMMENT
from feedback.models import Feedback
from initiatives.models import County, Initiative, Municipality
from portal.models import Page, Question, SiteLink
from resources.models import Category, Publisher, Resource

pytestmark = pytest.mark.django_db

FOOTER_LINKED = ["behandling-av-personuppgifter", "kakor"]
SITE_PAGES = [
    "introduktion-till-ai",
    "natverk-och-forum",
    "webbinarium",
    "om-webbplatsen",
    "tillganglighetsredogorelse",
]


def load():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def remove_demo_content():
    # The footer links the command adds for the pages it creates.
    SiteLink.objects.filter(url__in=[f"/{slug}/" for slug in FOOTER_LINKED]).delete()
    for model in (
        Question,
        Page,
        Resource,
        Publisher,
        Initiative,
        Municipality,
        TaggedItem,
        Tag,
        Revision,
    ):
        model.objects.all().delete()
    Category.objects.update(body="")  # the categories themselves come from a migration


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for this module (each test still rolls back its own changes)."""
    with django_db_blocker.unblock():
        load()
    yield
    with django_db_blocker.unblock():
        remove_demo_content()


def row_counts():
    models = [Municipality, Initiative, Resource, Page, Question, Tag, TaggedItem]
    return {model.__name__: model.objects.count() for model in models}


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


# --- AI initiatives -------------------------------------------------------------------------


def test_loads_the_eleven_initiatives_of_table_1_with_their_municipalities(demo):
    expected = {
        "Helsingborg": (County.SKANE, "Helsingborgs stad"),
        "Kalmar": (County.KALMAR, "Kalmar kommun"),
        "Lidingö": (County.STOCKHOLM, "Lidingö stad"),
        "Linköping": (County.OSTERGOTLAND, "Linköpings kommun"),
        "Malmö": (County.SKANE, "Malmö stad"),
        "Skellefteå": (County.VASTERBOTTEN, ""),
        "Strängnäs": (County.SODERMANLAND, "Strängnäs kommun"),
        "Sundsvall": (County.VASTERNORRLAND, "Sundsvalls kommun"),
        "Uppsala": (County.UPPSALA, "Uppsala kommun"),
        "Vetlanda": (County.JONKOPING, "Vetlanda kommun"),
        "Värmdö": (County.STOCKHOLM, "Värmdö kommun"),
    }

    initiatives = Initiative.objects.published().select_related("municipality")

    assert initiatives.count() == 11
    assert {i.municipality.name for i in initiatives} == set(expected)
    for municipality in Municipality.objects.all():
        assert (municipality.county, municipality.organisation) == expected[municipality.name]
    assert Municipality.objects.get(name="Skellefteå").display_name == "Skellefteå kommun"


def test_initiative_titles_are_table_1_headings(demo):
    titles = set(Initiative.objects.values_list("title", flat=True))

    assert {
        "Digitala tolken – ett AI-verktyg som kan assistera handläggare med tolkning under möten",
        "Kalmar kommun testar AI för hjälp med schemaplanering",
        "AI kan assistera i att förutsäga framtida SiS- och HVB-placeringsbehov",
        "Sundsvalls kommun bygger gemensam AI-plattform",
        "Chatboten RiTA ska svara på frågor om arbetsmarknadsförvaltningens rutiner",
        "AI i mobilen kan spara tid för socialsekreterare",
    } <= titles


def test_phases_follow_the_seeds_and_articles_wording(demo):
    phase = dict(Initiative.objects.values_list("municipality__name", "phase"))

    assert phase["Helsingborg"] == Initiative.Phase.PILOT  # article: "testas"
    assert phase["Kalmar"] == Initiative.Phase.PILOT  # "testar"
    assert phase["Linköping"] == Initiative.Phase.ENDED  # article: not developed further
    assert phase["Strängnäs"] == Initiative.Phase.ENDED  # article: no launch
    assert phase["Sundsvall"] == Initiative.Phase.IN_PRODUCTION  # article: in use since 2023
    assert phase["Uppsala"] == Initiative.Phase.DEVELOPMENT  # "utvecklar"
    assert phase["Vetlanda"] == Initiative.Phase.ENDED  # article: project ended January 2024
    assert phase["Värmdö"] == Initiative.Phase.DEVELOPMENT  # article: in development
    # The appendix lists Malmö's project as ongoing: no seed says it ended.
    assert phase["Malmö"] != Initiative.Phase.ENDED


def test_initiatives_cite_the_article_and_the_final_report(demo):
    initiatives = {
        i.municipality.name: i for i in Initiative.objects.select_related("municipality")
    }

    for name, initiative in initiatives.items():
        if name == "Malmö":  # no article about Malmö was found
            assert (initiative.source_url, initiative.source_title) == (REPORT_URL, REPORT_TITLE)
            continue
        assert re.match(
            r"https://(www\.)?digg\.se/ai-for-socialtjansten/ai-initiativ/[a-z0-9-]+$",
            initiative.source_url,
        ), name
        assert initiative.source_title.endswith("(digg.se)")
        assert f"]({REPORT_URL})" in initiative.other_sources
    assert initiatives["Sundsvall"].source_url.endswith(
        "sundsvalls-kommun-bygger-gemensam-ai-plattform"
    )
    # Never the internal address of the publishing system that the report's PDF links to.
    assert not Initiative.objects.filter(source_url__contains="/utveckling/").exists()


def test_lessons_only_where_the_sources_tie_them_to_the_municipality(demo):
    lessons = dict(Initiative.objects.values_list("municipality__name", "lessons_learned"))

    assert "struktur" in lessons["Malmö"]
    assert "utmaningar kvarstår" in lessons["Strängnäs"]
    assert "framgångsfaktor" in lessons["Kalmar"]  # the article's success factors
    assert lessons["Uppsala"] == ""  # the article's lessons are cut off in the stored copy


def test_no_contact_people_are_invented(demo):
    assert not Initiative.objects.exclude(contact="").exists()


# --- Support and tools ----------------------------------------------------------------------

JURIDIK_SEED_001 = {
    "Automatisera handläggning och beslut": "Myndigheten för digital förvaltning (Digg)",
    "Checklist för jurister": "eSam",
    "Frågor och svar - tvångs- och skyddsåtgärder": "Socialstyrelsen",
    "Förtroendemodellen": "Myndigheten för digital förvaltning (Digg) i samarbete med "
    "Arbetsförmedlingen, Skatteverket och Bolagsverket",
    "Juridik vid användning av AI": "eSam",
    "Juridiskt stöd för dokumentation": "Socialstyrelsen",
    "Metodstöd för dataskydd vid innovation": "Myndigheten för digital förvaltning (Digg)",
    "Nationell informationsstruktur": "Socialstyrelsen",
    "Reglering av AI: För lite för sent eller för mycket för tidigt?": "Tillväxtanalys",
    # Seed 001 writes "Sveriges kommuner och regioner (SKR)": the same organisation, once.
    "Rättsliga förutsättningar för att använda AI i socialtjänsten": "Sveriges Kommuner och "
    "Regioner (SKR)",
    "Sammanhållen vård- och omsorgsdokumentation – samlat stöd för omsorgsgivare": (
        "Socialstyrelsen"
    ),
    "Skapa automationsvänliga regelverk": "Myndigheten för digital förvaltning (Digg)",
    "Utforma regelverk digitaliseringsvänligt": "Myndigheten för digital förvaltning (Digg)",
}


def test_juridik_holds_the_thirteen_resources_of_seed_001_with_their_senders(demo):
    juridik = Resource.objects.published().filter(category__slug="juridik")

    assert {r.title: str(r.publisher) for r in juridik} == JURIDIK_SEED_001
    pdfs = set(juridik.filter(format=Resource.Format.PDF).values_list("title", flat=True))
    assert pdfs == {
        "Checklist för jurister",
        "Frågor och svar - tvångs- och skyddsåtgärder",
        "Juridik vid användning av AI",
    }
    assert all(r.url.startswith("https://") for r in juridik)


def test_every_category_has_at_least_three_published_resources(demo):
    assert Category.objects.count() == 8
    for category in Category.objects.all():
        assert Resource.objects.published().in_category(category).count() >= 3, category.name


def test_appendix_items_are_under_forskning_och_utbildning_once_each(demo):
    research = Resource.objects.published().filter(category__slug="forskning-och-utbildning")
    titles = list(research.values_list("title", flat=True))

    assert len(titles) == 25
    assert {
        "Kraftsamling för AI i kommuner och civilsamhälle",
        "Vetlanda in i framtiden",
        "Artificiell Intelligens, Riktiga Människor",
        "Suing the algorithm: the mundanization of automated decision-making in public "
        "services through litigation",
        "Robothandläggare i socialtjänsten: Sveriges kommuner och regioners roll vid "
        "automatisering av ekonomiskt bistånd",
        "Superintelligent socialtjänst?",
    } <= set(titles)
    # Högskolan i Borås appears under two headings of the appendix.
    assert sum("När gör tekniken nytta" in title for title in titles) == 1
    formats = set(research.values_list("format", flat=True))
    assert formats == {
        Resource.Format.RESEARCH_PROJECT,
        Resource.Format.ARTICLE,
        Resource.Format.REPORT,
    }


def test_all_content_is_tagged_and_tags_join_initiatives_and_resources(client, demo):
    assert not Initiative.objects.filter(tags=None).exists()
    assert not Resource.objects.filter(tags=None).exists()
    assert all(tag.name == tag.name.lower() for tag in Tag.objects.all())

    response = client.get(reverse("portal:tag", kwargs={"slug": "ekonomiskt-bistand"}))

    html = response.content.decode()
    assert "AI som stöd i att utvärdera insatser" in html  # Malmö's initiative
    assert "Mot ökad likriktning?" in html  # a research project


def test_everything_is_published_with_the_launch_date(demo):
    for model in (Initiative, Resource, Page):
        assert model.objects.published().count() == model.objects.count()
    for model in (Initiative, Resource):
        assert set(model.objects.values_list("published_at", flat=True)) == {LAUNCHED_AT}
    # The pages about the site itself describe this code: published when they were written.
    written_now = {"behandling-av-personuppgifter", "kakor"}
    assert set(
        Page.objects.exclude(slug__in=written_now).values_list("published_at", flat=True)
    ) == {LAUNCHED_AT}
    assert set(
        Page.objects.filter(slug__in=written_now).values_list("published_at", flat=True)
    ) == {SITE_TEXTS_CHECKED_AT}


# --- Pages ----------------------------------------------------------------------------------


def test_the_five_site_pages_exist_and_are_published(demo):
    published = set(Page.objects.published().values_list("slug", flat=True))

    assert set(SITE_PAGES) <= published
    in_menu = set(Page.objects.filter(show_in_menu=True).values_list("slug", flat=True))
    assert in_menu == {"introduktion-till-ai", "natverk-och-forum"}


def test_webinar_page_has_skrs_three_legal_questions(client, demo):
    questions = Page.objects.get(slug="webbinarium").questions.all()

    assert [q.question for q in questions] == [
        "Vad gäller för att använda AI för verksamhetsutveckling generellt i socialtjänsten?",
        "Vad gäller för att använda AI för handläggning generellt i socialtjänsten?",
        "Vad gäller för att använda AI specifikt när det gäller anmälningar och "
        "förhandsbedömningar om barn och unga i socialtjänsten?",
    ]
    assert {q.group for q in questions} == {"Juridik"}
    assert {q.source for q in questions} == {
        "Sveriges Kommuner och Regioner (SKR): Rättsliga förutsättningar för att använda AI i "
        "socialtjänsten, publicerad 16 oktober 2023"
    }

    html = client.get("/webbinarium/").content.decode()
    assert "16 januari 2024" in html
    assert "698 unika deltagare" in html
    assert "7 a § SoLPUL" in html


def test_juridik_carries_seed_001s_legal_text_above_its_resources(client, demo):
    html = client.get(reverse("resources:category", args=["juridik"])).content.decode()
    html = " ".join(html.split())  # Markdown keeps the source's line breaks

    rules = html.index("<h2>Regler vid användning av AI</h2>")
    changes = html.index("<h2>Förändringar inom lagstiftningen på gång</h2>")
    resources = html.index('id="stod-lista"')
    assert rules < changes < resources
    assert h1_count(html) == 1
    # The statutes with their SFS numbers, as seed 001 names them.
    for statute in [
        "socialtjänstlagen (2001:453)",
        "lagen (1993:387) om stöd och service till vissa funktionshindrade",
        "lagen (1990:52) med särskilda bestämmelser om vård av unga",
        "lagen (1988:870) om vård av missbrukare i vissa fall",
        "lagen (2001:454) om behandling av personuppgifter inom socialtjänsten",
    ]:
        assert statute in html[rules:changes]
    # The changes under way, dated as the seed dates them.
    under_way = html[changes:resources]
    assert under_way.count("1 mars 2024") == 2
    assert "Under 2024" in under_way and "ny socialtjänstlag" in under_way
    assert "I början av 2024" in under_way and "AI-förordning" in under_way
    assert "produktansvarsdirektiv" in under_way


def test_skrs_legal_questions_are_reachable_from_juridik_with_source_and_date(client, demo):
    html = " ".join(
        client.get(reverse("resources:category", args=["juridik"])).content.decode().split()
    )

    link = re.search(r'<a href="(/webbinarium/#fragor-och-svar)"[^>]*>([^<]+)</a>', html)
    assert link and "SKR" in link.group(2)
    assert "källa: SKR, 16 oktober 2023" in html
    target = client.get(link.group(1).partition("#")[0]).content.decode()
    assert 'id="fragor-och-svar"' in target
    assert "publicerad 16 oktober 2023" in target
    assert "7 a § SoLPUL" in target


def test_a_rerun_keeps_an_editors_category_text(demo):
    category = Category.objects.get(slug="juridik")
    category.body = "## Redaktörens egen text"
    category.save()

    load()

    category.refresh_from_db()
    assert category.body == "## Redaktörens egen text"


def test_accessibility_statement_has_the_required_parts(client, demo):
    html = client.get("/tillganglighetsredogorelse/").content.decode()

    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'href="mailto:digg@digg.se"' in html
    assert f"uppdaterades senast den {swedish_date(SITE_TEXTS_CHECKED_AT)}" in " ".join(
        html.split()
    )


# --- Re-runs --------------------------------------------------------------------------------


def test_running_twice_gives_the_same_rows(demo):
    remove_demo_content()  # rolled back after the test, like every change here
    first = load()
    counts = row_counts()

    second = load()

    assert row_counts() == counts
    assert "created" in first
    assert "already present" in second


def test_rerun_keeps_editors_changes_and_adds_no_duplicates(demo):
    initiative = Initiative.objects.get(municipality__name="Kalmar")
    initiative.title = "Schemaplanering med AI i Kalmar"
    initiative.save()
    initiative.tags.remove("tidsbesparing")
    resource = Resource.objects.get(category__slug="juridik", title="Checklist för jurister")
    resource.description = "Redaktörens egen beskrivning."
    resource.save()
    page = Page.objects.get(slug="om-webbplatsen")
    page.body = "Redaktörens text."
    page.save()
    question = Question.objects.filter(page__slug="webbinarium").first()
    question.question = "Redaktörens omskrivna fråga?"
    question.save()
    counts = row_counts()

    load()

    assert row_counts() == counts
    initiative.refresh_from_db()
    assert initiative.title == "Schemaplanering med AI i Kalmar"
    assert "tidsbesparing" not in initiative.tags.names()
    resource.refresh_from_db()
    assert resource.description == "Redaktörens egen beskrivning."
    page.refresh_from_db()
    assert page.body == "Redaktörens text."
    assert Question.objects.filter(page__slug="webbinarium").count() == 3


def test_a_deleted_demo_row_comes_back_on_the_next_run(demo):
    Resource.objects.get(category__slug="juridik", title="Förtroendemodellen").delete()

    load()

    assert Resource.objects.filter(category__slug="juridik").count() == 13


def test_missing_categories_stop_the_command_with_a_clear_message(demo):
    remove_demo_content()
    Category.objects.filter(slug="etik").delete()

    with pytest.raises(CommandError, match=r"\(run migrate first\): etik"):
        load()

    assert not Initiative.objects.exists()  # nothing half-loaded


# --- Version history -----------------------------------------------------------------------


def test_every_row_the_command_creates_starts_with_one_version_of_its_own(demo):
    for model in (Municipality, Initiative, Publisher, Resource, Page, Question):
        for obj in model.objects.all():
            versions = Version.objects.get_for_object(obj).select_related("revision")
            assert [v.revision.get_comment() for v in versions] == [REVISION_COMMENT], obj
            assert versions[0].revision.user is None
    # The categories come from a migration; the text the command gives one is its first
    # version.
    juridik = Version.objects.get_for_object(Category.objects.get(slug="juridik"))
    assert [v.revision.get_comment() for v in juridik] == [REVISION_COMMENT]
    # One revision per row (a page with its questions), never one for the whole run.
    rows = sum(
        model.objects.count() for model in (Municipality, Initiative, Publisher, Resource, Page)
    )
    rows += len(juridik)
    # And the footer links to the pages it created.
    assert Version.objects.get_for_model(SiteLink).count() == len(FOOTER_LINKED)
    rows += len(FOOTER_LINKED)
    assert Revision.objects.count() == rows
    webinar = Version.objects.get_for_object(Page.objects.get(slug="webbinarium")).get()
    assert webinar.revision.version_set.count() == 1 + 3  # the page and its three questions
    # The version holds the row as saved, tags included.
    kalmar = Initiative.objects.get(municipality__name="Kalmar")
    assert Version.objects.get_for_object(kalmar).get().field_dict["tags"]
    # The eight categories come from a migration; only a text written here gets a version.
    assert Version.objects.get_for_model(Category).count() == len(juridik) == 1


def test_reruns_add_no_versions_and_a_recreated_row_gets_its_first(demo):
    load()
    assert Revision.objects.count() == 1 + len(FOOTER_LINKED) + sum(  # Juridik's text, links
        model.objects.count() for model in (Municipality, Initiative, Publisher, Resource, Page)
    )
    resource = Resource.objects.get(category__slug="juridik", title="Förtroendemodellen")
    resource.delete()

    load()

    recreated = Resource.objects.get(category__slug="juridik", title="Förtroendemodellen")
    assert Version.objects.get_for_object(recreated).get().revision.get_comment() == (
        REVISION_COMMENT
    )


def test_answers_on_demo_content_record_its_version(demo):
    initiative = Initiative.objects.get(municipality__name="Kalmar")
    version = Version.objects.get_for_object(initiative).get()

    response = Client().post(
        reverse("feedback:answer"), {"page": initiative.get_absolute_url(), "helpful": "nej"}
    )

    assert response.status_code == 303
    assert Feedback.objects.get().version_id == version.pk


# --- Every page renders ---------------------------------------------------------------------


def demo_urls():
    urls = ["/", reverse("initiatives:list"), reverse("resources:category_list")]
    urls += [reverse("portal:tag_list")]
    urls += [initiative.get_absolute_url() for initiative in Initiative.objects.all()]
    urls += [category.get_absolute_url() for category in Category.objects.all()]
    urls += [reverse("portal:page", kwargs={"slug": slug}) for slug in SITE_PAGES]
    urls += [reverse("portal:tag", kwargs={"slug": tag.slug}) for tag in Tag.objects.all()]
    return urls


def test_every_page_returns_200_with_exactly_one_h1(client, demo):
    for url in demo_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert h1_count(response.content.decode()) == 1, url


def test_internal_links_in_the_demo_content_lead_somewhere(client, demo):
    """The Markdown links between pages, initiatives and categories are not broken."""
    pages = [reverse("portal:page", kwargs={"slug": slug}) for slug in SITE_PAGES]
    pages += [initiative.get_absolute_url() for initiative in Initiative.objects.all()]
    links = set()
    for url in pages:
        html = client.get(url).content.decode()
        prose = "".join(re.findall(r'<div class="prose">(.*?)</div>', html, re.S))
        links |= set(re.findall(r'href="(/[^"#]*)"', prose))

    assert len(links) > 10
    for link in sorted(links):
        assert client.get(link).status_code == 200, link
