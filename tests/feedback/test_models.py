"""Redaction holds for every way a feedback row can be written."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.forms import AnswerForm
from feedback.models import Feedback, PageViewDay

pytestmark = pytest.mark.django_db

RAW = "Ring 070-123 45 67 om 19800101-1234, eller anna@kommun.se."
CLEAN = "Ring [telefonnummer] om [personnummer], eller [e-post]."


def assert_clean(feedback):
    feedback.refresh_from_db()
    assert feedback.comment == CLEAN
    assert feedback.redacted is True


def test_orm_create_redacts():
    assert_clean(Feedback.objects.create(page="/", helpful=False, comment=RAW))


def test_save_redacts_new_and_changed_rows():
    feedback = Feedback(page="/", helpful=True, comment=RAW)
    feedback.save()
    assert_clean(feedback)

    other = Feedback.objects.create(page="/", helpful=True)
    assert other.redacted is False
    other.comment = RAW
    other.save(update_fields=["comment"])
    assert_clean(other)


def test_bulk_create_redacts():
    Feedback.objects.bulk_create([Feedback(page="/", helpful=False, comment=RAW) for _ in range(3)])
    assert list(Feedback.objects.order_by().values_list("comment", "redacted").distinct()) == [
        (CLEAN, True)
    ]


def test_queryset_update_and_bulk_update_redact():
    a = Feedback.objects.create(page="/", helpful=True)
    b = Feedback.objects.create(page="/", helpful=True)
    Feedback.objects.filter(pk=a.pk).update(comment=RAW)
    assert_clean(a)

    b.comment = RAW
    Feedback.objects.bulk_update([b], ["comment"])
    assert_clean(b)


def test_get_or_create_and_update_or_create_redact():
    feedback, _ = Feedback.objects.get_or_create(
        page="/a/", helpful=True, defaults={"comment": RAW}
    )
    assert_clean(feedback)
    feedback, _ = Feedback.objects.update_or_create(page="/a/", defaults={"comment": RAW + " "})
    feedback.refresh_from_db()
    assert "070" not in feedback.comment


def test_the_visitor_form_path_redacts(client, site_pages):
    form = AnswerForm({"page": "/", "helpful": "nej", "comment": RAW})
    assert form.is_valid(), form.errors
    client.post(reverse("feedback:answer"), {"page": "/", "helpful": "nej", "comment": RAW})
    assert_clean(Feedback.objects.get())


def test_admin_add_redacts(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:feedback_feedback_add"),
        {"page": "/", "helpful": "False", "comment": RAW, "status": "new"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_clean(Feedback.objects.get())


def test_redacting_a_clean_comment_keeps_the_flag_off():
    feedback = Feedback.objects.create(
        page="/", helpful=True, comment="Bra, tack! Läst 2024-01-16."
    )
    assert feedback.redacted is False
    assert feedback.comment == "Bra, tack! Läst 2024-01-16."


def test_between_includes_both_days_in_local_time():
    tz = timezone.get_current_timezone()
    first = Feedback.objects.create(
        page="/", helpful=True, created_at=datetime.datetime(2024, 1, 1, 0, 5, tzinfo=tz)
    )
    last = Feedback.objects.create(
        page="/", helpful=True, created_at=datetime.datetime(2024, 1, 31, 23, 55, tzinfo=tz)
    )
    Feedback.objects.create(
        page="/", helpful=True, created_at=datetime.datetime(2024, 2, 1, 0, 1, tzinfo=tz)
    )
    found = Feedback.objects.between(datetime.date(2024, 1, 1), datetime.date(2024, 1, 31))
    assert set(found) == {first, last}


def test_page_view_record_creates_then_increments():
    day = datetime.date(2024, 1, 16)
    PageViewDay.objects.record(kind="page", key="/", date=day, unique=True)
    PageViewDay.objects.record(kind="page", key="/", date=day, unique=False)
    PageViewDay.objects.record(kind="film", key="/", date=day, unique=True)
    row = PageViewDay.objects.get(kind="page")
    assert (row.views, row.unique_views) == (2, 1)
    assert PageViewDay.objects.get(kind="film").views == 1


def test_page_view_record_survives_losing_the_insert_race(monkeypatch):
    """Another process inserts the day's row between our UPDATE and INSERT."""
    from feedback.models import PageViewDayQuerySet

    day = datetime.date(2024, 1, 16)
    original_update = PageViewDayQuerySet.update
    calls = []

    def racing_update(self, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            PageViewDay.objects.bulk_create(
                [PageViewDay(kind="page", key="/", date=day, views=1, unique_views=1)]
            )
            return 0  # our UPDATE ran before the other process's INSERT
        return original_update(self, **kwargs)

    monkeypatch.setattr(PageViewDayQuerySet, "update", racing_update)
    PageViewDay.objects.record(kind="page", key="/", date=day, unique=True)

    row = PageViewDay.objects.get()
    assert (row.views, row.unique_views) == (2, 2)
