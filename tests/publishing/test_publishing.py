"""Draft, publish now, schedule and unpublish: on the public site and in the admin."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from portal.models import Page
from publishing.models import Publishable
from resources.models import Resource
from tests.editorial import change_form_data, make_staff
from tests.factories import InitiativeFactory, PageFactory, ResourceFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
HOUR = datetime.timedelta(hours=1)


def at(moment):
    """Run the code under test as if the clock showed `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.parametrize("factory", [InitiativeFactory, PageFactory, ResourceFactory])
def test_scheduled_content_appears_and_disappears_on_time(factory):
    obj = factory(published_at=NOW + HOUR, unpublish_at=NOW + 3 * HOUR)
    queryset = type(obj).objects.all()

    assert obj not in queryset.published(at=NOW)
    assert obj in queryset.published(at=NOW + HOUR)
    assert obj in queryset.published(at=NOW + 3 * HOUR - datetime.timedelta(seconds=1))
    assert obj not in queryset.published(at=NOW + 3 * HOUR)


def test_scheduled_initiative_page_goes_live_and_down_without_any_job(client, site_pages):
    initiative = InitiativeFactory(published_at=NOW + HOUR, unpublish_at=NOW + 2 * HOUR)
    url = initiative.get_absolute_url()

    with at(NOW):
        assert client.get(url).status_code == 404
        assert initiative.title not in client.get(reverse("initiatives:list")).content.decode()
    with at(NOW + HOUR + datetime.timedelta(minutes=1)):
        assert client.get(url).status_code == 200
        assert initiative.title in client.get(reverse("initiatives:list")).content.decode()
    with at(NOW + 2 * HOUR):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("kwargs", "moment", "label"),
    [
        ({"status": "draft"}, NOW, "Utkast"),
        ({"published_at": NOW + HOUR}, NOW, "Schemalagd till 2 mars 2026 10:00"),
        ({"published_at": NOW - HOUR}, NOW, "Publicerad"),
        ({"published_at": NOW - HOUR, "unpublish_at": NOW + HOUR}, NOW, "Publicerad till"),
        ({"published_at": NOW - 2 * HOUR, "unpublish_at": NOW - HOUR}, NOW, "Avpublicerad"),
    ],
)
def test_state_label_says_what_visitors_see(kwargs, moment, label):
    page = PageFactory(**kwargs)
    with at(moment):
        assert page.state_label.startswith(label)


def test_unpublish_must_come_after_publish_in_clean_and_in_the_database():
    page = PageFactory(published_at=NOW)
    page.unpublish_at = NOW - HOUR
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["unpublish_at"] == [
        "Avpubliceringen måste ligga efter publiceringen."
    ]

    for model in (Page, Initiative, Resource):
        obj = {Page: PageFactory, Initiative: InitiativeFactory, Resource: ResourceFactory}[model]()
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.filter(pk=obj.pk).update(unpublish_at=obj.published_at)


def test_change_form_offers_draft_and_publish_now(editor_client):
    page = PageFactory(draft=True)
    html = editor_client.get(reverse("admin:portal_page_change", args=[page.pk])).content.decode()
    assert 'value="Spara som utkast" name="_save_draft"' in html
    assert 'name="_publish_now"' in html and "Publicera nu" in html
    assert "schemalägga" in html


def test_publish_now_button_publishes_a_draft_from_now(editor_client):
    page = PageFactory(draft=True, published_at=timezone.now() + datetime.timedelta(days=7))
    url = reverse("admin:portal_page_change", args=[page.pk])

    response = editor_client.post(url, change_form_data(page, _publish_now="1"))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Publishable.Status.PUBLISHED
    assert page.published_at <= timezone.now()
    assert page.is_live


def test_save_as_draft_button_takes_content_down(editor_client, client):
    page = PageFactory()
    url = reverse("admin:portal_page_change", args=[page.pk])

    editor_client.post(url, change_form_data(page, _save_draft="1"))

    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT
    client.logout()
    assert client.get(page.get_absolute_url()).status_code == 404


@pytest.mark.usefixtures("without_four_eyes")
def test_schedule_through_the_form_and_swedish_error_for_bad_dates(editor_client):
    page = PageFactory(draft=True)
    url = reverse("admin:portal_page_change", args=[page.pk])
    data = change_form_data(
        page,
        status="published",
        published_at_0="2030-01-10",
        published_at_1="08:00:00",
        unpublish_at_0="2030-01-09",
        unpublish_at_1="08:00:00",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Avpubliceringen måste ligga efter publiceringen." in response.content.decode()

    data["unpublish_at_0"] = "2030-02-10"
    assert editor_client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.state == Publishable.State.SCHEDULED
    assert page.state_label == "Schemalagd till 10 januari 2030 08:00"


def test_changelist_shows_live_state(editor_client):
    PageFactory(title="Utkastet", draft=True)
    PageFactory(title="Framtiden", published_at=timezone.now() + datetime.timedelta(days=3))
    PageFactory(title="Borta", unpublish_at=timezone.now() - datetime.timedelta(minutes=1))

    html = editor_client.get(reverse("admin:portal_page_changelist")).content.decode()

    assert "Utkast" in html
    assert "Schemalagd till" in html
    assert "Avpublicerad" in html


def test_editor_without_publish_permission_can_only_save_drafts(client):
    from django.contrib.auth.models import Permission

    writer = make_staff("skribent")
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_page", "change_page", "add_page"])
    )
    client.force_login(writer)
    page = PageFactory(draft=True)
    url = reverse("admin:portal_page_change", args=[page.pk])

    html = client.get(url).content.decode()
    assert 'name="_publish_now"' not in html
    client.post(url, change_form_data(page, status="published", _publish_now="1"))

    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT


def test_publish_action_creates_a_version_per_item_with_the_editor(editor_client, editor):
    from reversion.models import Version

    drafts = [PageFactory(draft=True), PageFactory(draft=True)]
    editor_client.post(
        reverse("admin:portal_page_changelist"),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )
    for page in drafts:
        page.refresh_from_db()
        assert page.is_live
        version = Version.objects.get_for_object(page).first()
        assert version.revision.user == editor
