"""Fixtures for the editorial workflow: users in the roles the migrations create.

Import the fixtures you need into a test module (`from tests.editorial import editor`).
"""

import pytest
from django.contrib.auth.models import Group, User

from portal.roles import ADMINISTRATOR, EDITOR

PASSWORD = "ett-langt-testlosenord-2025"


def make_staff(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.se", PASSWORD, is_staff=True)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


@pytest.fixture
def editor(db):
    return make_staff("redaktor", EDITOR)


@pytest.fixture
def administrator(db):
    return make_staff("administrator", ADMINISTRATOR)


@pytest.fixture
def staff_without_role(db):
    """Signed in to the admin but in no group: may see nothing."""
    return make_staff("personal")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client_role(client, administrator):
    client.force_login(administrator)
    return client
