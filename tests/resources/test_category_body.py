"""A category's editorial text: written in the admin with history, shown above its list."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from resources.models import Category
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_editor_writes_a_category_body_that_visitors_see_above_the_list(
    editor_client, editor, site_pages
):
    category = Category.objects.get(slug="etik")
    ResourceFactory(category=category, title="Ett etiskt stöd")
    url = reverse("admin:resources_category_change", args=[category.pk])
    form = editor_client.get(url).content.decode()
    assert 'name="body"' in form

    response = editor_client.post(
        url,
        {
            "name": category.name,
            "slug": category.slug,
            "description": category.description,
            "order": category.order,
            "body": "## Etiska frågor\n\nLäs [mer](https://www.digg.se/).\n\n<script>x()</script>",
        },
    )

    assert response.status_code == 302
    version = Version.objects.get_for_object(category).get()
    assert version.revision.user == editor
    assert version.field_dict["body"].startswith("## Etiska frågor")
    html = Client().get(category.get_absolute_url()).content.decode()
    assert html.index("<h2>Etiska frågor</h2>") < html.index("Ett etiskt stöd")
    assert "<script>x()" not in html
