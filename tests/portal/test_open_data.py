"""Open data: JSON and CSV of everything published, with documented fields and a licence."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import Initiative
from publishing import registry
from tests.factories import InitiativeFactory, MunicipalityFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_pages, settings):
    settings.SITE_URL = "https://aisocialtjanst.example.se"
    helsingborg = MunicipalityFactory(
        name="Helsingborg", slug="helsingborg", organisation="Helsingborgs stad"
    )
    return {
        "initiative": InitiativeFactory(
            title='Digital tolk, på riktigt – "ÅÄÖ"',
            slug="digital-tolk",
            municipality=helsingborg,
            phase=Initiative.Phase.ENDED,
            body="Rad ett\nrad två, med komma",
            tags=["tolkning", "språk"],
        ),
        "draft": InitiativeFactory(title="Hemligt utkast", draft=True),
        "resource": ResourceFactory(
            title="Personuppgifter i socialtjänsten",
            url="https://www.imy.se/verksamhet/",
            sender="Integritetsskyddsmyndigheten (IMY)",
            year=2023,
            tags=["personuppgifter"],
        ),
        "draft_resource": ResourceFactory(title="Opublicerad", draft=True),
    }


def get_json(client, dataset):
    response = client.get(
        reverse("portal:open_data_file", kwargs={"dataset": dataset, "fmt": "json"})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content.decode("utf-8"))


def get_csv(client, dataset):
    response = client.get(
        reverse("portal:open_data_file", kwargs={"dataset": dataset, "fmt": "csv"})
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert not response.content.startswith(b"\xef\xbb\xbf")  # no BOM, as documented
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


def test_initiatives_json_documents_its_fields_and_licence(client, content):
    data = get_json(client, "initiativ")

    assert data["license"]["id"] == "CC0-1.0"
    assert "creativecommons.org/publicdomain/zero/1.0" in data["license"]["url"]
    assert "andra organisationer" in data["license_note"]
    datetime.fromisoformat(data["generated"])
    field_names = [field["name"] for field in data["fields"]]
    assert all(field["description"] and field["type"] for field in data["fields"])
    assert data["count"] == len(data["items"]) == 1  # no draft

    (item,) = data["items"]
    initiative = content["initiative"]
    assert list(item) == field_names
    assert item["id"] == initiative.pk
    assert item["slug"] == "digital-tolk"
    assert item["url"] == "https://aisocialtjanst.example.se/ai-initiativ/digital-tolk/"
    assert item["title"] == initiative.title
    assert item["organisation"] == "Helsingborgs stad"
    assert (item["phase"], item["phase_name"]) == ("avslutad", "Avslutad")
    assert item["tags"] == ["språk", "tolkning"]
    published = datetime.fromisoformat(item["published_at"])
    assert published == initiative.published_at.replace(microsecond=0)


def test_initiatives_csv_parses_with_the_same_fields(client, content):
    rows = get_csv(client, "initiativ")
    fields = [field.name for field in datasets()["initiativ"].fields]

    assert len(rows) == 1
    (row,) = rows
    assert list(row) == fields
    assert row["id"] == str(content["initiative"].pk)
    assert row["title"] == 'Digital tolk, på riktigt – "ÅÄÖ"'
    assert row["body"] == "Rad ett\nrad två, med komma"
    assert row["tags"] == "språk|tolkning"


def test_resources_json_and_csv_agree_and_skip_drafts(client, content):
    data = get_json(client, "stod-och-verktyg")
    rows = get_csv(client, "stod-och-verktyg")

    assert [item["title"] for item in data["items"]] == [row["title"] for row in rows]
    assert [item["title"] for item in data["items"]] == ["Personuppgifter i socialtjänsten"]
    (item,) = data["items"]
    resource = content["resource"]
    assert item["id"] == resource.pk
    assert (
        item["url"]
        == f"https://aisocialtjanst.example.se/stod-och-verktyg/juridik/#resurs-{resource.pk}"
    )
    assert item["link"] == "https://www.imy.se/verksamhet/"
    assert (item["category"], item["category_name"]) == ("juridik", "Juridik")
    assert item["year"] == 2023
    assert rows[0]["year"] == "2023"


def test_unknown_dataset_or_format_is_404(client, site_pages):
    assert client.get("/oppna-data/finns-inte.json").status_code == 404
    assert client.get("/oppna-data/initiativ.xml").status_code == 404


def test_open_data_page_documents_every_field_and_the_licence(client, content):
    response = client.get(reverse("portal:open_data"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for dataset in datasets().values():
        for field in dataset.fields:
            assert f'<th scope="row"><code>{field.name}</code></th>' in html
    assert "CC0 1.0" in html
    assert "Beskrivningarna av initiativen och av stöden och verktygen är skrivna av oss" in html
    assert "UTF-8 utan BOM, kommatecken" in html
    assert "varje gång de hämtas" in html
    assert 'href="/oppna-data/initiativ.csv"' in html
    assert 'href="/oppna-data/stod-och-verktyg.json"' in html


def test_open_data_queries_do_not_grow_with_rows(client, site_pages):
    def query_count(dataset):
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("portal:open_data_file", kwargs={"dataset": dataset, "fmt": "csv"}))
        return len(captured)

    for i in range(5):
        InitiativeFactory(tags=[f"ämne {i}"])
        ResourceFactory(tags=[f"ämne {i}"])
    few = [query_count("initiativ"), query_count("stod-och-verktyg")]
    for i in range(5, 50):
        InitiativeFactory(tags=[f"ämne {i}"])
        ResourceFactory(tags=[f"ämne {i}"])
    many = [query_count("initiativ"), query_count("stod-och-verktyg")]

    assert few == many


def datasets():
    return {dataset.slug: dataset for dataset in registry.datasets()}
