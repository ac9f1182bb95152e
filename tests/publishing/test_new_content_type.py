"""A new kind of content needs its model, its declaration, an admin and a template: nothing else.

`tests/notices` is such a content type, written for this test alone. Every test here shows
one place in the site that must find it with no edit of its own: search, the sitemap, the
review queue, history with restore, link checking, feedback per version, the page cache's
invalidation, the editorial roles and four-eyes publishing. Remove `Notice.PUBLISHING` and
they fail.
"""

import pytest
import reversion
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from feedback.models import Feedback
from portal.search import search
from publishing import generation, linkcheck, registry
from publishing.roles import EDITOR
from tests.notices.models import Notice

pytestmark = pytest.mark.django_db

URLCONF = "tests.notices.urls"


@pytest.fixture(autouse=True)
def notices_urls(settings):
    settings.ROOT_URLCONF = URLCONF


def make_notice(**fields):
    defaults = {
        "title": "Ny vägledning om AI i biståndshandläggning",
        "slug": "ny-vagledning",
        "body": "Läs [vägledningen](https://example.org/vagledning) om biståndshandläggning.",
        "url": "https://example.org/notis",
        "status": Notice.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(days=400),
    }
    with reversion.create_revision():
        notice = Notice.objects.create(**{**defaults, **fields})
    return notice


def test_the_registry_finds_the_declaration():
    assert registry.get(Notice) is not None
    assert Notice in [ct.model for ct in registry.content_types()]


def test_its_page_is_public_and_drafts_are_not(client):
    notice = make_notice()
    draft = make_notice(slug="utkast", title="Utkast", status=Notice.Status.DRAFT)
    response = client.get(notice.get_absolute_url())
    assert response.status_code == 200
    assert "Ny vägledning om AI" in response.content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_search_finds_it():
    make_notice()
    results = search("biståndshandläggning")
    assert [(r.kind, r.kind_label, r.title) for r in results] == [
        ("notice", "Notis", "Ny vägledning om AI i biståndshandläggning")
    ]


def test_the_sitemap_lists_it(client):
    notice = make_notice()
    xml = client.get(reverse("sitemap")).content.decode()
    assert f"{notice.get_absolute_url()}</loc>" in xml
    assert "<changefreq>daily</changefreq>" in xml


def test_the_review_queue_lists_it_overdue(client, editor):
    notice = make_notice()
    client.force_login(editor)
    response = client.get(reverse("admin_review_list"))
    rows = [row for row in response.context["rows"] if row["obj"] == notice]
    assert len(rows) == 1 and rows[0]["overdue"] and rows[0]["can_change"]

    client.post(reverse("admin_review_list"), {"model": "notices.notice", "pk": notice.pk})
    notice.refresh_from_db()
    assert notice.reviewed_at is not None
    assert not notice.is_review_overdue


def test_editors_hold_its_permissions_and_work_on_it_in_the_admin(client, editor):
    granted = {p.codename for p in Group.objects.get(name=EDITOR).permissions.all()}
    assert {
        "add_notice",
        "change_notice",
        "delete_notice",
        "view_notice",
        "publish_notice",
    } <= granted
    client.force_login(editor)
    assert client.get(reverse("admin:notices_notice_add")).status_code == 200


@pytest.mark.usefixtures("without_four_eyes")  # restore under review: below
def test_history_with_compare_and_restore(client, editor):
    notice = make_notice(title="Första rubriken")
    first = Version.objects.get_for_object(notice).get()
    with reversion.create_revision():
        notice.title = "Andra rubriken"
        notice.save()
    client.force_login(editor)

    history = client.get(reverse("admin:notices_notice_history", args=[notice.pk]))
    assert history.status_code == 200
    restore = reverse("admin:notices_notice_restore", args=[notice.pk, first.pk])
    assert client.post(restore).status_code == 302

    notice.refresh_from_db()
    assert notice.title == "Första rubriken"
    assert Version.objects.get_for_object(notice).count() == 3


def test_link_checking_finds_its_links():
    make_notice()
    found = linkcheck.external_links()
    assert "Notis: Ny vägledning om AI i biståndshandläggning" in found["https://example.org/notis"]
    assert "https://example.org/vagledning" in found


def test_answers_are_counted_per_version_on_its_history(client, editor):
    notice = make_notice()
    version = Version.objects.get_for_object(notice).get()
    visitor = Client(REMOTE_ADDR="198.51.100.7")
    response = visitor.post(
        reverse("feedback:answer"), {"page": notice.get_absolute_url(), "helpful": "nej"}
    )
    assert response.status_code == 303
    assert Feedback.objects.get().version_id == version.pk

    client.force_login(editor)
    history = client.get(reverse("admin:notices_notice_history", args=[notice.pk]))
    assert history.context["show_feedback"]
    assert "0 ja / 1 nej" in history.content.decode()


def test_saving_it_makes_cached_pages_stale():
    before = generation.current()
    make_notice()
    assert generation.current() != before
    assert "notices" in generation.content_apps()


def test_four_eyes_publishing_covers_it(editor):
    from publishing.models import ReviewRequest
    from tests.editorial import make_staff

    notice = make_notice(status=Notice.Status.DRAFT, title="Utkast till notis")
    author, reviewer = Client(), Client()
    author.force_login(editor)
    reviewer.force_login(make_staff("granskare", EDITOR))
    data = {
        "title": notice.title,
        "slug": notice.slug,
        "body": notice.body,
        "url": notice.url,
        "status": "draft",
        "published_at_0": "2020-01-01",
        "published_at_1": "09:00:00",
        "_request_review": "1",
    }

    author.post(reverse("admin:notices_notice_change", args=[notice.pk]), data)
    waiting = ReviewRequest.objects.pending().get()
    assert waiting.target == notice
    reviewer.post(
        reverse("admin:publishing_reviewrequest_change", args=[waiting.pk]), {"_approve": "1"}
    )

    notice.refresh_from_db()
    assert notice.is_live
