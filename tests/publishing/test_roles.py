"""The roles from the data migration, tested as a permission matrix over HTTP."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from publishing.roles import ADMINISTRATOR, EDITOR, editor_codenames
from tests.factories import InitiativeFactory, PageFactory

pytestmark = pytest.mark.django_db

CONTENT_URLS = [
    "admin:initiatives_initiative_changelist",
    "admin:initiatives_initiative_add",
    "admin:initiatives_municipality_changelist",
    "admin:portal_page_changelist",
    "admin:portal_page_add",
    "admin:resources_resource_changelist",
    "admin:resources_category_changelist",
    "admin:taggit_tag_changelist",
    "admin:publishing_redirect_changelist",
    "admin:publishing_linkcheck_changelist",
]
ACCOUNT_URLS = ["admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"]
LOG_URLS = ["admin:admin_logentry_changelist"]


def status(client, user, name):
    client.force_login(user)
    return client.get(reverse(name)).status_code


@pytest.mark.parametrize("name", CONTENT_URLS + ACCOUNT_URLS + LOG_URLS + ["admin_review_list"])
def test_visitors_are_sent_to_the_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", [*CONTENT_URLS, "admin_review_list"])
def test_editor_reaches_all_content(client, editor, name):
    assert status(client, editor, name) == 200


@pytest.mark.parametrize("name", ACCOUNT_URLS + LOG_URLS)
def test_editor_cannot_manage_accounts_or_read_the_admin_log(client, editor, name):
    assert status(client, editor, name) == 403


@pytest.mark.parametrize("name", CONTENT_URLS + ACCOUNT_URLS + LOG_URLS + ["admin_review_list"])
def test_administrator_reaches_everything(client, administrator, name):
    assert status(client, administrator, name) == 200


@pytest.mark.parametrize("name", CONTENT_URLS + ACCOUNT_URLS + LOG_URLS + ["admin_review_list"])
def test_staff_without_a_role_sees_nothing(client, staff_without_role, name):
    assert status(client, staff_without_role, name) == 403


def test_editor_edits_history_and_restores_but_administrator_only_manages_users(
    client,
    editor,
):
    initiative = InitiativeFactory()
    page = PageFactory()
    client.force_login(editor)
    for url in [
        reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
        reverse("admin:initiatives_initiative_history", args=[initiative.pk]),
        reverse("admin:portal_page_change", args=[page.pk]),
        reverse("admin:portal_page_history", args=[page.pk]),
        reverse("admin:initiatives_initiative_recoverlist"),
    ]:
        assert client.get(url).status_code == 200, url


def test_roles_hold_the_documented_permissions():
    editor_group = Group.objects.get(name=EDITOR)
    granted = {
        (p.content_type.app_label, p.codename)
        for p in editor_group.permissions.select_related("content_type")
    }
    expected = {(app, code) for app, codes in editor_codenames().items() for code in codes}
    assert granted == expected
    assert ("portal", "publish_page") in granted
    assert not any(app in {"auth", "admin", "feedback"} for app, _ in granted)

    administrator_group = Group.objects.get(name=ADMINISTRATOR)
    assert administrator_group.permissions.count() == Permission.objects.count()


def test_roles_migration_leaves_other_roles_alone_and_can_run_again():
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = importlib.import_module("portal.migrations.0004_editorial_roles")
    state = MigrationExecutor(connection).loader.project_state(("portal", "0004_editorial_roles"))
    # The feedback app's migration creates Analytiker; this one must leave it as it is.
    analyst, _ = Group.objects.get_or_create(name="Analytiker")
    analyst.permissions.add(Permission.objects.get(codename="view_page"))
    analyst_permissions = set(analyst.permissions.all())
    editor_permissions = set(Group.objects.get(name=EDITOR).permissions.all())

    migration.create_roles(state.apps, None)

    assert set(analyst.permissions.all()) == analyst_permissions
    after = set(Group.objects.get(name=EDITOR).permissions.all())
    assert editor_permissions <= after
    # Run on today's database, the migration brings back only the permissions of the models
    # it knew, which have since moved to publishing (portal 0005); nothing else changes.
    assert {
        (p.content_type.app_label, p.content_type.model) for p in after - editor_permissions
    } <= {
        ("portal", "redirect"),
        ("portal", "linkcheck"),
    }
    assert Group.objects.filter(name__in=[EDITOR, ADMINISTRATOR]).count() == 2


def test_administrator_gains_permissions_of_apps_migrated_later():
    from django.contrib.contenttypes.models import ContentType

    from publishing.roles import sync_roles

    later = Permission.objects.create(
        codename="export_feedback",
        name="Kan exportera återkoppling",
        content_type=ContentType.objects.get_for_model(Group),
    )
    assert later not in Group.objects.get(name=ADMINISTRATOR).permissions.all()

    sync_roles(sender=None)

    assert later in Group.objects.get(name=ADMINISTRATOR).permissions.all()
    assert later not in Group.objects.get(name=EDITOR).permissions.all()
