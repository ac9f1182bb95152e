"""Four-eyes publishing: a change reaches visitors only after someone else approves it."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from portal.models import Page
from publishing.models import Publishable, ReviewRequest
from publishing.roles import EDITOR
from tests.editorial import change_form_data, make_staff
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def person(username):
    user = make_staff(username, EDITOR)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def anna():
    return person("anna")


@pytest.fixture
def bertil():
    return person("bertil")


def change_url(page):
    return reverse("admin:portal_page_change", args=[page.pk])


def decision_url(request_obj):
    return reverse("admin:publishing_reviewrequest_change", args=[request_obj.pk])


def visitor_sees(page) -> str:
    response = Client().get(page.get_absolute_url())
    return response.content.decode() if response.status_code == 200 else ""


def test_a_draft_sent_for_review_is_published_by_someone_else(anna, bertil, site_pages):
    (anna_user, anna_client), (bertil_user, bertil_client) = anna, bertil
    page = PageFactory(draft=True, title="Om AI", body="Utkastets text.")

    response = anna_client.post(
        change_url(page),
        change_form_data(page, _request_review="1", review_message="Kan du läsa igenom?"),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT
    assert visitor_sees(page) == ""
    waiting = ReviewRequest.objects.get()
    assert waiting.is_pending and waiting.requested_by == anna_user
    assert waiting.message == "Kan du läsa igenom?"
    # The reviewers are told by e-mail; the author is not among them.
    assert [message.to for message in mail.outbox] == [["bertil@example.se"]]
    assert "Om AI" in mail.outbox[0].subject
    assert decision_url(waiting) in mail.outbox[0].body
    # The admin start page lists it.
    start = bertil_client.get(reverse("admin:index")).content.decode()
    assert "Väntar på granskning (1)" in start and decision_url(waiting) in start

    # Anna may not approve her own change.
    screen = anna_client.get(decision_url(waiting)).content.decode()
    assert "Du kan inte granska din egen ändring" in screen
    assert 'name="_approve"' not in screen
    anna_client.post(decision_url(waiting), {"_approve": "1"})
    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT

    screen = bertil_client.get(decision_url(waiting)).content.decode()
    assert 'name="_approve"' in screen
    response = bertil_client.post(decision_url(waiting), {"_approve": "1"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.is_live
    assert "Utkastets text." in visitor_sees(page)
    waiting.refresh_from_db()
    assert waiting.status == ReviewRequest.Status.APPROVED and waiting.decided_by == bertil_user
    # The history says who wrote, who approved and when.
    latest = Version.objects.get_for_object(page).select_related("revision__user").first()
    assert latest.revision.user == bertil_user
    comment = latest.revision.get_comment()
    assert "Godkänd av bertil" in comment and "skrevs av anna" in comment
    assert mail.outbox[-1].to == ["anna@example.se"]
    assert "godkänd" in mail.outbox[-1].subject


def test_approval_keeps_the_scheduled_time(anna, bertil, site_pages):
    (_, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(draft=True)
    data = change_form_data(
        page,
        status="published",
        published_at_0="2031-03-01",
        published_at_1="09:00:00",
        _request_review="1",
    )

    anna_client.post(change_url(page), data)

    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT
    waiting = ReviewRequest.objects.get()
    assert timezone.localtime(waiting.publish_at).strftime("%Y-%m-%d %H:%M") == "2031-03-01 09:00"

    bertil_client.post(decision_url(waiting), {"_approve": "1"})

    page.refresh_from_db()
    assert page.state == Publishable.State.SCHEDULED
    assert page.state_label == "Schemalagd till 1 mars 2031 09:00"


def test_a_change_to_live_content_waits_while_visitors_see_the_published_text(
    anna, bertil, site_pages
):
    (anna_user, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(body="Den publicerade texten.")

    response = anna_client.post(change_url(page), change_form_data(page, body="Den nya texten."))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.is_live and page.body == "Den publicerade texten."
    assert "Den publicerade texten." in visitor_sees(page)
    waiting = ReviewRequest.objects.get()
    assert waiting.proposed_version.field_dict["body"] == "Den nya texten."
    assert waiting.proposed_version.revision.user == anna_user
    screen = bertil_client.get(decision_url(waiting)).content.decode()
    compare = reverse("admin:portal_page_compare", args=[page.pk])
    assert compare in screen
    compare_page = bertil_client.get(
        f"{compare}?old={waiting.published_version_id}&new={waiting.proposed_version_id}"
    ).content.decode()
    assert "Den nya texten." in compare_page

    bertil_client.post(decision_url(waiting), {"_approve": "1"})

    page.refresh_from_db()
    assert page.body == "Den nya texten." and page.is_live
    assert "Den nya texten." in visitor_sees(page)


def test_sending_back_needs_a_comment_and_tells_the_author(anna, bertil, site_pages):
    (_, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(draft=True)
    anna_client.post(change_url(page), change_form_data(page, _request_review="1"))
    waiting = ReviewRequest.objects.get()

    response = bertil_client.post(decision_url(waiting), {"_send_back": "1", "comment": "  "})
    assert response.status_code == 200
    assert "Skriv en kommentar" in response.content.decode()

    typed = "Lägg till källan i andra stycket."
    bertil_client.post(decision_url(waiting), {"_send_back": "1", "comment": typed})

    waiting.refresh_from_db()
    assert waiting.status == ReviewRequest.Status.RETURNED
    assert waiting.decision_comment == typed
    assert mail.outbox[-1].to == ["anna@example.se"] and typed in mail.outbox[-1].body
    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT


def test_publish_now_by_the_author_goes_through_review(anna, bertil, site_pages):
    (_, anna_client), (bertil_user, bertil_client) = anna, bertil
    page = PageFactory(draft=True)
    anna_client.post(change_url(page), change_form_data(page, body="Annas text.", _publish_now="1"))

    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT
    assert ReviewRequest.objects.pending().count() == 1
    # Anna pressing "Publicera nu" again without changing anything: still her change.
    anna_client.post(change_url(page), change_form_data(page, _publish_now="1"))
    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT

    # Bertil publishes Anna's change without touching it: that is the approval.
    bertil_client.post(change_url(page), change_form_data(page, _publish_now="1"))

    page.refresh_from_db()
    assert page.is_live
    assert ReviewRequest.objects.pending().count() == 0
    assert ReviewRequest.objects.filter(status="godkand", decided_by=bertil_user).exists()
    comment = Version.objects.get_for_object(page).first().revision.get_comment()
    assert "Publicerad av bertil" in comment and "skrevs av anna" in comment


def test_publish_now_with_a_change_of_ones_own_goes_through_review(anna, bertil, site_pages):
    (_, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(draft=True)
    anna_client.post(change_url(page), change_form_data(page, _save_draft="1"))

    bertil_client.post(
        change_url(page), change_form_data(page, body="Bertil ändrar.", _publish_now="1")
    )

    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT
    assert ReviewRequest.objects.pending().get().requested_by.username == "bertil"


def test_the_list_action_publishes_only_other_peoples_changes(anna, bertil, site_pages):
    (_, anna_client), _ = anna, bertil
    _, bertil_client = bertil
    own, others = PageFactory(draft=True, title="Min"), PageFactory(draft=True, title="Din")
    anna_client.post(change_url(own), change_form_data(own, _save_draft="1"))
    bertil_client.post(change_url(others), change_form_data(others, _save_draft="1"))

    response = anna_client.post(
        reverse("admin:portal_page_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [own.pk, others.pk]},
        follow=True,
    )

    own.refresh_from_db()
    others.refresh_from_db()
    assert own.status == Publishable.Status.DRAFT
    assert others.is_live
    assert "Du skrev den senaste ändringen av ”Min”" in response.content.decode()


def test_approval_is_refused_when_the_content_changed_after_it_was_sent(anna, bertil, site_pages):
    (_, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(draft=True)
    anna_client.post(change_url(page), change_form_data(page, _request_review="1"))
    waiting = ReviewRequest.objects.get()
    page.refresh_from_db()
    anna_client.post(change_url(page), change_form_data(page, body="Senare text.", _save_draft="1"))

    response = bertil_client.post(decision_url(waiting), {"_approve": "1"})

    assert "har sparats igen" in response.content.decode()
    page.refresh_from_db()
    assert page.status == Publishable.Status.DRAFT


def test_nobody_approves_their_own_change_even_in_the_database(anna):
    from django.db import IntegrityError, transaction

    user, _ = anna
    page = PageFactory(draft=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRequest.objects.create(
            target=page, object_repr="x", requested_by=user, decided_by=user
        )


def test_with_four_eyes_off_an_editor_publishes_directly(anna, settings, site_pages):
    settings.FOUR_EYES_PUBLISHING = False
    _, anna_client = anna
    page = PageFactory(draft=True)

    html = anna_client.get(change_url(page)).content.decode()
    assert "Skicka för granskning" not in html
    anna_client.post(change_url(page), change_form_data(page, body="Direkt.", _publish_now="1"))

    page.refresh_from_db()
    assert page.is_live and page.body == "Direkt."
    assert not ReviewRequest.objects.exists()


def test_a_new_page_sent_for_review_is_created_as_a_draft(anna, site_pages):
    _, anna_client = anna
    data = change_form_data(
        Page(title="Ny sida", slug="ny-sida", order=5, published_at=timezone.now())
    )
    data.update(_request_review="1", status="published")

    response = anna_client.post(reverse("admin:portal_page_add"), data)

    assert response.status_code == 302
    page = Page.objects.get(slug="ny-sida")
    assert page.status == Publishable.Status.DRAFT
    assert ReviewRequest.objects.pending().get().object_id == page.pk


def test_restoring_live_content_waits_for_review(anna, bertil, site_pages):
    (_, anna_client), (_, bertil_client) = anna, bertil
    page = PageFactory(body="Första texten.")
    anna_client.post(change_url(page), change_form_data(page, body="Andra texten."))
    bertil_client.post(decision_url(ReviewRequest.objects.get()), {"_approve": "1"})
    page.refresh_from_db()
    assert page.body == "Andra texten."
    first = Version.objects.get_for_object(page).last()  # the published row before any change
    assert first.field_dict["body"] == "Första texten."

    anna_client.post(reverse("admin:portal_page_restore", args=[page.pk, first.pk]))

    page.refresh_from_db()
    assert page.body == "Andra texten."
    waiting = ReviewRequest.objects.pending().get()
    bertil_client.post(decision_url(waiting), {"_approve": "1"})
    page.refresh_from_db()
    assert page.body == "Första texten." and page.is_live


def test_the_list_offers_no_editing_that_would_skip_review(anna, site_pages):
    _, anna_client = anna
    page = PageFactory(order=10)
    url = reverse("admin:portal_page_changelist")

    assert 'name="form-0-order"' not in anna_client.get(url).content.decode()
    anna_client.post(
        url,
        {
            "_save": "1",
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(page.pk),
            "form-0-order": "99",
        },
    )

    page.refresh_from_db()
    assert page.order == 10


def test_with_four_eyes_off_the_list_edits_order(anna, settings, site_pages):
    settings.FOUR_EYES_PUBLISHING = False
    _, anna_client = anna
    PageFactory(order=10)

    html = anna_client.get(reverse("admin:portal_page_changelist")).content.decode()

    assert 'name="form-0-order"' in html
