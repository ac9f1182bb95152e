"""`with_tags()` gives each row the tags prefetch_related would, in one query for the list."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import TaggedItem

from initiatives.models import Initiative
from resources.models import Resource
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_each_row_gets_its_own_tags_in_taggit_order_with_one_query():
    InitiativeFactory(tags=["vård", "språkmodell", "chatt"])
    InitiativeFactory(tags=["planering"])
    InitiativeFactory()

    queryset = Initiative.objects.published().with_tags().order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        rows = list(queryset)
        tags = [[tag.name for tag in row.tags.all()] for row in rows]
    assert len(queries) == 2  # the rows, and every row's tags
    expected = [[tag.name for tag in Initiative.objects.get(pk=row.pk).tags.all()] for row in rows]
    assert tags == expected == [["vård", "språkmodell", "chatt"], ["planering"], []]


def test_a_row_of_another_model_with_the_same_id_does_not_lend_its_tags():
    initiative = InitiativeFactory(tags=["initiativets ämne"])
    resource = ResourceFactory(tags=["resursens ämne"])
    # Give the resource the initiative's id, its tags following it.
    TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Resource), object_id=resource.pk
    ).update(object_id=initiative.pk)
    Resource.objects.filter(pk=resource.pk).update(id=initiative.pk)

    row = Resource.objects.with_tags().get(pk=initiative.pk)
    assert [tag.name for tag in row.tags.all()] == ["resursens ämne"]


def test_going_further_than_all_still_asks_the_database_correctly():
    first = InitiativeFactory(tags=["alfa", "beta"])
    InitiativeFactory(tags=["gamma"])

    row = Initiative.objects.with_tags().get(pk=first.pk)
    assert list(row.tags.filter(name="beta").values_list("name", flat=True)) == ["beta"]
    assert sorted(row.tags.names()) == ["alfa", "beta"]
    assert row.tags.count() == 2
