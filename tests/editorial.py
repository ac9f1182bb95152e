"""Helpers for tests of the editorial workflow (the fixtures are in tests/conftest.py)."""

from django.contrib.auth.models import Group, User
from django.utils import timezone

PASSWORD = "ett-langt-testlosenord-2025"


def make_staff(username, *groups):
    """A staff account in the named groups (the roles the migrations create)."""
    user = User.objects.create_user(username, f"{username}@example.se", PASSWORD, is_staff=True)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def change_form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "ingress": page.ingress,
        "body": page.body,
        "order": page.order,
        "status": page.status,
        "published_at_0": timezone.localtime(page.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(page.published_at).strftime("%H:%M:%S"),
        # A field with a callable default posts its initial value too, as the browser does.
        "initial-published_at_0": timezone.localtime(page.published_at).strftime("%Y-%m-%d"),
        "initial-published_at_1": timezone.localtime(page.published_at).strftime("%H:%M:%S"),
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "review_by": page.review_by.isoformat() if page.review_by else "",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def category_form_data(category, **overrides):
    """What the category change form posts, as the browser sends it."""
    data = {
        "name": category.name,
        "slug": category.slug,
        "description": category.description,
        "body": category.body,
        "order": category.order,
        "status": category.status,
        "published_at_0": timezone.localtime(category.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(category.published_at).strftime("%H:%M:%S"),
        "initial-published_at_0": timezone.localtime(category.published_at).strftime("%Y-%m-%d"),
        "initial-published_at_1": timezone.localtime(category.published_at).strftime("%H:%M:%S"),
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "review_by": category.review_by.isoformat() if category.review_by else "",
    }
    data.update(overrides)
    return data
