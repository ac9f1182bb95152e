import pytest
from django.urls import reverse

from resources.models import Category, Resource
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

EIGHT_CATEGORIES = [
    "Inspiration",
    "Komma igång",
    "Kompetensutveckling",
    "Finansiering",
    "Juridik",
    "Etik",
    "Nyttorealisering",
    "Forskning och utbildning",
]


def test_exactly_the_eight_categories_of_the_report_exist():
    assert list(Category.objects.values_list("name", flat=True)) == EIGHT_CATEGORIES
    assert all(Category.objects.values_list("description", flat=True))


def test_overview_counts_only_published_resources(client, site_pages):
    ResourceFactory()
    ResourceFactory()
    ResourceFactory(draft=True)

    response = client.get(reverse("resources:category_list"))

    counts = {c.slug: c.resource_count for c in response.context["categories"]}
    assert counts["juridik"] == 2
    assert counts["etik"] == 0
    for name in EIGHT_CATEGORIES:
        assert name in response.content.decode()


def test_category_page_lists_resource_fields(client, site_pages):
    resource = ResourceFactory(
        title="Automatisera handläggning och beslut",
        url="https://www.digg.se/kunskap-och-stod",
        sender="Myndigheten för digital förvaltning (Digg)",
        description="Vägledning för automatisering av handläggning och beslut.",
        format=Resource.Format.WEB_PAGE,
    )
    ResourceFactory(title="Dolt utkast", draft=True)

    response = client.get(reverse("resources:category", kwargs={"slug": "juridik"}))

    html = response.content.decode()
    assert response.status_code == 200
    # Through the counted outbound address, with the real one in the link's title.
    assert f'href="/ut/resources.resource/{resource.pk}/url/"' in html
    assert 'title="https://www.digg.se/kunskap-och-stod"' in html
    assert "Automatisera handläggning och beslut (digg.se)" in html
    assert "länk till annan webbplats" in html
    assert "Avsändare" in html and "Myndigheten för digital förvaltning (Digg)" in html
    assert "Vägledning för automatisering av handläggning och beslut." in html
    assert "Dolt utkast" not in html


def test_unknown_category_is_404(client, site_pages):
    response = client.get(reverse("resources:category", kwargs={"slug": "finns-inte"}))
    assert response.status_code == 404


def test_category_page_is_paginated(client, site_pages):
    from resources.views import CATEGORY_PAGE_SIZE

    for n in range(CATEGORY_PAGE_SIZE + 3):
        ResourceFactory(title=f"Stöd {n:03d}")
    url = reverse("resources:category", kwargs={"slug": "juridik"})

    first = client.get(url)
    second = client.get(url, {"page": 2})
    beyond = client.get(url, {"page": "999"})
    nonsense = client.get(url, {"page": "abc"})

    assert len(first.context["resources"]) == CATEGORY_PAGE_SIZE
    assert f"Stöd och verktyg ({CATEGORY_PAGE_SIZE + 3})" in first.content.decode()
    assert 'rel="next"' in first.content.decode()
    assert len(second.context["resources"]) == 3
    assert beyond.status_code == 200 and beyond.context["page_obj"].number == 2
    assert nonsense.status_code == 200 and nonsense.context["page_obj"].number == 1


def test_related_initiatives_rank_by_shared_tags_then_newest_and_skip_drafts():
    from django.utils import timezone

    from portal.related import attach_related_initiatives
    from tests.factories import InitiativeFactory

    now = timezone.now()
    resource = ResourceFactory(tags=["etik", "juridik", "data"])
    three = InitiativeFactory(
        tags=["etik", "juridik", "data"], published_at=now - timezone.timedelta(days=9)
    )
    one_new = InitiativeFactory(tags=["etik"], published_at=now - timezone.timedelta(days=1))
    one_old = InitiativeFactory(tags=["data"], published_at=now - timezone.timedelta(days=5))
    InitiativeFactory(tags=["etik"], published_at=now - timezone.timedelta(days=7))  # 4th: cut
    InitiativeFactory(tags=["etik", "juridik", "data"], draft=True)
    InitiativeFactory(tags=["annat"])

    [result] = attach_related_initiatives(
        Resource.objects.filter(pk=resource.pk).with_listing_data()
    )

    assert result.related_initiatives == [three, one_new, one_old]


def test_related_initiatives_take_constant_queries(django_assert_max_num_queries):
    from initiatives.models import Initiative
    from portal.related import attach_related_initiatives
    from tests.factories import InitiativeFactory

    for _ in range(30):
        InitiativeFactory(tags=["etik"])
    resources = [ResourceFactory(tags=["etik"]) for _ in range(10)]
    queryset = Resource.objects.filter(pk__in=[r.pk for r in resources]).with_listing_data()
    # The published filter is built once per content generation, its first use also finding
    # the next scheduled publication (publishing.models.PublishedManager): not counted here.
    Initiative.objects.published()

    with django_assert_max_num_queries(5):  # resources + tags, pairs, order, the shown ones
        result = attach_related_initiatives(queryset)

    assert all(len(r.related_initiatives) == 3 for r in result)
