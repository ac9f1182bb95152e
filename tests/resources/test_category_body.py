"""A category's texts: written in the admin with the editorial workflow of all content.

Drafts, schedules, preview, four-eyes review, history and restore, while the category's
page and its list of support and tools stay public whatever state its texts are in.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publishing.models import Publishable, Redirect, ReviewRequest
from publishing.roles import ADMINISTRATOR, EDITOR
from resources.models import Category
from tests.editorial import category_form_data, make_staff
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

NEW_BODY = "## Etiska frågor\n\nLäs [mer](https://www.digg.se/).\n\n<script>x()</script>"


def signed_in(username, role):
    user = make_staff(username, role)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def writer():
    return signed_in("anna", EDITOR)


@pytest.fixture
def publisher():
    return signed_in("pelle", ADMINISTRATOR)


@pytest.fixture
def etik(site_pages):
    category = Category.objects.get(slug="etik")
    category.body = "## Gammal text\n\nDen godkända texten."
    category.save()
    ResourceFactory(category=category, title="Ett etiskt stöd")
    return category


def change_url(category):
    return reverse("admin:resources_category_change", args=[category.pk])


def visitor_sees(category) -> str:
    response = Client().get(category.get_absolute_url())
    assert response.status_code == 200  # the page is always there
    return response.content.decode()


def test_the_eight_categories_are_public_with_published_texts():
    categories = Category.objects.all()
    assert categories.count() == 8
    assert all(category.shows_texts for category in categories)
    assert Category.objects.published().count() == 8


def test_a_changed_text_reaches_visitors_only_after_someone_else_approves_it(
    writer, publisher, etik
):
    (anna, anna_client), (pelle, pelle_client) = writer, publisher
    assert 'name="body"' in anna_client.get(change_url(etik)).content.decode()

    response = anna_client.post(
        change_url(etik), category_form_data(etik, body=NEW_BODY, _request_review="1")
    )

    assert response.status_code == 302
    etik.refresh_from_db()
    # Visitors keep the approved text, and the list, while the change waits.
    html = visitor_sees(etik)
    assert "Den godkända texten." in html and "Etiska frågor" not in html
    assert "Ett etiskt stöd" in html
    waiting = ReviewRequest.objects.get()
    assert waiting.is_pending and waiting.requested_by == anna

    # Anna cannot approve her own change.
    decision = reverse("admin:publishing_reviewrequest_change", args=[waiting.pk])
    anna_client.post(decision, {"_approve": "1"})
    assert "Etiska frågor" not in visitor_sees(etik)

    assert pelle_client.post(decision, {"_approve": "1"}).status_code == 302

    html = visitor_sees(etik)
    assert html.index("<h2>Etiska frågor</h2>") < html.index("Ett etiskt stöd")
    assert "Den godkända texten." not in html
    assert "<script>x()" not in html
    latest = Version.objects.get_for_object(etik).select_related("revision__user").first()
    assert latest.revision.user == pelle
    assert "skrevs av anna" in latest.revision.get_comment()


def test_a_draft_text_is_seen_only_in_the_editors_preview(writer, etik):
    _, anna_client = writer
    response = anna_client.post(
        change_url(etik),
        category_form_data(etik, body="## Utkastet\n\nInte klart.", _save_draft="1"),
    )

    assert response.status_code == 302
    etik.refresh_from_db()
    assert etik.status == Publishable.Status.DRAFT
    html = visitor_sees(etik)
    # The page, its name and its list stay; its texts do not.
    assert "<h1>Etik</h1>" in html and "Ett etiskt stöd" in html
    assert "Utkastet" not in html and etik.description not in html
    listing = Client().get(reverse("resources:category_list")).content.decode()
    assert 'href="/stod-och-verktyg/etik/"' in listing and etik.description not in listing
    assert etik in Category.objects.published()

    preview = anna_client.get(etik.get_absolute_url() + "?preview=1")
    assert preview["Cache-Control"] == "private, no-store"
    text = preview.content.decode()
    assert "<h2>Utkastet</h2>" in text and "inte texterna ännu" in text


def test_a_scheduled_text_appears_at_its_time(etik):
    etik.status = Publishable.Status.DRAFT
    etik.body = "## Schemalagt"
    etik.save()
    later = timezone.now() + datetime.timedelta(days=2)

    etik.status = Publishable.Status.PUBLISHED
    etik.published_at = later
    etik.save()

    assert etik.state == Publishable.State.SCHEDULED
    assert "Schemalagt" not in visitor_sees(etik)
    html = visitor_sees(Category.objects.get(pk=etik.pk))
    assert "Ett etiskt stöd" in html
    etik.published_at = timezone.now() - datetime.timedelta(minutes=1)
    etik.save()
    assert "<h2>Schemalagt</h2>" in visitor_sees(etik)


def test_restoring_an_older_text_waits_for_review(writer, publisher, etik):
    (_, anna_client), (_, pelle_client) = writer, publisher
    anna_client.post(change_url(etik), category_form_data(etik, body="## Ny", _request_review="1"))
    pelle_client.post(
        reverse("admin:publishing_reviewrequest_change", args=[ReviewRequest.objects.get().pk]),
        {"_approve": "1"},
    )
    assert "<h2>Ny</h2>" in visitor_sees(etik)
    oldest = Version.objects.get_for_object(etik).order_by("pk").first()
    assert "Gammal text" in oldest.field_dict["body"]

    anna_client.post(
        reverse("admin:resources_category_restore", args=[etik.pk, oldest.pk]),
    )

    assert "<h2>Ny</h2>" in visitor_sees(etik)
    waiting = ReviewRequest.objects.pending().get()
    pelle_client.post(
        reverse("admin:publishing_reviewrequest_change", args=[waiting.pk]), {"_approve": "1"}
    )
    assert "<h2>Gammal text</h2>" in visitor_sees(etik)


def test_a_renamed_category_with_a_draft_text_still_redirects(client, etik):
    etik.status = Publishable.Status.DRAFT
    etik.slug = "etik-och-ansvar"
    etik.save()

    assert Redirect.objects.get(old_path="/stod-och-verktyg/etik/").new_path == (
        "/stod-och-verktyg/etik-och-ansvar/"
    )
    response = client.get("/stod-och-verktyg/etik/")
    assert response.status_code == 301
    assert response["Location"] == "/stod-och-verktyg/etik-och-ansvar/"


def test_the_sitemap_lists_every_category_whatever_its_texts(client, etik):
    etik.status = Publishable.Status.DRAFT
    etik.save()

    sitemap = client.get("/sitemap.xml").content.decode()

    for category in Category.objects.all():
        assert category.get_absolute_url() in sitemap


def test_a_name_change_is_refused_where_it_would_skip_review(writer, etik):
    """The name shows even while the texts are a draft: it goes out only through review."""
    _, anna_client = writer
    typed = "## Ny brödtext som inte får försvinna"

    response = anna_client.post(
        change_url(etik),
        category_form_data(etik, name="Etik och ansvar", body=typed, _save_draft="1"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "även när texterna är ett utkast" in html
    assert typed in html and 'value="Etik och ansvar"' in html
    etik.refresh_from_db()
    assert etik.name == "Etik" and etik.status == Publishable.Status.PUBLISHED

    # Sent for review it waits, and visitors keep the old name until someone approves.
    response = anna_client.post(
        change_url(etik), category_form_data(etik, name="Etik och ansvar", _request_review="1")
    )
    assert response.status_code == 302
    assert "<h1>Etik</h1>" in visitor_sees(etik)


def test_live_category_texts_are_in_the_review_queue_and_warn_when_overdue(editor_client, etik):
    etik.review_by = timezone.localdate() - datetime.timedelta(days=1)
    etik.save()

    queue = editor_client.get(reverse("admin_review_list"))

    assert etik in [row["obj"] for row in queue.context["rows"]]
    assert "Informationen kan vara inaktuell" in visitor_sees(etik)
    etik.status = Publishable.Status.DRAFT
    etik.save()
    assert "Informationen kan vara inaktuell" not in visitor_sees(etik)
