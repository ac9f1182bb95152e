from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self):
        from portal import pagecache

        # Cached public pages go stale when content is saved or deleted (portal/pagecache.py).
        pagecache.connect_signals()
