"""Admin login: throttled guessing, validated passwords, expiring sessions, a change log."""

import datetime
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tests.editorial import PASSWORD, change_form_data
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db
LOGIN = "admin:login"


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(
        reverse(LOGIN),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_that_username_from_that_address(client, editor):
    for attempt in range(4):
        response = log_in(client, "redaktor", f"fel-{attempt}")
        assert response.status_code == 200  # the normal form with its error message

    locked = log_in(client, "redaktor", "fel-5")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "För många misslyckade inloggningar" in html
    assert "Försök igen om 30 minuter" in html

    # Even the right password is refused while locked...
    assert log_in(client, "redaktor", PASSWORD).status_code == 429
    # ...but not from another address, and nobody else is locked out.
    assert log_in(client, "redaktor", PASSWORD, address="192.0.2.10").status_code == 302


def test_the_lock_lifts_after_thirty_minutes(client, editor):
    for attempt in range(5):
        log_in(client, "redaktor", f"fel-{attempt}")
    assert log_in(client, "redaktor", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert log_in(client, "redaktor", PASSWORD).status_code == 302


def test_axes_checks_before_the_password_backend():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def add_user(client, password):
    return client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "nyredaktor",
            "usable_password": "true",
            "password1": password,
            "password2": password,
        },
    )


def test_admin_refuses_a_weak_password_for_a_new_user(admin_client_role):
    response = add_user(admin_client_role, "password123")

    assert response.status_code == 200
    assert not User.objects.filter(username="nyredaktor").exists()
    errors = " ".join(response.context["adminform"].form.errors.get("password2", []))
    assert "för kort" in errors or "för vanligt" in errors

    assert add_user(admin_client_role, "Tolv-tecken-och-mer-2025").status_code == 302
    assert User.objects.filter(username="nyredaktor").exists()


def test_staff_sessions_end_at_browser_close_and_after_eight_hours(client, editor):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    response = log_in(client, "redaktor", PASSWORD)
    assert response.status_code == 302

    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert client.get(reverse("admin:index")).status_code == 200

    later = timezone.now() + datetime.timedelta(hours=8, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(LOGIN))


def test_every_admin_change_is_logged_with_who_and_when(editor_client, editor, client):
    page = PageFactory(title="Före")
    before = timezone.now()

    editor_client.post(
        reverse("admin:portal_page_change", args=[page.pk]), change_form_data(page, title="Efter")
    )

    entry = LogEntry.objects.get(object_id=str(page.pk), action_flag=CHANGE)
    assert entry.user == editor
    assert entry.action_time >= before
    assert entry.object_repr == "Efter"


def test_administrator_reads_the_change_log_but_cannot_alter_it(client, editor, administrator):
    page = PageFactory(title="Loggad sida")
    client.force_login(editor)
    client.post(reverse("admin:portal_page_change", args=[page.pk]), change_form_data(page))
    entry = LogEntry.objects.get(object_id=str(page.pk))

    client.force_login(administrator)
    listing = client.get(reverse("admin:admin_logentry_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Loggad sida" in html and "redaktor" in html
    delete = reverse("admin:admin_logentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()
