from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self):
        # Cached public pages go stale when content is saved or deleted (portal/pagecache.py).
        from portal import pagecache

        pagecache.connect_signals()
