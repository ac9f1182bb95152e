"""The texts around every page (the line under the site's name, the footer's text and the
description for search engines) come from SiteText rows, edited like content."""

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
from portal.models import SiteText
from publishing.models import ReviewRequest
from publishing.roles import ADMINISTRATOR, EDITOR
from tests.editorial import make_staff

pytestmark = pytest.mark.django_db

TAGLINE = "Digg, E-hälsomyndigheten och Socialstyrelsen"


def header_and_footer(html):
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    return header, footer


def description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_the_migration_publishes_todays_texts(client, site_pages):
    html = client.get("/").content.decode()

    header, footer = header_and_footer(html)
    assert f'<p class="site-header__senders">{TAGLINE}</p>' in header
    assert "Webbplatsen ges ut av Myndigheten för digital förvaltning (Digg)" in footer
    assert description(html).startswith("Stöd, verktyg och exempel för kommuner")


def test_no_such_text_is_left_in_the_templates():
    templates = Path(django_settings.BASE_DIR) / "templates"
    for name in ("base.html", "portal/page_detail.html", "portal/home.html"):
        text = (templates / name).read_text()
        for written in (TAGLINE, "ges ut av", "Stöd, verktyg och exempel"):
            assert written not in text, (name, written)


def test_a_changed_footer_text_goes_out_after_review_and_stales_cached_pages(settings, site_pages):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    assert "Redaktionens nya sidfot." not in visitor.get("/").content.decode()  # now cached
    author, reviewer = Client(), Client()
    author.force_login(make_staff("anna", EDITOR))
    reviewer.force_login(make_staff("pelle", ADMINISTRATOR))
    live = SiteText.objects.get()
    published_at = timezone.localtime(live.published_at)
    data = {
        "name": live.name,
        "tagline": live.tagline,
        "footer_text": "Redaktionens nya sidfot.",
        "description": live.description,
        "status": "published",
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "_request_review": "1",
    }

    response = author.post(reverse("admin:portal_sitetext_change", args=[live.pk]), data)

    assert response.status_code == 302
    assert "Redaktionens nya sidfot." not in visitor.get("/").content.decode()
    waiting = ReviewRequest.objects.pending().get()
    reviewer.post(
        reverse("admin:publishing_reviewrequest_change", args=[waiting.pk]), {"_approve": "1"}
    )

    _, footer = header_and_footer(visitor.get("/ai-initiativ/").content.decode())
    assert "<p>Redaktionens nya sidfot.</p>" in footer


def test_visitors_see_the_newest_live_texts_and_none_without_any(client, site_pages):
    SiteText.objects.update(published_at=timezone.now() - datetime.timedelta(days=1))
    SiteText.objects.create(name="Utkast", tagline="Ett utkast", status="draft")
    SiteText.objects.create(
        name="Nyare",
        tagline="Den nyare raden",
        status="published",
        published_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    header, _ = header_and_footer(client.get("/").content.decode())
    assert "Den nyare raden" in header and "Ett utkast" not in header

    SiteText.objects.all().delete()
    html = client.get("/").content.decode()
    header, footer = header_and_footer(html)
    assert "site-header__senders" not in header and "ges ut av" not in footer
    assert description(html) == ""


def test_scheduled_texts_show_when_they_appear_without_another_save(site_pages):
    appears = timezone.now() + datetime.timedelta(days=2)
    SiteText.objects.create(name="Snart", tagline="Snart", published_at=appears, status="published")

    assert sitelinks.published_texts()["tagline"] == TAGLINE
    later = appears + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert sitelinks.published_texts()["tagline"] == "Snart"
