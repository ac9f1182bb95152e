from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self):
        from portal import pagecache, views
        from publishing import registry

        # Cached public pages go stale when content is saved or deleted (portal/pagecache.py).
        pagecache.connect_signals()
        # A tag page exists for visitors while published content carries the tag.
        registry.register_page_check("portal:tag", views.tag_has_published_content)
