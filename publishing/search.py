"""The search index every searchable content type keeps (the query half is portal/search.py).

PostgreSQL: every searchable model keeps a `search_vector` (a tsvector built with the
'swedish' configuration, so "socialtjänsten" finds "socialtjänst") with a GIN index. Its
weights follow `SEARCH_FIELDS` on the model: A for titles, B for ingress, tags and sender,
C for body text. The vector is rebuilt by one UPDATE (`refresh_search_vector()`) when a row
is saved, when its tags change and when a related name it includes changes.

SQLite (the embedded default): an FTS5 index of Snowball Swedish stems, kept by the same
calls (publishing/search_sqlite.py), so the newcomer's site finds what production finds.
"""

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.db.models import F, OuterRef, StringAgg, Subquery, Value

from publishing import search_sqlite

CONFIG = "swedish"
TAGS = "tags"  # the pseudo-field in SEARCH_FIELDS for django-taggit's tag names


# --- The index ---------------------------------------------------------------------------


def is_postgresql(using="default") -> bool:
    return connections[using].vendor == "postgresql"


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; a plain index elsewhere, where `USING gin` is no SQL."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


def _text(model, path):
    """An expression for one entry of SEARCH_FIELDS, usable inside an UPDATE of `model`.

    UPDATE cannot join, so a related name ("municipality__name") and the tag names are
    read through correlated subqueries.
    """
    if path == TAGS:
        through = model._meta.get_field(TAGS).remote_field.through
        names = (
            through.objects.filter(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                object_id=OuterRef("pk"),
            )
            .order_by()
            .values("object_id")
            .annotate(names=StringAgg("tag__name", Value(" ")))
            .values("names")
        )
        return Subquery(names, output_field=models.TextField())
    if "__" in path:
        relation, rest = path.split("__", 1)
        fk = model._meta.get_field(relation)
        related = fk.related_model.objects.filter(pk=OuterRef(fk.attname)).values(rest)[:1]
        return Subquery(related)
    return F(path)


def search_vector_expression(model):
    """The weighted tsvector of one row of `model`, from `model.SEARCH_FIELDS`."""
    vectors = [
        SearchVector(*[_text(model, path) for path in paths], weight=weight, config=CONFIG)
        for weight, paths in model.SEARCH_FIELDS.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


class SearchIndexedQuerySet(models.QuerySet):
    def refresh_search_vector(self) -> int:
        """Reindex every row: one UPDATE of the vector on PostgreSQL, FTS5 rows on SQLite."""
        if not is_postgresql(self.db):
            return search_sqlite.index(self)
        return self.update(search_vector=search_vector_expression(self.model))


class SearchIndexed(models.Model):
    """A model the site search finds. Subclasses set SEARCH_FIELDS and a SearchVectorIndex.

    SEARCH_FIELDS maps a weight ("A", "B", "C") to field names, "relation__field" paths and
    TAGS. The manager's queryset must include SearchIndexedQuerySet.
    """

    SEARCH_FIELDS: dict[str, tuple[str, ...]] = {}

    search_vector = SearchVectorField("sökindex", null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        type(self)._default_manager.filter(pk=self.pk).refresh_search_vector()


# django-taggit sets tags after the row is saved (the admin form's save_m2m, `tags.set()`
# in a loader), so save() alone would index stale tags. These receivers are index upkeep,
# not business logic: they keep derived data in step however the tags were changed.
# PublishingConfig.ready() connects them.


def refresh_after_tag_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    if pk_set is not None and not pk_set:
        return  # add() or remove() of nothing new
    if isinstance(instance, SearchIndexed):
        type(instance)._default_manager.filter(pk=instance.pk).refresh_search_vector()


def _tagged_models():
    return [model for model in searchable_models() if TAGS in _all_paths(model)]


def refresh_after_tag_rename(sender, instance, created, **kwargs):
    if not created:
        for model in _tagged_models():
            model._default_manager.filter(tags=instance).refresh_search_vector()


def remember_tagged_before_delete(sender, instance, **kwargs):
    instance._search_tagged = [
        (model, list(model._default_manager.filter(tags=instance).values_list("pk", flat=True)))
        for model in _tagged_models()
    ]


def refresh_after_tag_delete(sender, instance, **kwargs):
    for model, pks in getattr(instance, "_search_tagged", []):
        model._default_manager.filter(pk__in=pks).refresh_search_vector()


def _all_paths(model):
    return [path for paths in model.SEARCH_FIELDS.values() for path in paths]


def searchable_models():
    return [model for model in apps.get_models() if issubclass(model, SearchIndexed)]


def rebuild_index() -> dict[str, int]:
    """Rebuild every search vector; for databases that had content before the index."""
    if not is_postgresql():
        search_sqlite.clear()  # also drops rows of content deleted behind the ORM's back
    return {
        model._meta.label: model._default_manager.all().refresh_search_vector()
        for model in searchable_models()
    }
