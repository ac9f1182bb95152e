"""Markdown is rendered to sanitised HTML when content is saved, not on every page view."""

from unittest import mock

import pytest

from portal.models import Page
from tests.factories import InitiativeFactory, PageFactory

pytestmark = pytest.mark.django_db


def test_saving_stores_the_sanitised_html(site_pages):
    page = PageFactory(body="## Rubrik\n\nText med <script>alert(1)</script> **fetstil**.")
    stored = Page.objects.get(pk=page.pk).rendered_markdown["body"][1]
    assert "<h2>Rubrik</h2>" in stored
    assert "<strong>fetstil</strong>" in stored
    assert "<script>" not in stored


def test_a_page_view_renders_no_markdown(client, site_pages):
    page = PageFactory(body="Se [Digg](https://www.digg.se/).")
    initiative = InitiativeFactory(body="Brödtext **här**.", goals="- ett mål")
    with mock.patch("markdown.markdown", side_effect=AssertionError("Markdown rendered")):
        page_html = client.get(page.get_absolute_url()).content.decode()
        initiative_html = client.get(initiative.get_absolute_url()).content.decode()
    assert 'href="https://www.digg.se/"' in page_html
    assert "<strong>här</strong>" in initiative_html
    assert "<li>ett mål</li>" in initiative_html


def test_text_changed_past_save_is_rendered_afresh_not_shown_stale(site_pages):
    page = PageFactory(body="Gammal text.")
    Page.objects.filter(pk=page.pk).update(body="Ny *text*.")
    page = Page.objects.get(pk=page.pk)
    assert str(page.body_html) == "<p>Ny <em>text</em>.</p>"


def test_saving_only_some_fields_keeps_the_rendering_in_step(site_pages):
    page = PageFactory(body="Före.")
    page.body = "Efter."
    page.save(update_fields=["body"])
    assert Page.objects.get(pk=page.pk).rendered_markdown["body"][1] == "<p>Efter.</p>"
