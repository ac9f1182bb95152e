"""What visitors search for: counted per day and term, redacted, never tied to a visitor."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback import searchterms, summary
from feedback.models import SearchTermDay
from publishing import searchreport
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_counting_cache")]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
SUMMARY = reverse("admin:feedback_feedback_summary")


def visitor(ip="198.51.100.10", agent=BROWSER):
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


def terms():
    searchterms.flush()
    return {
        row.term: (row.searches, row.without_results, row.results)
        for row in SearchTermDay.objects.filter(date=timezone.localdate())
    }


@pytest.fixture
def content(site_pages):
    InitiativeFactory(title="Schemaläggning med AI i hemtjänsten", body="Om schemaläggning.")


def test_searches_are_counted_per_term_with_their_results(content):
    first, second = visitor(), visitor("198.51.100.11")
    first.get("/sok/", {"q": "Schemaläggning"})
    second.get("/sok/", {"q": "  schemaläggning "})
    first.get("/sok/", {"q": "flygande elefanter"})

    assert terms() == {"schemaläggning": (2, 0, 1), "flygande elefanter": (1, 1, 0)}


def test_the_report_never_reaches_the_visitor(content):
    response = visitor().get("/sok/", {"q": "schemaläggning"})
    assert searchreport.HEADER not in response
    assert response.status_code == 200


def test_cached_search_pages_are_counted_too(content, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert visitor().get("/sok/", {"q": "hemtjänsten"})["X-Page-Cache"] == "miss"
    hit = visitor("198.51.100.12").get("/sok/", {"q": "hemtjänsten"})
    assert hit["X-Page-Cache"] == "hit"
    assert searchreport.HEADER not in hit
    assert terms() == {"hemtjänsten": (2, 0, 1)}


def test_not_counted_an_empty_query_bots_staff_or_the_bare_search_page(content, editor):
    visitor().get("/sok/")
    visitor().get("/sok/", {"q": "  "})
    visitor(agent="Googlebot/2.1").get("/sok/", {"q": "robot"})
    staff = Client(REMOTE_ADDR="198.51.100.13", HTTP_USER_AGENT=BROWSER)
    staff.force_login(editor)
    staff.get("/sok/", {"q": "redaktör"})
    assert terms() == {}


def test_personal_data_in_a_query_is_redacted_before_it_is_counted(content):
    visitor().get("/sok/", {"q": "Ring 070-123 45 67 om 19121212-1212"})
    assert terms() == {"ring [telefonnummer] om [personnummer]": (1, 1, 0)}


def test_a_search_costs_no_database_query(content):
    visitor().get("/sok/", {"q": "värmlänning"})  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = visitor().get("/sok/", {"q": "värmlänning"})
        response.close()
    # The search itself queries the content; counting adds nothing that touches the table.
    assert not [q for q in queries if "feedback_searchtermday" in q["sql"]]


def test_normalise_caps_length_and_squeezes_space():
    assert searchterms.normalise("  Hej\tDÄR  ") == "hej där"
    assert searchterms.normalise("Ａｂｃ") == "abc"  # NFKC: full-width letters
    assert len(searchterms.normalise("ord " * 100)) <= 100
    assert searchterms.normalise("\x00\x00") == ""


def test_summary_shows_top_terms_and_terms_that_found_nothing(content, client, analyst):
    for _ in range(3):
        visitor().get("/sok/", {"q": "ingenting här"})
    visitor().get("/sok/", {"q": "schemaläggning"})
    visitor().get("/sok/", {"q": "annat okänt"})
    client.force_login(analyst)
    response = client.get(SUMMARY)
    searches = response.context["searches"]
    assert [(t.term, t.without_results) for t in searches["nothing"]] == [
        ("ingenting här", 3),
        ("annat okänt", 1),
    ]
    assert searches["top"][0].term == "ingenting här"
    assert (searches["searches"], searches["without_results"], searches["terms"]) == (5, 4, 3)
    body = response.content.decode()
    assert "Sökningar utan träffar" in body and "ingenting här" in body


def test_search_terms_csv_per_day(content, client, analyst):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SearchTermDay.objects.create(
        date=yesterday, term="=summa(a1)", searches=2, without_results=2, results=0
    )
    visitor().get("/sok/", {"q": "schemaläggning"})
    client.force_login(analyst)
    response = client.get(SUMMARY, {"format": "csv", "del": "sokord"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["Datum", "Sökord", "Sökningar", "Sökningar utan träffar", "Träffar"]
    assert rows[1:] == [
        [yesterday.isoformat(), "'=summa(a1)", "2", "2", "0"],  # formula made inert
        [timezone.localdate().isoformat(), "schemaläggning", "1", "0", "1"],
    ]


def test_editors_cannot_export_search_terms(content, client, editor):
    client.force_login(editor)
    assert client.get(SUMMARY, {"format": "csv", "del": "sokord"}).status_code == 403


def test_old_search_terms_are_deleted_like_old_comments(settings):
    settings.FEEDBACK_SEARCH_TERM_RETENTION_MONTHS = 13
    today = timezone.localdate()
    old = SearchTermDay.objects.create(date=today - datetime.timedelta(days=400), term="gammal")
    kept = SearchTermDay.objects.create(date=today - datetime.timedelta(days=380), term="ny")

    out = io.StringIO()
    call_command("purge_old_feedback", "--dry-run", stdout=out)
    assert "1 search term rows" in out.getvalue()
    assert SearchTermDay.objects.count() == 2

    call_command("purge_old_feedback", stdout=io.StringIO())
    assert not SearchTermDay.objects.filter(pk=old.pk).exists()
    assert SearchTermDay.objects.filter(pk=kept.pk).exists()


def test_the_flush_command_moves_searches_too(content, each_counting_cache):
    visitor().get("/sok/", {"q": "kommando"})
    out = io.StringIO()
    call_command("flush_view_counts", stdout=out)
    if each_counting_cache == "redis":
        assert SearchTermDay.objects.filter(term="kommando").exists()
    assert "sökord per dag" in out.getvalue()


def test_summary_lists_in_the_same_order_as_stored(content):
    today = timezone.localdate()
    SearchTermDay.objects.create(date=today, term="b", searches=3, without_results=0, results=2)
    SearchTermDay.objects.create(date=today, term="a", searches=3, without_results=3, results=0)
    found = summary.search_terms(today, today)
    assert [t.term for t in found["top"]] == ["a", "b"]
    assert [(t.term, t.results) for t in found["nothing"]] == [("a", 0)]


def test_a_flood_of_made_up_terms_is_bounded(content, settings):
    settings.FEEDBACK_SEARCH_TERMS_PER_DAY = 3
    for word in ["ett", "två", "tre", "fyra", "fem", "ett"]:
        visitor().get("/sok/", {"q": word})
    counted = terms()
    assert set(counted) == {"ett", "två", "tre", searchterms.OTHER_TERMS}
    assert counted["ett"][0] == 2  # a term already counted today still counts as itself
    assert counted[searchterms.OTHER_TERMS][0] == 2


def test_a_query_with_personal_data_is_never_kept_for_reuse():
    from feedback import searchterms

    searchterms._terms.clear()
    assert searchterms.normalise("Hemtjänst  Malmö") == "hemtjänst malmö"
    assert searchterms.normalise("Hemtjänst  Malmö") == "hemtjänst malmö"  # from the kept term
    assert "Hemtjänst  Malmö" in searchterms._terms
    term = searchterms.normalise("anna 19121212-1212")
    assert "1212" not in term
    assert not any("1212" in query for query in searchterms._terms)
