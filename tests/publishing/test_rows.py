"""A list page reads its rows in full only when a remembered fragment must be rendered."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative
from publishing.rows import RowsOnDemand
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the views themselves


def selects(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]


def test_a_list_whose_cards_are_remembered_reads_only_their_keys():
    InitiativeFactory(title="Schemaläggning i hemtjänsten", tags=["schemaläggning"])
    InitiativeFactory(title="Språkmodell för journaler", tags=["språkmodeller"])
    client = Client()
    client.get("/ai-initiativ/")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/ai-initiativ/").content.decode()

    assert "Schemaläggning i hemtjänsten" in html
    assert "Språkmodell för journaler" in html
    assert "2 initiativ" in html
    # One query, for the order and the slice: no count, no columns a card shows, no tags.
    [query] = selects(queries)
    assert query.split(" FROM ")[0] == 'SELECT "initiatives_initiative"."id" AS "pk"'


def test_a_change_shows_on_the_list_at_once():
    initiative = InitiativeFactory(title="Före ändringen")
    client = Client()
    client.get("/ai-initiativ/")

    initiative.title = "Efter ändringen"
    initiative.save()
    InitiativeFactory(title="Ett nytt initiativ")
    html = client.get("/ai-initiativ/").content.decode()

    assert "Efter ändringen" in html
    assert "Före ändringen" not in html
    assert "Ett nytt initiativ" in html
    assert "2 initiativ" in html


def test_the_rows_load_in_full_once_for_the_whole_page():
    for title in ("A", "B", "C"):
        InitiativeFactory(title=title, tags=["etik"])
    page = Initiative.objects.published().order_by("title")[:2]
    rows = RowsOnDemand(page, load=lambda queryset: queryset.for_cards())

    with CaptureQueriesContext(connection) as queries:
        first, second = rows
        titles = [first.title, second.title, str(second)]
        tags = [tag.name for tag in first.tags.all()]
        municipality = second.municipality.name
    assert titles == ["A", "B", "B"]
    assert tags == ["etik"]
    assert municipality
    assert len(queries) == 2  # the rows with their municipalities, and their tags


def test_a_page_of_resources_loaded_gets_its_related_initiatives():
    from portal.templatetags.related import with_related_initiatives

    InitiativeFactory(title="Etik i praktiken", tags=["etik"])
    resource = ResourceFactory(tags=["etik"])
    rows = with_related_initiatives(
        RowsOnDemand(
            type(resource).objects.filter(pk=resource.pk),
            load=lambda queryset: queryset.with_listing_data(),
        )
    )

    [row] = rows
    assert [i.title for i in row.related_initiatives] == ["Etik i praktiken"]


def test_a_category_counts_what_visitors_see_and_a_preview_counts_drafts(editor_client, site_pages):
    ResourceFactory(title="Publicerat stöd")
    draft = ResourceFactory(title="Stöd som utkast", draft=True)
    url = draft.category.get_absolute_url()
    visitor = Client()
    visitors = visitor.get(url).content.decode()
    visitor.get(url)  # now remembered

    preview = editor_client.get(url, {"preview": "1"}).content.decode()

    assert "Stöd och verktyg (1)" in visitors
    assert "Stöd som utkast" not in visitors
    assert "Stöd och verktyg (2)" in preview
    assert "Stöd som utkast" in preview
    assert "Stöd och verktyg (1)" in visitor.get(url).content.decode()


def test_an_initiative_page_reads_one_row_while_its_case_study_is_remembered():
    initiative = InitiativeFactory(tags=["etik"], lessons_learned="Börja i liten skala.")
    client = Client()
    client.get(initiative.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        html = client.get(initiative.get_absolute_url()).content.decode()

    assert "Börja i liten skala." in html
    assert 'href="/amnen/etik/"' in html
    # The initiative itself; its tags, phase log and related content are in the fragments.
    assert len(selects(queries)) == 1


def test_an_initiative_page_shows_a_change_at_once():
    initiative = InitiativeFactory(tags=["etik"], lessons_learned="Före ändringen.")
    client = Client()
    client.get(initiative.get_absolute_url())

    initiative.lessons_learned = "Efter ändringen."
    initiative.save()
    initiative.tags.add("juridik")
    html = client.get(initiative.get_absolute_url()).content.decode()

    assert "Efter ändringen." in html
    assert "Före ändringen." not in html
    assert 'href="/amnen/juridik/"' in html


def test_tags_read_on_first_use_are_read_once():
    InitiativeFactory(slug="med-amnen", tags=["etik", "juridik"])
    initiative = Initiative.objects.with_tags(on_first_use=True).get(slug="med-amnen")

    with CaptureQueriesContext(connection) as queries:
        first = [tag.name for tag in initiative.tags.all()]
        again = [tag.name for tag in initiative.tags.all()]

    assert first == again == ["etik", "juridik"]
    assert len(queries) == 1


def test_a_preview_shows_the_drafts_case_study(editor_client):
    draft = InitiativeFactory(draft=True, tags=["etik"], lessons_learned="Utkastets lärdom.")

    html = editor_client.get(draft.get_absolute_url(), {"preview": "1"}).content.decode()

    assert "Utkastets lärdom." in html
    assert 'href="/amnen/etik/"' in html


def test_a_category_page_shows_a_new_resource_and_its_count_at_once(site_pages):
    first = ResourceFactory(title="Första stödet")
    url = first.category.get_absolute_url()
    visitor = Client()
    visitor.get(url)
    visitor.get(url)  # the items and the count are remembered

    ResourceFactory(title="Andra stödet", category=first.category)
    html = visitor.get(url).content.decode()

    assert "Andra stödet" in html
    assert "Stöd och verktyg (2)" in html


def test_the_markup_of_a_page_of_rows_is_remembered_for_exactly_those_rows(site_pages):
    from publishing.templatetags.remembered import rows_key

    first = ResourceFactory(title="Stöd på första sidan")
    for n in range(25):
        ResourceFactory(title=f"Stöd {n:02d}", category=first.category)
    url = first.category.get_absolute_url()
    visitor = Client()
    page_one = visitor.get(url).content.decode()
    page_two = visitor.get(f"{url}?page=2").content.decode()
    # Each page its own rows, also when asked again (the markup is remembered per rows).
    assert visitor.get(url).content.decode() == page_one
    assert visitor.get(f"{url}?page=2").content.decode() == page_two
    titles = {f"Stöd {n:02d}" for n in range(25)} | {"Stöd på första sidan"}
    on_one = {title for title in titles if title in page_one}
    on_two = {title for title in titles if title in page_two}
    assert on_one and on_two and not on_one & on_two
    assert len(on_one | on_two) == 26
    # The pagination, remembered per address, says which page it is.
    assert "Sida 1 av 2" in page_one and "Sida 2 av 2" in page_two
    assert 'href="?page=2"' in page_one and 'href="?page=1"' in page_two

    # Rows the page did not read on demand (a plain list) are never remembered.
    assert rows_key([first]) is None
