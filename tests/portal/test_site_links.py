"""The main navigation and the footer come from SiteLink rows, edited like content."""

import datetime
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal import sitelinks
from portal.models import SiteLink
from publishing.models import ReviewRequest
from publishing.roles import EDITOR
from tests.editorial import make_staff

pytestmark = pytest.mark.django_db


def nav_and_footer(html):
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav), re.findall(
        r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer
    )


def test_the_migration_gives_todays_links_in_order(client, site_pages):
    nav, footer = nav_and_footer(client.get("/").content.decode())

    assert nav == [
        ("/introduktion-till-ai/", "Introduktion till AI"),
        ("/ai-initiativ/", "AI-initiativ"),
        ("/stod-och-verktyg/", "Stöd och verktyg"),
        ("/natverk-och-forum/", "Nätverk och forum"),
    ]
    assert [label for _, label in footer] == [
        "Om webbplatsen",
        "Tillgänglighetsredogörelse",
        "Webbinariet och frågor och svar",
        "Alla ämnen",
        "Öppna data",
    ]


def test_no_link_text_is_left_in_the_template():
    base = (Path(django_settings.BASE_DIR) / "templates" / "base.html").read_text()
    for text in ["Introduktion till AI", "Nätverk och forum", "Om webbplatsen", "Öppna data"]:
        assert text not in base


def test_a_new_footer_link_goes_out_after_review_and_stales_cached_pages(settings, site_pages):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    assert "Kontakt" not in visitor.get("/").content.decode()  # now cached
    author, reviewer = Client(), Client()
    author.force_login(make_staff("anna", EDITOR))
    reviewer.force_login(make_staff("bertil", EDITOR))
    now = timezone.localtime()
    data = {
        "place": "sidfot",
        "label": "Kontakt",
        "url": "/om-webbplatsen/#kontakt",
        "order": "5",
        "status": "published",
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "_request_review": "1",
    }

    response = author.post(reverse("admin:portal_sitelink_add"), data)

    assert response.status_code == 302
    assert "Kontakt" not in visitor.get("/").content.decode()
    waiting = ReviewRequest.objects.pending().get()
    reviewer.post(
        reverse("admin:publishing_reviewrequest_change", args=[waiting.pk]), {"_approve": "1"}
    )

    _, footer = nav_and_footer(visitor.get("/").content.decode())
    assert footer[0] == ("/om-webbplatsen/#kontakt", "Kontakt")


def test_an_address_that_is_neither_local_nor_web_is_refused_in_swedish(editor_client):
    now = timezone.localtime()
    response = editor_client.post(
        reverse("admin:portal_sitelink_add"),
        {
            "place": "huvudmeny",
            "label": "Skript",
            "url": "javascript:alert(1)",
            "order": "5",
            "status": "draft",
            "published_at_0": now.strftime("%Y-%m-%d"),
            "published_at_1": now.strftime("%H:%M:%S"),
            "_save_draft": "1",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "börjar med /" in html and 'value="Skript"' in html
    assert not SiteLink.objects.filter(label="Skript").exists()


def test_a_scheduled_link_shows_when_it_appears_without_another_save(site_pages):
    appears = timezone.now() + datetime.timedelta(days=2)
    SiteLink.objects.create(label="Snart", url="/snart/", published_at=appears, status="published")

    assert "Snart" not in [label for _, label, _ in sitelinks.published_links()]
    later = appears + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Snart" in [label for _, label, _ in sitelinks.published_links()]
