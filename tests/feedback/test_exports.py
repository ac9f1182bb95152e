"""CSV export: Excel-friendly, formula-safe, streamed; the same file from admin and command line."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models.query import QuerySet
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from feedback.exports import BOM, neutralise
from feedback.models import Feedback

pytestmark = pytest.mark.django_db

HEADER = [
    "Id",
    "Datum och tid",
    "Sida",
    "Svar",
    "Kommentar",
    "Uppgifter borttagna",
    "Status",
    "Version",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+46 är landsnumret", "'+46 är landsnumret"),
        ("-2 poäng", "'-2 poäng"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r'=cmd"),
        ("\n=cmd", "'\n'=cmd"),
        ('   =HYPERLINK("http://x")', '\'   =HYPERLINK("http://x")'),
        ("Bra sida\n=1+1", "Bra sida\n'=1+1"),
        ("Bra sida\r\n  -rad två\n@tre", "Bra sida\r\n'  -rad två\n'@tre"),
        ("Helt vanlig text, 2024-01-16 – bra!", "Helt vanlig text, 2024-01-16 – bra!"),
        ("/ai-initiativ/", "/ai-initiativ/"),
        (-5, "-5"),
        (12, "12"),
        (None, ""),
    ],
)
def test_formula_injection_is_neutralised(value, expected):
    assert neutralise(value) == expected


def make(comment="", page="/", helpful=True, day=datetime.date(2024, 3, 1), **kwargs):
    created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    return Feedback.objects.create(
        page=page, helpful=helpful, comment=comment, created_at=created, **kwargs
    )


def parse(content: bytes):
    assert content.startswith(BOM.encode("utf-8"))  # Excel needs it to read UTF-8
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def export_admin(client, **params):
    response = client.get(reverse("admin:feedback_feedback_export"), params)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content)


def test_export_parses_back_with_swedish_headers_and_tricky_cells(client, analyst):
    make('Semikolon; "citat" och\nny rad =1+1', helpful=False)
    make('=HYPERLINK("http://evil")', status=Feedback.Status.HANDLED)
    make("Min kollega 19800101-1234")
    client.force_login(analyst)

    rows = parse(export_admin(client))

    assert rows[0] == HEADER
    assert len(rows) == 4
    by_comment = {row[4]: row for row in rows[1:]}
    tricky = by_comment['Semikolon; "citat" och\nny rad =1+1']
    assert tricky[2:4] == ["/", "Nej"]
    assert tricky[1] == "2024-03-01 12:00"
    assert by_comment['\'=HYPERLINK("http://evil")'][6] == "Hanterad"
    assert by_comment["Min kollega [personnummer]"][5] == "Ja"


def test_export_has_the_version_each_answer_was_given_on(client, analyst):
    make("på version 41", version_id=41)
    make("utan version")
    client.force_login(analyst)

    rows = parse(export_admin(client))

    assert rows[0][-1] == "Version"
    assert {row[4]: row[7] for row in rows[1:]} == {"på version 41": "41", "utan version": ""}


def test_export_filters_by_period_and_page(client, analyst):
    make("före", day=datetime.date(2024, 2, 29))
    make("först", day=datetime.date(2024, 3, 1))
    make("sist", day=datetime.date(2024, 3, 31))
    make("annan sida", day=datetime.date(2024, 3, 15), page="/ai-initiativ/")
    make("efter", day=datetime.date(2024, 4, 1))
    client.force_login(analyst)

    rows = parse(export_admin(client, fran="2024-03-01", till="2024-03-31", sida="/"))
    assert [row[4] for row in rows[1:]] == ["först", "sist"]

    rows = parse(export_admin(client, fran="2024-03-01", till="2024-03-31"))
    assert [row[4] for row in rows[1:]] == ["först", "annan sida", "sist"]


def test_export_follows_every_changelist_filter_and_search(client, analyst):
    make("Ja med exempel", helpful=True)
    make("Nej med exempel", helpful=False)
    make("Nej utan", helpful=False)
    client.force_login(analyst)

    rows = parse(export_admin(client, helpful__exact="0", q="exempel"))
    assert [row[4] for row in rows[1:]] == ["Nej med exempel"]


def test_export_with_a_bad_period_explains_in_swedish(client, analyst):
    client.force_login(analyst)
    response = client.get(
        reverse("admin:feedback_feedback_export"),
        {"fran": "2024-03-31", "till": "2024-03-01"},
        follow=True,
    )
    assert (
        "Från-datumet måste vara samma dag som eller före till-datumet."
        in response.content.decode()
    )


def test_large_export_streams_without_loading_every_row(client, analyst, monkeypatch):
    Feedback.objects.bulk_create(
        [Feedback(page="/", helpful=bool(i % 2), comment=f"Kommentar {i}") for i in range(20_000)]
    )
    client.force_login(analyst)
    pulled = {"rows": 0, "chunk_size": None}
    original_iterator = QuerySet.iterator

    def counting_iterator(self, chunk_size=None):
        pulled["chunk_size"] = chunk_size
        for row in original_iterator(self, chunk_size=chunk_size):
            pulled["rows"] += 1
            yield row

    monkeypatch.setattr(QuerySet, "iterator", counting_iterator)

    response = client.get(reverse("admin:feedback_feedback_export"))
    assert isinstance(response, StreamingHttpResponse)
    assert pulled["rows"] == 0  # nothing is read before the first byte is asked for
    stream = iter(response.streaming_content)
    first_lines = [next(stream) for _ in range(3)]  # header and two rows
    assert first_lines[0].startswith(BOM.encode())
    assert pulled["rows"] == 2  # rows are turned into CSV one by one, as they are sent
    assert pulled["chunk_size"] == 2000  # and fetched from the database in chunks
    rest = sum(1 for _ in stream)
    assert 3 + rest == 20_001
    assert pulled["rows"] == 20_000


def test_command_writes_the_same_file_as_the_admin(client, analyst, tmp_path):
    make("först", day=datetime.date(2024, 3, 1), version_id=7)
    make("=annan", day=datetime.date(2024, 3, 2), page="/ai-initiativ/")
    make("utanför", day=datetime.date(2024, 5, 1))
    client.force_login(analyst)
    from_admin = export_admin(client, fran="2024-03-01", till="2024-03-31")
    assert b";Version\r\n" in from_admin and b";7\r\n" in from_admin

    out = io.StringIO()
    call_command("export_feedback", "--from", "2024-03-01", "--to", "2024-03-31", stdout=out)
    assert out.getvalue().encode("utf-8") == from_admin

    target = tmp_path / "export.csv"
    call_command(
        "export_feedback",
        "--from=2024-03-01",
        "--to=2024-03-31",
        "--page=/ai-initiativ/",
        f"--output={target}",
        stderr=io.StringIO(),
    )
    rows = parse(target.read_bytes())
    assert [row[4] for row in rows[1:]] == ["'=annan"]


def test_command_refuses_bad_dates():
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("export_feedback", "--from", "16/1")
    with pytest.raises(CommandError):
        call_command("export_feedback", "--from", "2024-02-01", "--to", "2024-01-01")
