"""Feeds, sitemap.xml, robots.txt, canonical URLs and Open Graph tags."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import InitiativeFactory, PageFactory, ResourceFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def content(site_pages):
    older = InitiativeFactory(title="Vetlanda förutser behov av hemtjänst", tags=["prognoser"])
    older.published_at = older.published_at.replace(year=2024)
    older.save()
    newer = InitiativeFactory(title="Värmdö testar AI i mobilen för journalanteckningar")
    draft = InitiativeFactory(title="Hemligt utkast", slug="hemligt-utkast", draft=True)
    resource = ResourceFactory(title="Vägledning om & och <tecken>", tags=["prognoser"])
    draft_resource = ResourceFactory(title="Opublicerad vägledning", draft=True)
    InitiativeFactory(title="Utkast med eget ämne", tags=["bara-utkast"], draft=True)
    return {
        "older": older,
        "newer": newer,
        "draft": draft,
        "resource": resource,
        "draft_resource": draft_resource,
    }


def test_initiative_rss_is_well_formed_newest_first_without_drafts(client, content):
    response = client.get(reverse("initiatives:feed_rss"))

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        content["newer"].title,
        content["older"].title,
    ]
    assert items[1].findtext("link").endswith(content["older"].get_absolute_url())
    assert [c.text for c in items[1].findall("category")] == ["prognoser"]


def test_initiative_atom_is_well_formed(client, content):
    response = client.get(reverse("initiatives:feed_atom"))

    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == [content["newer"].title, content["older"].title]
    assert feed.find(f"{ATOM}author") is not None


def test_resource_feeds_escape_text_and_skip_drafts(client, content):
    rss = ET.fromstring(client.get(reverse("resources:feed_rss")).content)
    atom = ET.fromstring(client.get(reverse("resources:feed_atom")).content)

    rss_titles = [item.findtext("title") for item in rss.iter("item")]
    atom_titles = [entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")]
    assert rss_titles == atom_titles == ["Vägledning om & och <tecken>"]


def test_feeds_are_announced_in_every_page_head(client, content):
    html = client.get(reverse("portal:home")).content.decode()

    for name, kind in [
        ("initiatives:feed_rss", "rss"),
        ("initiatives:feed_atom", "atom"),
        ("resources:feed_rss", "rss"),
        ("resources:feed_atom", "atom"),
    ]:
        assert (
            f'<link rel="alternate" type="application/{kind}+xml"' in html
            and f'href="{reverse(name)}"' in html
        )


def test_sitemap_lists_public_addresses_and_no_drafts(client, content, site_pages):
    draft_page = PageFactory(slug="utkastsida", draft=True)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {
        loc.text.removeprefix("http://testserver")
        for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")
    }
    expected = {
        "/",
        "/ai-initiativ/",
        "/stod-och-verktyg/",
        "/stod-och-verktyg/alla/",
        "/amnen/",
        "/oppna-data/",
        content["older"].get_absolute_url(),
        content["newer"].get_absolute_url(),
        site_pages["webbinarium"].get_absolute_url(),
        "/stod-och-verktyg/juridik/",
        "/amnen/prognoser/",
    }
    assert expected <= locations
    assert len([loc for loc in locations if loc.startswith("/stod-och-verktyg/")]) == 8 + 2
    assert content["draft"].get_absolute_url() not in locations
    assert draft_page.get_absolute_url() not in locations
    assert "/amnen/bara-utkast/" not in locations


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:3] == ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def meta(html, prop):
    found = re.search(rf'<meta property="{prop}" content="([^"]*)">', html)
    return found and found.group(1)


def canonical(html):
    found = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    return found and found.group(1)


def test_canonical_url_drops_filters_but_keeps_the_page_number(client, site_pages, settings):
    settings.SITE_URL = "https://aisocialtjanst.example.se"
    for _ in range(21):
        InitiativeFactory()

    html = client.get("/ai-initiativ/", {"fas": "utforskande", "page": 2}).content.decode()
    assert canonical(html) == "https://aisocialtjanst.example.se/ai-initiativ/?page=2"

    html = client.get("/ai-initiativ/", {"fas": "utforskande", "utm_source": "x"}).content.decode()
    assert canonical(html) == "https://aisocialtjanst.example.se/ai-initiativ/"
    assert meta(html, "og:url") == canonical(html)


def test_initiative_page_has_description_and_open_graph(client, content, settings):
    settings.SITE_URL = "https://aisocialtjanst.example.se"
    initiative = content["newer"]

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert f'<meta name="description" content="{initiative.ingress}">' in html
    assert meta(html, "og:title") == initiative.title
    assert meta(html, "og:description") == initiative.ingress
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:locale") == "sv_SE"
    assert meta(html, "og:site_name") == "AI för socialtjänsten"
    assert meta(html, "og:url") == (
        "https://aisocialtjanst.example.se" + initiative.get_absolute_url()
    )
    assert "og:image" not in html


@pytest.mark.parametrize(
    "url, title",
    [
        ("/ai-initiativ/", "AI-initiativ"),
        ("/stod-och-verktyg/", "Stöd och verktyg"),
        ("/stod-och-verktyg/alla/", "Alla stöd och verktyg"),
        ("/stod-och-verktyg/juridik/", "Juridik – Stöd och verktyg"),
        ("/amnen/", "Ämnen"),
        ("/oppna-data/", "Öppna data"),
        ("/webbinarium/", "Webbinarium"),
        ("/sok/", "Sök"),
    ],
)
def test_every_page_type_fills_its_open_graph_title(client, site_pages, url, title):
    html = client.get(url).content.decode()

    assert meta(html, "og:title") == title
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:description")


def test_not_found_page_has_no_canonical(client, site_pages):
    response = client.get("/finns-inte/alls/")

    assert response.status_code == 404
    assert canonical(response.content.decode()) is None
