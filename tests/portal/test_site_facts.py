"""The pages about the site state what the code does: numbers and cookies come from the
settings (portal/sitefacts.py), and the tests check those against what really happens."""

import datetime
import re
from io import StringIO
from pathlib import Path

import django
import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal import sitefacts
from tests.editorial import PASSWORD
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def cookie_names_set_in_an_admin_session(user) -> set[str]:
    """Log in through the form, save something, read the result: every cookie set on the way."""
    client = Client(enforce_csrf_checks=True)
    seen = set()

    def remember(response):
        seen.update(response.cookies.keys())
        return response

    remember(client.get(reverse("admin:login")))
    token = client.cookies[django_settings.CSRF_COOKIE_NAME].value
    remember(
        client.post(
            reverse("admin:login"),
            {"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
    )
    remember(client.get(reverse("admin:index")))
    token = client.cookies[django_settings.CSRF_COOKIE_NAME].value  # a new one after login
    saved = remember(
        client.post(
            reverse("admin:resources_publisher_add"),
            {
                "name": "Vinnova",
                "short_name": "",
                "slug": "vinnova",
                "url": "",
                "csrfmiddlewaretoken": token,
            },
        )
    )
    assert saved.status_code == 302, saved.content.decode()[:500]
    remember(client.get(saved["Location"]))  # shows, and so removes, "… lades till"
    return seen


def test_the_cookie_page_lists_exactly_the_cookies_an_editor_gets(administrator):
    listed = {cookie.name for cookie in sitefacts.staff_cookies()}

    assert cookie_names_set_in_an_admin_session(administrator) == listed
    assert listed == {
        django_settings.SESSION_COOKIE_NAME,
        django_settings.CSRF_COOKIE_NAME,
        "messages",
    }
    assert django_settings.LANGUAGE_COOKIE_NAME not in listed


def test_the_cookie_page_shows_the_names_and_lifetimes_from_the_settings(client, settings):
    settings.SESSION_COOKIE_AGE = 4 * 3600
    settings.SESSION_COOKIE_NAME = "inloggning"
    page = PageFactory(slug="kakor", body="## Kakor\n\n{kakor_for_redaktorer}\n")

    html = client.get(page.get_absolute_url()).content.decode()

    table = html[html.index("<table>") : html.index("</table>")]
    assert "<p><table>" not in html  # the table replaces the paragraph that named it
    assert re.findall(r"<code>([^<]+)</code>", table) == ["inloggning", "csrftoken", "messages"]
    assert "senast efter 4 timmar" in table
    assert "52 veckor" in table  # Django's CSRF_COOKIE_AGE


def test_the_local_storage_the_page_names_is_what_the_admin_scripts_write():
    admin_js = Path(django.__file__).parent / "contrib" / "admin" / "static" / "admin" / "js"
    written = set()
    for script in admin_js.rglob("*.js"):
        if "vendor" in script.parts:
            continue
        written |= set(re.findall(r"localStorage\.setItem\(\s*[\"']([^\"']+)", script.read_text()))

    assert {entry.name for entry in sitefacts.STAFF_LOCAL_STORAGE} == written
    # And the public site's own scripts write nothing into the browser.
    for script in (Path(django_settings.BASE_DIR) / "static").rglob("*.js"):
        assert not re.search(r"localStorage|sessionStorage|document\.cookie", script.read_text())


def test_the_privacy_page_states_the_retention_the_site_uses(client, settings):
    settings.FEEDBACK_COMMENT_RETENTION_MONTHS = 7
    settings.LOGIN_RECORD_RETENTION_DAYS = 30
    settings.FEEDBACK_SEARCH_TERM_RETENTION_MONTHS = 5
    page = PageFactory(
        slug="personuppgifter",
        body="Kommentarerna raderas efter {kommentarer_sparas_manader} månader. Inloggningar "
        "raderas efter {inloggningar_sparas_dagar} dagar. Sökord efter "
        "{sokord_sparas_manader} månader. {okänt_namn} står kvar.",
    )

    html = client.get(page.get_absolute_url()).content.decode()

    assert "raderas efter 7 månader" in html
    assert "raderas efter 30 dagar" in html
    assert "Sökord efter 5 månader" in html
    assert "{okänt_namn} står kvar" in html


def test_the_demo_privacy_and_cookie_pages_name_only_facts_that_exist():
    from demo.pages import KAKOR, OM_WEBBPLATSEN, PERSONUPPGIFTER

    known = set(sitefacts.facts())
    for page in (KAKOR, OM_WEBBPLATSEN, PERSONUPPGIFTER):
        named = set(re.findall(r"\{([a-zåäö_]+)\}", page["body"]))
        assert named <= known, named - known
    assert "{kommentarer_sparas_manader}" in PERSONUPPGIFTER["body"]
    assert "{sokord_sparas_manader}" in PERSONUPPGIFTER["body"]
    assert "{kakor_for_redaktorer}" in KAKOR["body"]
    assert "imy.se" in PERSONUPPGIFTER["body"]


def test_login_records_are_deleted_after_the_retention_period(settings):
    settings.LOGIN_RECORD_RETENTION_DAYS = 90
    old = timezone.now() - datetime.timedelta(days=91)
    record = {"ip_address": "192.0.2.1", "user_agent": "Test"}
    for n, when in enumerate((old, timezone.now())):
        rows = [
            AccessLog.objects.create(username="redaktor", **record),
            AccessFailureLog.objects.create(username="redaktor", **record),
            AccessAttempt.objects.create(
                username=f"redaktor-{n}",
                get_data="",
                post_data="",
                failures_since_start=1,
                **record,
            ),
        ]
        for row in rows:
            type(row).objects.filter(pk=row.pk).update(attempt_time=when)

    out = StringIO()
    call_command("purge_login_records", stdout=out)

    assert "Deleted 3 login records older than 90 days." in out.getvalue()
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert model.objects.count() == 1
        assert model.objects.get().attempt_time > old


def test_search_snippets_show_the_facts_not_their_names(site_pages):
    from portal.search import search

    PageFactory(
        slug="integritet",
        title="Integritet",
        ingress="Kommentarerna om gallring raderas efter {kommentarer_sparas_manader} månader.",
    )

    (result,) = [r for r in search("gallring") if r.title == "Integritet"]

    assert "{kommentarer_sparas_manader}" not in result.snippet
    assert "24 månader" in result.snippet
