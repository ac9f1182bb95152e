"""Site search: the same tests on PostgreSQL and SQLite (Swedish stemming on both)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from initiatives.models import County, Initiative
from portal.search import MAX_QUERY_LENGTH, clean_query, search
from publishing import search_sqlite
from tests.factories import (
    InitiativeFactory,
    MunicipalityFactory,
    PageFactory,
    PublisherFactory,
    QuestionFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 table exists only on SQLite"
)


@pytest.fixture
def kalmar():
    municipality = MunicipalityFactory(name="Kalmar", slug="kalmar", county=County.KALMAR)
    return InitiativeFactory(
        title="Kalmar kommun testar AI för hjälp med schemaplanering",
        slug="kalmar-schemaplanering",
        municipality=municipality,
        ingress="Ett verktyg som föreslår scheman för medarbetarna i hemtjänsten.",
        body="Kommunen prövar om AI kan göra schemaläggningen enklare och mer rättvis.",
        area=Initiative.Area.ELDERLY_CARE,
        phase=Initiative.Phase.PILOT,
        technique=Initiative.Technique.OPTIMISATION,
        lessons_learned="Medarbetarna behöver vara med från början.",
    )


@pytest.fixture
def imy_resource():
    return ResourceFactory(
        title="Personuppgifter i socialtjänst",
        sender="Integritetsskyddsmyndigheten (IMY)",
        description="Vad dataskyddsförordningen betyder när kommunen behandlar uppgifter.",
        tags=["dataskydd"],
    )


def titles(results):
    return [result.title for result in results]


# --- Relevance ------------------------------------------------------------------------------


def test_definite_form_finds_the_base_form(imy_resource):
    # The resource says "socialtjänst"; the visitor writes "socialtjänsten".
    results = search("socialtjänsten")

    assert titles(results) == ["Personuppgifter i socialtjänst"]
    assert results.results[0].kind == "resource"


def test_base_form_finds_the_definite_form(kalmar):
    # Only "schemaläggningen" occurs in the initiative.
    results = search("schemaläggning")

    assert titles(results) == [kalmar.title]
    assert results.prefix_match is False


def test_title_match_ranks_above_body_match():
    in_body = InitiativeFactory(
        title="Strängnäs kommun stöttar handläggare",
        body="En språkmodell sorterar orosanmälningar efter hur brådskande de är.",
    )
    in_title = InitiativeFactory(
        title="Språkmodell för orosanmälningar",
        body="Strängnäs kommun testar en lösning för handläggarna.",
    )
    in_resource_title = ResourceFactory(title="Checklista för orosanmälningar")

    results = search("orosanmälningar")

    ranked = titles(results)
    assert ranked.index(in_title.title) < ranked.index(in_body.title)
    assert ranked.index(in_resource_title.title) < ranked.index(in_body.title)
    assert results.results[0].rank > results.results[-1].rank


def test_snippet_highlights_the_matching_word(kalmar):
    (result,) = search("schemaläggning")

    assert "<mark>schemaläggningen</mark>" in result.snippet


def test_snippet_cannot_carry_content_html():
    InitiativeFactory(
        title="Hemtjänstens planering",
        body=(
            '<script>alert("x")</script> Schemaläggning & bemanning <b onclick="x()">fet</b> '
            "<img src=x onerror=alert(1) [länk](https://x.se)"
        ),
    )

    (result,) = search("schemaläggning")

    assert "<script" not in result.snippet
    assert "<b" not in result.snippet
    assert "<img" not in result.snippet
    assert "<mark>Schemaläggning</mark> &amp; bemanning" in result.snippet
    assert "https://x.se" not in result.snippet  # Markdown link targets are not shown


def test_tags_are_searchable_and_follow_tag_changes():
    initiative = InitiativeFactory(title="Helsingborgs digitala tolk", tags=["tolkning"])
    assert titles(search("tolkning")) == [initiative.title]

    # Tags are set after save (the admin, a loader, the shell): the index follows.
    initiative.tags.add("välfärdsteknik")
    assert titles(search("välfärdsteknik")) == [initiative.title]

    initiative.tags.remove("välfärdsteknik")
    assert titles(search("välfärdsteknik")) == []

    tag = Tag.objects.get(name="tolkning")
    tag.name = "språktolkning"
    tag.save()
    assert titles(search("språktolkning")) == [initiative.title]

    tag.delete()
    assert titles(search("språktolkning")) == []


@pytest.mark.usefixtures("without_four_eyes")
def test_tags_set_in_the_admin_are_searchable(admin_client, site_pages):
    response = admin_client.post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Vägledning om AI-förordningen",
            "url": "https://www.example.se/ai-forordningen",
            "publisher": PublisherFactory().pk,
            "language": "sv",
            "description": "Vad AI-förordningen innebär för kommuner.",
            "category": ResourceFactory.build().category.pk,
            "format": "webbsida",
            "year": "",
            "tags": "riskklassning, regelverk",
            "status": "published",
            "published_at_0": "2024-01-16",
            "published_at_1": "10:00:00",
            "unpublish_at_0": "",
            "unpublish_at_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert titles(search("riskklassning")) == ["Vägledning om AI-förordningen"]


def test_municipality_name_is_searchable_and_follows_a_rename(kalmar):
    assert titles(search("Kalmar")) == [kalmar.title]

    kalmar.municipality.organisation = "Kalmar kommun, omsorgsförvaltningen"
    kalmar.municipality.save()

    assert titles(search("omsorgsförvaltningen")) == [kalmar.title]


def test_saving_updates_the_index(kalmar):
    assert titles(search("början")) == [kalmar.title]

    kalmar.lessons_learned = "Fackliga företrädare var med i arbetsgruppen."
    kalmar.save()

    assert titles(search("fackliga")) == [kalmar.title]
    assert titles(search("början")) == []


def test_drafts_and_questions_on_draft_pages_are_never_found():
    InitiativeFactory(title="Hemligt utkast om robotar", draft=True)
    ResourceFactory(title="Opublicerad vägledning om robotar", draft=True)
    draft_page = PageFactory(slug="utkastsida", title="Robotar i vården", draft=True)
    QuestionFactory(page=draft_page, question="Får robotar användas?")

    assert len(search("robotar")) == 0


def test_webinar_questions_are_found_with_their_address(site_pages):
    question = QuestionFactory(
        page=site_pages["webbinarium"],
        question="Får socialtjänsten använda AI för att fatta beslut?",
        answer="Automatiserade beslut kräver stöd i lag, till exempel i förvaltningslagen.",
    )

    (result,) = [r for r in search("förvaltningslagen")]

    assert result.kind == "question"
    assert result.kind_label == "Fråga och svar"
    assert result.url == f"/webbinarium/#fraga-{question.pk}"


def test_websearch_syntax_phrases_and_exclusion():
    helsingborg = InitiativeFactory(title="Digital tolk i Helsingborg", body="Tolk via app.")
    uppsala = InitiativeFactory(title="RiTA svarar på frågor", body="En tolk av rutiner.")

    assert set(titles(search("tolk"))) == {helsingborg.title, uppsala.title}
    assert titles(search("tolk -helsingborg")) == [uppsala.title]
    assert titles(search('"digital tolk"')) == [helsingborg.title]
    assert titles(search("helsingborg rutiner")) == []
    assert set(titles(search("helsingborg or rutiner"))) == {helsingborg.title, uppsala.title}


def test_beginning_of_a_compound_word_finds_it(kalmar):
    results = search("schema")

    assert titles(results) == [kalmar.title]
    assert results.prefix_match is True


def test_search_page_shows_ranked_highlighted_results(client, site_pages, kalmar):
    response = client.get(reverse("portal:search"), {"q": "schemaläggning"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "1 träff för ”schemaläggning”" in html
    assert f'<a href="{kalmar.get_absolute_url()}">{kalmar.title}</a>' in html
    assert "<mark>schemaläggningen</mark>" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_plural_and_genitive_find_the_base_form():
    chatbot = InitiativeFactory(
        title="Chattbot svarar invånare",
        body="En chattbot hjälper kommun och invånare dygnet runt.",
    )

    assert titles(search("chattbotar")) == [chatbot.title]
    assert titles(search("kommunens")) == [chatbot.title]
    assert "<mark>chattbot</mark>" in search("chattbotarna").results[0].snippet


def test_words_inside_link_addresses_are_not_searchable():
    linking = InitiativeFactory(
        title="Introduktion",
        body="Se [Helsingborgs försök](/ai-initiativ/digitala-tolken/) och https://www.example.se/robotar.",
    )

    assert titles(search("Helsingborgs")) == [linking.title]
    assert titles(search("tolken")) == []
    assert titles(search("robotar")) == []


def test_every_word_must_match_and_all_kinds_are_covered(site_pages):
    InitiativeFactory(title="Digital tolk", tags=["språkstöd"])
    ResourceFactory(title="Guide", description="Om språkstöd i mötet.")
    QuestionFactory(page=site_pages["webbinarium"], question="Finns språkstöd?")
    InitiativeFactory(title="Något annat", draft=True, tags=["språkstöd"])

    results = search("språkstöd")

    assert {r.kind for r in results} == {"initiative", "resource", "question"}
    assert results.total == 3
    assert titles(search("språkstöd mötet")) == ["Guide"]


def test_snippet_escapes_content_around_the_mark():
    InitiativeFactory(title="Planering", body="<b>Fet</b> text om amp & bemanning.")

    (result,) = search("amp")

    assert "<b>" not in result.snippet
    assert "<mark>amp</mark> &amp;" in result.snippet


def test_deleted_content_is_not_found(kalmar):
    kalmar.delete()

    assert titles(search("schemaläggning")) == []


@sqlite_only
def test_deleting_content_removes_its_rows_from_the_fts_index(kalmar, site_pages):
    question = QuestionFactory(page=site_pages["webbinarium"], question="Schemaläggning?")

    def indexed(obj):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {search_sqlite.DOCUMENTS} "
                "WHERE model = %s AND object_id = %s",
                [obj._meta.label, obj.pk],
            )
            return cursor.fetchone()[0]

    assert indexed(kalmar) == 1
    assert indexed(question) == 1
    kalmar_pk = kalmar.pk
    kalmar.delete()
    kalmar.pk = kalmar_pk
    site_pages["webbinarium"].delete()  # its questions go with it

    assert indexed(kalmar) == 0
    assert indexed(question) == 0
    with connection.cursor() as cursor:  # the triggers kept FTS5 in step (raises if not)
        cursor.execute(
            f"INSERT INTO {search_sqlite.FTS} ({search_sqlite.FTS}, rank) "
            "VALUES ('integrity-check', 1)"
        )


# --- The page, for any input (both databases) ----------------------------------------------


def test_empty_search_shows_the_form_and_a_hint(client, site_pages):
    response = client.get(reverse("portal:search"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="sok-fraga">Sök på webbplatsen</label>' in html
    assert 'role="search"' in html
    assert "Skriv ett eller flera ord" in html
    assert html.count("<h1") == 1


def test_no_hits_gives_suggestions(client, site_pages):
    response = client.get(reverse("portal:search"), {"q": "xyzzyplugh"})

    html = response.content.decode()
    assert "Inga träffar för ”xyzzyplugh”" in html
    assert "Kontrollera stavningen" in html
    assert reverse("initiatives:list") in html
    assert reverse("resources:category_list") in html


def test_long_query_is_cut_with_a_message(client, site_pages):
    response = client.get(reverse("portal:search"), {"q": "hemtjänst " * 40})

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Sökfrågan var längre än {MAX_QUERY_LENGTH} tecken" in html
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH


ODD_INPUTS = [
    '"',
    '""',
    "'",
    "-",
    "!!!",
    "&|!():*",
    "OR",
    "or or or",
    "a & b | !c",
    "-socialtjänst",
    # FTS5's own syntax (SQLite): none of it may reach the MATCH expression as syntax.
    'NEAR("a b", 2)',
    "schema*",
    "^schema",
    "a:schema",
    "{a b}: schema",
    'schema NOT "hemtjänst',
    "AND",
    "schema + läggning",
    "'; DROP TABLE initiatives_initiative; --",
    "1=1 OR 'a'='a'",
    "😀",
    "😀 schemaläggning 🤖",
    "\x00",
    "noll\x00byte",
    "%_%",
    "\\",
    "<script>alert(1)</script>",
    "och",
    "a" * 5000,
    "ö" * 300,
    "   ",
    "\t\n",
]


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_breaks_the_page(client, site_pages, kalmar, query):
    response = client.get(reverse("portal:search"), {"q": query})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert html.count("<h1") == 1


def test_the_visitors_query_is_escaped_on_the_page(client, site_pages):
    response = client.get(reverse("portal:search"), {"q": '<img src=x onerror="alert(1)">'})

    html = response.content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_only_punctuation_asks_for_a_word(client, site_pages):
    response = client.get(reverse("portal:search"), {"q": "!?–…"})

    assert "Skriv minst ett ord" in response.content.decode()
    assert response.context["results"] is None


def test_clean_query_drops_control_characters_and_squeezes_space():
    assert clean_query("  schema\x00 \t läggning\n").text == "schema läggning"
    assert clean_query(None).text == ""
    assert clean_query("x" * 201) == clean_query("x" * 200 + "y")
    assert clean_query("x" * 201).truncated is True


def test_header_search_form_on_every_page(client, site_pages):
    html = client.get(reverse("portal:home")).content.decode()

    assert '<form class="site-search" role="search" action="/sok/" method="get">' in html
    assert '<label class="site-search__label" for="webbplatssok">Sök på webbplatsen</label>' in html


def test_search_page_queries_do_not_grow_with_results(client, site_pages):
    def queries_for_search():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("portal:search"), {"q": "bemanning"})
        assert response.status_code == 200
        return len(captured), response

    def add(n, start):
        for i in range(start, start + n):
            InitiativeFactory(title=f"Bemanning {i}", tags=["bemanning", f"tagg-{i}"])
            ResourceFactory(title=f"Stöd om bemanning {i}", tags=["bemanning"])
        QuestionFactory(page=site_pages["webbinarium"], question=f"Bemanning {start}?")

    add(5, 0)
    few, response = queries_for_search()
    assert response.context["results"].total == 11
    add(45, 5)
    many, response = queries_for_search()
    assert response.context["results"].total == 102

    assert many <= few  # fewer when a kind of content has no hit among the first 50


def forget_the_index():
    """The state after the search migrations on a database that already had content."""
    if connection.vendor == "postgresql":
        Initiative.objects.update(search_vector=None)
    else:
        search_sqlite.clear()


def test_update_search_index_command_rebuilds_a_missing_index(kalmar):
    import io

    from django.core.management import call_command

    forget_the_index()
    assert titles(search("schemaläggning")) == []

    out = io.StringIO()
    call_command("update_search_index", stdout=out)

    assert "initiatives.Initiative: 1 rader indexerade" in out.getvalue()
    assert titles(search("schemaläggning")) == [kalmar.title]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL search")
def test_a_hit_is_read_without_the_long_texts_the_database_cuts_snippets_from(client):
    InitiativeFactory(title="Schemaläggning", lessons_learned="Schemaläggning tar tid.")
    resource = ResourceFactory(title="Stöd för schemaläggning")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/sok/", {"q": "schemaläggning"}).content.decode()

    assert "Schemaläggning" in html
    assert f'href="{resource.get_absolute_url()}"' in html
    selected = [q["sql"].split(" FROM ")[0] for q in queries.captured_queries]
    searched = [sql for sql in selected if "ts_headline" in sql]
    assert searched
    for sql in searched:
        columns = sql.split("ts_rank")[0]
        assert "lessons_learned" not in columns and '"description"' not in columns


def test_the_results_markup_is_remembered_per_question_until_content_changes(
    client, settings, kalmar
):
    from publishing import generation

    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("portal:search") + "?q=schemaplanering"
    first = client.get(url).content.decode()
    assert "Kalmar kommun testar AI för hjälp med schemaplanering" in first
    assert "fragment:search-results:schemaplanering" in generation._memo
    assert client.get(url).content.decode() == first

    kalmar.title = "Kalmar kommun prövar AI för schemaplanering"
    kalmar.save()  # a new generation: the results and their markup are made again

    again = client.get(url).content.decode()
    assert "Kalmar kommun prövar AI för schemaplanering" in again
    assert "testar AI för hjälp" not in again
