"""django-axes under a Swedish name in the admin (its admin itself: portal/lockouts.py)."""

from axes.apps import AppConfig


class LockoutsConfig(AppConfig):
    verbose_name = "Inloggningsspärrar"
