"""Publishers are organisations: one row, one filter option, however the name was written."""

import importlib
import json

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from portal.search import search
from resources.models import Category, Publisher, Resource
from tests.factories import PublisherFactory, ResourceFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("resources.migrations.0009_publishers_and_language")

SKR_SPELLINGS = {
    "Sveriges Kommuner och Regioner (SKR)": 6,
    "Sveriges kommuner och regioner (SKR)": 1,
    "SKR": 1,
    "Sveriges Kommuner och Regioner": 1,
}


def test_the_migration_groups_every_spelling_of_one_organisation():
    counts = {
        **SKR_SPELLINGS,
        "Vinnova": 2,
        "Myndigheten för digital förvaltning (Digg)": 3,
        "Germundsson N, Stranz H (International Journal of Social Welfare)": 1,
    }

    groups = sorted(sorted(group) for group in migration.group_spellings(counts))

    assert sorted(SKR_SPELLINGS) in groups
    assert ["Vinnova"] in groups and len(groups) == 4
    skr = next(group for group in groups if "SKR" in group)
    assert migration.canonical(skr, counts) == ("Sveriges Kommuner och Regioner", "SKR")
    # Authors in brackets are not an abbreviation.
    article = "Germundsson N, Stranz H (International Journal of Social Welfare)"
    assert migration.canonical([article], counts) == (article, "")


def test_the_migration_rewrites_saved_versions_to_the_publisher():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from reversion.models import Revision, Version

    resource = ResourceFactory()
    revision = Revision.objects.create(date_created=timezone.now())
    old = [{"model": "resources.resource", "pk": resource.pk, "fields": {"sender": "SKR"}}]
    version = Version.objects.create(
        revision=revision,
        object_id=str(resource.pk),
        content_type=ContentType.objects.get_for_model(Resource),
        db="default",
        format="json",
        serialized_data=json.dumps(old),
        object_repr="x",
    )

    migration._rewrite_versions(apps, {"SKR": 42})

    version.refresh_from_db()
    fields = json.loads(version.serialized_data)[0]["fields"]
    assert fields == {"publisher": 42}


def test_the_filter_lists_an_organisation_once_with_all_its_resources(client, site_pages):
    skr = PublisherFactory(name="Sveriges Kommuner och Regioner", short_name="SKR", slug="skr")
    ResourceFactory(publisher=skr, category=Category.objects.get(slug="juridik"))
    ResourceFactory(publisher=skr, category=Category.objects.get(slug="etik"))
    ResourceFactory(sender="Vinnova")

    response = client.get(reverse("resources:list"))

    group = next(g for g in response.context["filters"].groups if g.facet.param == "avsandare")
    labels = [option.label for option in group.options]
    assert labels.count("Sveriges Kommuner och Regioner") == 1
    assert len(labels) == len(set(labels)) == 2
    assert {o.value: o.count for o in group.options}["skr"] == 2
    filtered = client.get(reverse("resources:list"), {"avsandare": "skr"})
    assert {r.publisher for r in filtered.context["resources"]} == {skr}
    assert "<dd>Sveriges Kommuner och Regioner (SKR)</dd>" in filtered.content.decode()


def test_one_name_is_one_publisher_whatever_its_case():
    Publisher.objects.create(name="Sveriges Kommuner och Regioner", slug="skr")
    with pytest.raises(IntegrityError), transaction.atomic():
        Publisher.objects.create(name="sveriges kommuner och regioner", slug="skr-2")


def test_renaming_a_publisher_renames_it_everywhere(client, site_pages):
    publisher = PublisherFactory(name="Gamla namnet", slug="gamla")
    resource = ResourceFactory(publisher=publisher)

    publisher.name = "Integritetsskyddsmyndigheten"
    publisher.short_name = "IMY"
    publisher.save()

    html = client.get(resource.category.get_absolute_url()).content.decode()
    assert "<dd>Integritetsskyddsmyndigheten (IMY)</dd>" in html
    assert "Gamla namnet" not in html
    assert resource.title in [result.title for result in search("Integritetsskyddsmyndigheten")]


def test_open_data_names_the_publisher_and_its_stable_id(client, site_pages):
    publisher = PublisherFactory(
        name="Sveriges Kommuner och Regioner", short_name="SKR", slug="skr"
    )
    ResourceFactory(publisher=publisher)

    url = reverse("portal:open_data_file", kwargs={"dataset": "stod-och-verktyg", "fmt": "json"})
    (item,) = json.loads(client.get(url).content)["items"]

    assert item["sender"] == "Sveriges Kommuner och Regioner (SKR)"
    assert item["sender_id"] == "skr"
    assert item["language"] == "sv"


def test_editors_manage_publishers_in_the_admin(editor_client):
    PublisherFactory(name="Vinnova", slug="vinnova")

    listing = editor_client.get(reverse("admin:resources_publisher_changelist"))
    assert listing.status_code == 200
    assert "Vinnova" in listing.content.decode()
    form = editor_client.get(reverse("admin:resources_resource_add"))
    assert form.status_code == 200
    assert 'name="publisher"' in form.content.decode()
    assert 'name="language"' in form.content.decode()
