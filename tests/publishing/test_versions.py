"""current_version_id(): which version of the content a public address shows."""

import pytest
import reversion
from reversion.models import Version

from publishing.versions import current_version_id
from resources.models import Category
from tests.factories import InitiativeFactory, PageFactory

pytestmark = pytest.mark.django_db


def save_version(obj):
    with reversion.create_revision():
        obj.save()
    return Version.objects.get_for_object(obj).order_by("-pk").first().pk


def test_latest_version_of_an_object_and_of_its_public_address():
    initiative = InitiativeFactory()
    first = save_version(initiative)
    initiative.title = "Ny rubrik"
    second = save_version(initiative)

    assert second != first
    assert current_version_id(initiative) == second
    assert current_version_id(initiative.get_absolute_url()) == second
    assert current_version_id(initiative.get_absolute_url() + "?utm=x#fakta") == second


def test_pages_and_categories_resolve_by_address():
    page = PageFactory(slug="om-ai")
    category = Category.objects.get(slug="etik")
    page_version = save_version(page)
    category_version = save_version(category)

    assert current_version_id("/om-ai/") == page_version
    assert current_version_id("/stod-och-verktyg/etik/") == category_version


def test_none_without_versioned_content():
    unversioned = InitiativeFactory()  # made outside a revision
    assert current_version_id(unversioned) is None
    assert current_version_id(unversioned.get_absolute_url()) is None
    assert current_version_id("/finns-inte/") is None
    assert current_version_id("/") is None
    assert current_version_id("/ai-initiativ/") is None
    assert current_version_id("/inte/en/adress/alls/") is None


def test_looking_up_an_address_is_one_query(django_assert_num_queries):
    initiative = InitiativeFactory()
    latest = save_version(initiative)
    current_version_id(initiative)  # the content type is cached after the first lookup

    with django_assert_num_queries(1):
        assert current_version_id(initiative.get_absolute_url()) == latest
    with django_assert_num_queries(0):
        assert current_version_id("/") is None
        assert current_version_id("/amnen/etik/") is None
        assert current_version_id("/404") is None
