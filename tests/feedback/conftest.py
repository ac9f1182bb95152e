import pytest
from django.contrib.auth.models import Group, Permission

from feedback.models import Feedback
from tests.conftest import use_local_redis

PASSWORD = "ett-langt-testlosenord-123"


@pytest.fixture
def make_user(django_user_model):
    def make(username, *, groups=(), permissions=(), is_staff=True, is_superuser=False):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=is_staff, is_superuser=is_superuser
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        for codename in permissions:
            app_label, codename = codename.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return user

    return make


@pytest.fixture
def superuser(make_user):
    return make_user("admin", is_superuser=True)


@pytest.fixture
def feedback_factory(db):
    def make(**kwargs):
        kwargs.setdefault("page", "/")
        kwargs.setdefault("helpful", True)
        return Feedback.objects.create(**kwargs)

    return make


@pytest.fixture(params=["in-process", "redis"])
def each_counting_cache(request, settings):
    """Run a test with the in-process cache and with Redis (when one answers locally)."""
    from feedback import searchterms, viewcounts

    viewcounts.local.take()  # nothing left over from another test
    searchterms.local.clear()
    if request.param == "in-process":
        yield request.param
        return
    clean_up = use_local_redis(settings)
    yield request.param
    clean_up()
