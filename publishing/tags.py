"""Tags for a list of content in one query, at a fraction of `prefetch_related("tags")`'s cost.

django-taggit's manager supports prefetch_related, but Django then asks the manager for a
fresh filtered queryset for every row (`tags_for()`: a join across the tagged items and
the content types), only to replace its result with the prefetched tags. On a list of 25
resources that filter building cost more than the queries themselves (measured in
bench/profile_pages.py: about 5 ms of CPU per list).

`TaggedQuerySet.with_tags()` reads the (row, tag) pairs in one query and gives each row
the same cache that prefetch_related would: `row.tags.all()` returns the tags without a
query, and anything that goes further (`row.tags.filter(...)`, `.names()`) still runs the
exact query taggit would, because the filter is applied only when the queryset is used
as a query (Django's deferred filter, the mechanism its own related managers use when
prefetching).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.query import ModelIterable

CACHE_NAME = "tags"  # the TaggableManager's attribute name: prefetch_related's cache key


def _tags_queryset(model, field_name):
    """What taggit's manager would build for a row, without the row's filter yet."""
    through = model._meta.get_field(field_name).through
    related_name = through.tag.field.related_query_name()
    base = through.tag_model()._default_manager.distinct().order_by(f"{related_name}__pk")
    filters = {
        f"{related_name}__content_type__app_label": model._meta.app_label,
        f"{related_name}__content_type__model": model._meta.model_name,
    }
    return base, filters, f"{related_name}__object_id"


def _keep(row, field_name, queryset):
    if not hasattr(row, "_prefetched_objects_cache"):
        row._prefetched_objects_cache = {}
    row._prefetched_objects_cache[field_name] = queryset


def attach_tags(rows, field_name: str = CACHE_NAME) -> None:
    """Load the tags of `rows` (instances of one tagged model) with one query."""
    if not rows:
        return
    model = type(rows[0])
    field = model._meta.get_field(field_name)
    through = field.through
    tag_model = through.tag_model()
    content_type = ContentType.objects.get_for_model(model)
    pairs = (
        through.objects.filter(content_type=content_type, object_id__in={row.pk for row in rows})
        .order_by("pk")
        .values_list("object_id", "tag_id", "tag__name", "tag__slug")
    )
    tags_of = defaultdict(list)
    seen = defaultdict(set)
    for object_id, tag_id, name, slug in pairs:
        if tag_id not in seen[object_id]:  # taggit's tags_for() is distinct
            seen[object_id].add(tag_id)
            tags_of[object_id].append(tag_model(id=tag_id, name=name, slug=slug))

    base, filters, object_id = _tags_queryset(model, field_name)
    for row in rows:
        queryset = base._chain()
        queryset._defer_next_filter = True  # the filter is added only if the query runs
        queryset = queryset.filter(**filters, **{object_id: row.pk})
        queryset._result_cache = tags_of.get(row.pk, [])
        queryset._prefetch_done = True
        _keep(row, field_name, queryset)


def tags_on_first_use(row, field_name: str = CACHE_NAME) -> None:
    """Let `row.tags.all()` read the tags when first used, and reuse them after that.

    For a page that shows its object's tags only in remembered fragments: while they are
    remembered the tags are not read at all; when they are rendered, once, not once for
    every `tags.all()` (taggit's manager returns this same queryset each time).
    """
    base, filters, object_id = _tags_queryset(type(row), field_name)
    queryset = base._chain()
    queryset._defer_next_filter = True  # built only if the query runs
    _keep(row, field_name, queryset.filter(**filters, **{object_id: row.pk}))


class TaggedQuerySet(models.QuerySet):
    """A queryset that can bring its rows' tags along: `.with_tags()`."""

    _with_tags = False  # False, "now" (one query for all rows) or "on first use"

    def with_tags(self, *, on_first_use: bool = False):
        """The rows' tags now, or, `on_first_use`, each row's when it is first asked for."""
        clone = self._chain()
        clone._with_tags = "on first use" if on_first_use else "now"
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._with_tags = self._with_tags
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        if fetching and self._with_tags and self._iterable_class is ModelIterable:
            if self._with_tags == "on first use":
                for row in self._result_cache:
                    tags_on_first_use(row)
            else:
                attach_tags(self._result_cache)
