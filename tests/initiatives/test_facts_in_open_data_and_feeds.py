"""The standard facts reach the open dataset (JSON, CSV) and the feeds (issue 16)."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import Initiative
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def initiative(site_pages):
    initiative = InitiativeFactory(
        title="Chattbot för rutiner",
        purpose="Svara personalen på frågor om rutiner.",
        legal_basis="Kommunen anger förvaltningslagen.",
        impact_assessment=Initiative.ImpactAssessment.DONE,
        human_oversight="Svaren länkar till rutinen så att personalen kan kontrollera dem.",
        data_used="Textdata",
        sourcing=Initiative.Sourcing.JOINT,
        started_on=datetime.date(2023, 11, 6),
        period="6 november 2023 – 31 maj 2024",
        phase=Initiative.Phase.DEVELOPMENT,
        published_at=datetime.datetime(2024, 1, 16, 9, 0, tzinfo=datetime.UTC),
        results="Personalen var positiv.",
        contact="Arbetsmarknadsförvaltningen",
        contact_email="amf@kommun.example.se",
        contact_phone="018-00 00 00",
        confirmed_on=datetime.date(2025, 2, 3),
        other_sources="- [Rapporten](https://www.example.se/rapport)",
        editor_note="Intern: kontrollera slutdatum.",
    )
    initiative.phase = Initiative.Phase.ENDED
    initiative.save()
    initiative.phase_changes.filter(phase=Initiative.Phase.ENDED).update(
        changed_on=datetime.date(2024, 6, 1)
    )
    return initiative


STANDARD = {
    "purpose": "Svara personalen på frågor om rutiner.",
    "legal_basis": "Kommunen anger förvaltningslagen.",
    "impact_assessment": "genomford",
    "impact_assessment_name": "Genomförd",
    "human_oversight": "Svaren länkar till rutinen så att personalen kan kontrollera dem.",
    "data_used": "Textdata",
    "sourcing": "tillsammans",
    "sourcing_name": "Tillsammans med andra",
    "started_on": "2023-11-06",
    "period": "6 november 2023 – 31 maj 2024",
    "results": "Personalen var positiv.",
    "contact": "Arbetsmarknadsförvaltningen",
    "contact_email": "amf@kommun.example.se",
    "contact_phone": "018-00 00 00",
    "confirmed_on": "2025-02-03",
    "other_sources": "- [Rapporten](https://www.example.se/rapport)",
}


def open_data(client, fmt):
    return client.get(reverse("portal:open_data_file", kwargs={"dataset": "initiativ", "fmt": fmt}))


def test_the_json_carries_every_standard_fact_and_the_phase_dates(client, initiative):
    (item,) = json.loads(open_data(client, "json").content)["items"]

    assert {name: item[name] for name in STANDARD} == STANDARD
    assert item["phase_changes"] == ["2024-01-16:utveckling", "2024-06-01:avslutad"]
    assert "editor_note" not in item
    assert "Intern:" not in json.dumps(item, ensure_ascii=False)


def test_the_csv_carries_the_same_facts(client, initiative):
    (row,) = csv.DictReader(io.StringIO(open_data(client, "csv").content.decode()))

    assert {name: row[name] for name in STANDARD} == STANDARD
    assert row["phase_changes"] == "2024-01-16:utveckling|2024-06-01:avslutad"


def test_unknown_facts_are_empty_in_the_csv_and_null_in_the_json(client, site_pages):
    InitiativeFactory()
    (item,) = json.loads(open_data(client, "json").content)["items"]
    (row,) = csv.DictReader(io.StringIO(open_data(client, "csv").content.decode()))

    assert item["started_on"] is None and item["confirmed_on"] is None
    assert item["impact_assessment"] == "okand"
    assert row["started_on"] == row["confirmed_on"] == row["purpose"] == ""


def test_the_feeds_describe_each_initiative_with_its_facts(client, initiative):
    rss = ET.fromstring(client.get(reverse("initiatives:feed_rss")).content)
    atom = ET.fromstring(client.get(reverse("initiatives:feed_atom")).content)
    descriptions = [
        rss.find("channel/item").findtext("description"),
        atom.find(f"{ATOM}entry").findtext(f"{ATOM}summary"),
    ]

    for description in descriptions:
        assert "Svara personalen på frågor om rutiner." in description
        assert "Konsekvensbedömning avseende dataskydd" in description
        assert "Genomförd" in description
        assert "Tillsammans med andra" in description
        assert "6 november 2023" in description
        assert "1 juni 2024</time>: Avslutad" in description
        assert "mailto:amf@kommun.example.se" in description
        assert "Senast bekräftad av kommunen" in description
        assert "Intern:" not in description


def test_feed_queries_do_not_grow_with_items(client, site_pages):
    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("initiatives:feed_rss"))
        return len(captured)

    InitiativeFactory(results="Något **hände**.")
    few = count()
    for _ in range(5):
        InitiativeFactory(results="Något **hände**.")
    assert count() == few
