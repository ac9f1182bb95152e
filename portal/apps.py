from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self):
        from portal.roles import administrators_post_migrate

        # Operations, not business logic: Administratör keeps every permission as apps
        # and models are added by later migrations.
        post_migrate.connect(administrators_post_migrate, dispatch_uid="portal_administrators")
