"""Statistics hold only real things: visitor pages that exist, never a query string."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback import paths, viewcounts
from feedback.models import Feedback, PageViewDay

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"

# Addresses some view answers that are not pages a visitor reads.
NOT_PAGES = [
    "/oppna-data/initiativ.json",
    "/oppna-data/initiativ.csv",
    "/oppna-data/stod-och-verktyg.json",
    "/robots.txt",
    "/sitemap.xml",
    "/ai-initiativ/rss.xml",
    "/ai-initiativ/atom.xml",
    "/stod-och-verktyg/rss.xml",
    "/stod-och-verktyg/atom.xml",
    "/healthz",
]


def visitor():
    return Client(REMOTE_ADDR="198.51.100.10", HTTP_USER_AGENT=BROWSER)


@pytest.mark.parametrize("path", NOT_PAGES)
def test_feedback_is_refused_for_addresses_that_are_not_visitor_pages(site_pages, path):
    assert visitor().get(path).status_code == 200  # something answers there...
    assert not paths.page_exists(path)  # ...but it is not a page
    response = visitor().post(reverse("feedback:answer"), {"page": path, "helpful": "ja"})
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_every_visitor_page_type_takes_feedback(public_pages):
    client = visitor()
    for page in public_pages:
        if page.status != 200:
            continue
        path = page.path.partition("?")[0]
        assert paths.page_exists(path), page
        response = client.post(reverse("feedback:answer"), {"page": path, "helpful": "ja"})
        assert response.status_code == 303, page
    stored = set(Feedback.objects.values_list("page", flat=True))
    assert stored == {p.path.partition("?")[0] for p in public_pages if p.status == 200}


def test_the_visitor_pages_are_the_html_pages_and_nothing_else():
    from django.urls import URLPattern, URLResolver, get_resolver

    from publishing import registry

    def views(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from views(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                match = type("Match", (), {"func": pattern.callback})
                yield f"{namespace}{pattern.name}", registry.is_visitor_page(match)

    marked = {name for name, is_page in views(get_resolver("portal.urls").url_patterns) if is_page}
    assert marked == {
        "portal:home",
        "portal:page",
        "portal:tag_list",
        "portal:tag",
        "portal:search",
        "portal:open_data",
        "initiatives:list",
        "initiatives:detail",
        "resources:category_list",
        "resources:list",
        "resources:category",
        "contributions:propose",
        "contributions:propose_received",
        "contributions:report_error",
        "contributions:report_error_received",
        "contributions:similar",
        "contributions:similar_received",
    }


def test_only_visitor_pages_count_views(public_pages):
    client = visitor()
    client.get("/__test__/nonce/")  # an HTML 200 that is no visitor page (test-only view)
    for path in NOT_PAGES:
        client.get(path)
    viewcounts.flush()
    assert not PageViewDay.objects.exists()
    client.get("/ai-initiativ/")
    viewcounts.flush()
    assert PageViewDay.objects.get().key == "/ai-initiativ/"


def test_a_page_served_from_the_cache_is_still_counted(site_pages, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first, second = visitor(), Client(REMOTE_ADDR="198.51.100.11", HTTP_USER_AGENT=BROWSER)
    assert first.get("/ai-initiativ/")["X-Page-Cache"] == "miss"
    assert second.get("/ai-initiativ/")["X-Page-Cache"] == "hit"
    viewcounts.flush()
    row = PageViewDay.objects.get(key="/ai-initiativ/")
    assert (row.views, row.unique_views) == (2, 2)


PERSONNUMMER = "19121212-1212"


def test_a_stored_page_never_carries_the_query_string(site_pages):
    client = visitor()
    client.get(f"/ai-initiativ/?q={PERSONNUMMER}")
    client.get(f"/sok/?q={PERSONNUMMER}")
    response = client.post(
        reverse("feedback:answer"),
        {"page": f"/ai-initiativ/?q={PERSONNUMMER}&x=1#{PERSONNUMMER}", "helpful": "nej"},
    )
    assert response.status_code == 303
    assert PERSONNUMMER not in response["Location"]

    assert Feedback.objects.get().page == "/ai-initiativ/"
    viewcounts.flush()
    assert set(PageViewDay.objects.values_list("key", flat=True)) == {"/ai-initiativ/", "/sok/"}


@pytest.mark.parametrize(
    "path",
    [
        f"/{PERSONNUMMER}/",
        f"/ai-initiativ/{PERSONNUMMER}/",
        f"/amnen/{PERSONNUMMER}/",
        f"/stod-och-verktyg/{PERSONNUMMER}/",
    ],
)
def test_a_path_made_of_personal_data_is_never_stored(site_pages, path):
    client = visitor()
    assert client.get(path).status_code == 404
    client.post(reverse("feedback:answer"), {"page": path, "helpful": "nej"})
    viewcounts.flush()
    assert not PageViewDay.objects.exists()
    # Feedback from a page that does not exist is refused, or filed under the not-found page.
    assert set(Feedback.objects.values_list("page", flat=True)) <= {paths.NOT_FOUND_PAGE}


def test_a_page_being_rendered_is_not_looked_up_again_for_its_feedback_block(site_pages):
    from unittest import mock

    from tests.factories import InitiativeFactory

    initiative = InitiativeFactory()
    with mock.patch.object(paths, "page_exists", side_effect=AssertionError("looked up")):
        html = visitor().get(initiative.get_absolute_url()).content.decode()
    assert f'name="page" value="{initiative.get_absolute_url()}"' in html


def test_the_not_found_page_files_its_feedback_under_the_not_found_key(site_pages):
    response = visitor().get("/ai-initiativ/finns-inte/")
    assert response.status_code == 404
    assert f'name="page" value="{paths.NOT_FOUND_PAGE}"' in response.content.decode()


def test_a_cache_hit_is_counted_without_resolving_its_address_again(site_pages, settings):
    from unittest import mock

    from django.urls.resolvers import URLResolver

    settings.PAGE_CACHE_SECONDS = 600
    visitor().get("/ai-initiativ/")  # stored; the address is resolved and remembered
    with mock.patch.object(URLResolver, "resolve", side_effect=AssertionError("resolved again")):
        response = Client(REMOTE_ADDR="198.51.100.12", HTTP_USER_AGENT=BROWSER).get(
            "/ai-initiativ/"
        )
    assert response["X-Page-Cache"] == "hit"
    viewcounts.flush()
    assert PageViewDay.objects.get(key="/ai-initiativ/").views == 2
