from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self):
        from portal.roles import administrators_post_migrate

        # Operations, not business logic: Administratör keeps every permission as apps
        # and models are added by later migrations.
        post_migrate.connect(administrators_post_migrate, dispatch_uid="portal_administrators")
        from taggit.models import Tag, TaggedItem

        from portal import search, search_sqlite

        # Keep search vectors in step with tags however they change (see portal/search.py).
        m2m_changed.connect(search.refresh_after_tag_change, sender=TaggedItem)
        post_save.connect(search.refresh_after_tag_rename, sender=Tag)
        pre_delete.connect(search.remember_tagged_before_delete, sender=Tag)
        post_delete.connect(search.refresh_after_tag_delete, sender=Tag)
        # SQLite keeps its index in a table of its own: a deleted row must leave it.
        for model in search.searchable_models():
            post_delete.connect(
                search_sqlite.forget_deleted, sender=model, dispatch_uid=f"search_{model._meta}"
            )

        # Cached public pages go stale when content is saved or deleted (portal/pagecache.py).
        from portal import pagecache

        pagecache.connect_signals()
