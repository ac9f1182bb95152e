from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publicering"

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from publishing import generation, roles, search, search_sqlite
        from publishing.models import PublishedManager

        # Cached pages and remembered values go stale when content changes (generation.py).
        generation.connect_signals()
        # Model.objects.published() builds its filter once per generation.
        PublishedManager.remember = staticmethod(generation.remember)

        # Operations, not business logic: the editorial roles keep up with the content
        # types and permissions that later migrations add.
        post_migrate.connect(roles.sync_roles, dispatch_uid="publishing_roles")

        # Keep search vectors in step with tags however they change (see publishing/search.py).
        m2m_changed.connect(search.refresh_after_tag_change, sender=TaggedItem)
        post_save.connect(search.refresh_after_tag_rename, sender=Tag)
        pre_delete.connect(search.remember_tagged_before_delete, sender=Tag)
        post_delete.connect(search.refresh_after_tag_delete, sender=Tag)
        # SQLite keeps its index in a table of its own: a deleted row must leave it.
        for model in search.searchable_models():
            post_delete.connect(
                search_sqlite.forget_deleted, sender=model, dispatch_uid=f"search_{model._meta}"
            )
