from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """A throwaway content type that proves a new kind of content needs nothing but itself."""

    name = "tests.notices"
    label = "notices"
