"""One way to write a public content view: lists and detail pages on the same two bases.

They handle what every content page shares: only published content for visitors (drafts
for an editor previewing, see publishing/preview.py), breadcrumbs, and "Senast uppdaterad".
A content app's view names its model, its breadcrumb trail and, for lists, its facets.
"""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from publishing import generation
from publishing.facets import Filters
from publishing.preview import PreviewMixin, visible
from publishing.rows import RowsOnDemand


class ContentPageMixin:
    """Breadcrumbs and "Senast uppdaterad" in the context of a public content page.

    The view names itself in `get_breadcrumb_label()` and says when its content last
    changed in `get_last_updated()`.
    """

    visitor_page = True  # takes feedback and counts views (publishing.registry)
    http_method_names = ["get", "head", "options"]  # a page takes no POST

    @classmethod
    def read_query_params(cls) -> tuple[str, ...]:
        """The query parameters this page reads (the page cache keys on them alone)."""
        return ("page",)

    # The trail above this page, as (label, URL name) pairs.
    parent_breadcrumbs: tuple[tuple[str, str], ...] = ()
    # "Senast uppdaterad" read from many rows is remembered per content generation
    # (publishing/generation.py), keyed by the address; never in a preview, which counts drafts.
    remember_last_updated = False

    def get_breadcrumbs(self) -> list[tuple[str, str | None]]:
        trail = [(label, reverse(url_name)) for label, url_name in self.parent_breadcrumbs]
        return [*trail, (self.get_breadcrumb_label(), None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        context["last_updated"] = self.last_updated()
        return context

    def last_updated(self):
        if self.remember_last_updated and not getattr(self.request, "is_preview", False):
            return generation.remember(f"last-updated:{self.request.path}", self.get_last_updated)
        return self.get_last_updated()


class CountedPaginator(Paginator):
    """A paginator told its count, for a list whose count is known without a query."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class PublishedListView(ContentPageMixin, ListView):
    """A list of the published rows of `model`, filtered by `facets` when it has any."""

    title = ""  # the list's name in the breadcrumbs
    remember_last_updated = True
    facets = ()
    ordering_fields: tuple[str, ...] = ("pk",)
    # A paginated list whose template shows each row through a remembered fragment reads
    # only its rows' pks, and the rows in full only when a fragment is rendered
    # (publishing/rows.py).
    rows_on_demand = False

    @classmethod
    def read_query_params(cls) -> tuple[str, ...]:
        return ("page", *(facet.param for facet in cls.facets))

    def published(self):
        return self.model._default_manager.published()

    def get_queryset(self):
        queryset = self.published()
        if self.facets:
            # The counts depend only on published content and the choices in the address.
            self.filters = Filters(
                queryset, self.facets, self.request.GET, memo_key=f"facets:{self.request.path}"
            )
            queryset = self.filters.results()
        queryset = queryset.order_by(*self.ordering_fields)
        return queryset if self.rows_on_demand else self.with_listing_data(queryset)

    def with_listing_data(self, queryset):
        return queryset.with_listing_data() if hasattr(queryset, "with_listing_data") else queryset

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.facets:
            # The number of results is remembered with the facets' counts.
            return CountedPaginator(queryset, per_page, count=self.filters.count, **kwargs)
        return super().get_paginator(queryset, per_page, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        if self.rows_on_demand:
            rows = page.object_list = RowsOnDemand(rows, load=self.with_listing_data)
        return paginator, page, rows, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.facets:
            context["filters"] = self.filters
        return context

    def get_breadcrumb_label(self) -> str:
        return self.title

    def get_last_updated(self):
        return self.published().latest_update()


class PublishedDetailView(ContentPageMixin, PreviewMixin, DetailView):
    """One published object of `model` by its slug; an editor may preview a draft."""

    def get_queryset(self):
        queryset = visible(self.request, self.model._default_manager)
        # The search index is for search; a page never shows it.
        has_index = any(f.name == "search_vector" for f in self.model._meta.concrete_fields)
        return queryset.defer("search_vector") if has_index else queryset

    def get_breadcrumb_label(self) -> str:
        return str(self.object)

    def get_last_updated(self):
        return self.object.updated_at
