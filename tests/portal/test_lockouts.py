"""The login throttle behind the load balancer, and lifting a lock in the admin."""

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import DELETION, LogEntry
from django.test import Client
from django.urls import reverse

from tests.editorial import PASSWORD

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"  # every request reaches the app from the load balancer's address


def log_in(client, password, visitor, username="redaktor"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=visitor,
    )


def lock_out(visitor):
    for attempt in range(5):
        log_in(Client(), f"fel-{attempt}", visitor)
    assert log_in(Client(), PASSWORD, visitor).status_code == 429


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_a_guesser_behind_the_balancer_does_not_lock_the_editor_out(behind_balancer, editor):
    lock_out("198.51.100.66")  # someone guessing at the editor's username

    # The editor comes through the same balancer, from an address of their own.
    assert log_in(Client(), PASSWORD, "203.0.113.5").status_code == 302


def test_the_address_the_balancer_appends_counts_not_one_the_client_sent(behind_balancer, editor):
    # A guesser may send any X-Forwarded-For of their own; the balancer appends the real one.
    for attempt in range(5):
        log_in(Client(), f"fel-{attempt}", f"192.0.2.{attempt}, 198.51.100.66")
    assert log_in(Client(), PASSWORD, "192.0.2.99, 198.51.100.66").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"


def test_without_trusted_proxies_the_connecting_address_counts(settings, editor):
    settings.TRUSTED_PROXY_COUNT = 0
    lock_out("198.51.100.66")
    # Everyone shares the balancer's address then: the reason TRUSTED_PROXY_COUNT exists.
    assert log_in(Client(), PASSWORD, "203.0.113.5").status_code == 429


def test_an_administrator_lifts_the_lock_in_the_admin(behind_balancer, editor, administrator):
    lock_out("203.0.113.5")
    attempt = AccessAttempt.objects.get(username="redaktor")

    admin = Client()
    admin.force_login(administrator)
    assert "Inloggningsspärrar" in admin.get(reverse("admin:index")).content.decode()
    changelist = reverse("admin:axes_accessattempt_changelist")
    listing = admin.get(changelist, {"sparrad": "ja"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "redaktor" in html and "Spärrad" in html and "Häv spärren" in html
    assert "Spärrar och misslyckade inloggningar" in html and "IP-adress" in html

    response = admin.post(
        changelist, {"action": "lift_lock", "_selected_action": [attempt.pk]}, follow=True
    )

    assert "Spärren är hävd" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert LogEntry.objects.filter(user=administrator, action_flag=DELETION).exists()
    assert log_in(Client(), PASSWORD, "203.0.113.5").status_code == 302


def test_deleting_the_attempt_also_lifts_the_lock(behind_balancer, editor, administrator):
    lock_out("203.0.113.5")
    attempt = AccessAttempt.objects.get(username="redaktor")
    admin = Client()
    admin.force_login(administrator)

    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin.post(delete, {"post": "yes"}).status_code == 302

    assert log_in(Client(), PASSWORD, "203.0.113.5").status_code == 302


def test_editors_do_not_see_or_lift_locks(behind_balancer, editor):
    lock_out("203.0.113.5")
    other = Client()
    other.force_login(editor)

    index = other.get(reverse("admin:index")).content.decode()
    assert "Inloggningsspärrar" not in index and "/admin/axes/" not in index
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert other.get(changelist).status_code == 403
    attempt = AccessAttempt.objects.get()
    other.post(changelist, {"action": "lift_lock", "_selected_action": [attempt.pk]})
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
