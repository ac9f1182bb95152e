from django.core.paginator import Paginator

from publishing import generation
from publishing.facets import Facet
from publishing.models import latest_update
from publishing.preview import can_preview, visible
from publishing.rows import RowsOnDemand
from publishing.views import CountedPaginator, PublishedDetailView, PublishedListView
from resources.models import Category, Resource

FACETS = (
    Facet(
        "kategori",
        "Kategori",
        "category__slug",
        label_lookup="category__name",
        sort_lookup="category__order",
    ),
    # One option per organisation, however often its name was written differently.
    Facet(
        "avsandare",
        "Avsändare",
        "publisher__slug",
        label_lookup="publisher__name",
    ),
    Facet("format", "Format", "format", choices=tuple(Resource.Format.choices), show_empty=False),
    Facet("amne", "Ämne", "tags__slug", label_lookup="tags__name", many=True),
)

CATEGORY_PAGE_SIZE = 25


class CategoryListView(PublishedListView):
    model = Category
    title = "Stöd och verktyg"
    ordering_fields = ("order", "name")
    template_name = "resources/category_list.html"
    context_object_name = "categories"

    def get_queryset(self):
        # The list shows names and descriptions, not the categories' own texts.
        return super().get_queryset().defer("body", "rendered_markdown")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counting every resource is the page's costliest query and the same for everyone
        # (published resources only, in a preview too): once per content generation.
        counts = generation.remember("category-resource-counts", Category.objects.resource_counts)
        for category in context["categories"]:
            category.resource_count = counts.get(category.pk, 0)
        return context

    def get_last_updated(self):
        return latest_update(Resource.objects.published(), Category.objects.all())


class CategoryDetailView(PublishedDetailView):
    """A category's text and its resources, paginated; a preview shows draft resources too."""

    model = Category
    parent_breadcrumbs = (("Stöd och verktyg", "resources:category_list"),)
    remember_last_updated = True  # read from every resource in the category
    template_name = "resources/category_detail.html"
    context_object_name = "category"

    def get_object(self, queryset=None):
        if queryset is not None or can_preview(self.request, Category):
            return super().get_object(queryset)
        # The eight categories are always public and are the site's navigation (the same
        # rows make "Fler kategorier", remembered alike): read once per content generation.
        # An address that finds none raises its 404 every time and is not remembered.
        return generation.remember(
            f"category:{self.kwargs[self.slug_url_kwarg]}", super().get_object
        )

    def get_context_data(self, **kwargs):
        # Categories are always public; an editor's preview shows the category's draft and
        # scheduled resources as well.
        self.resources = visible(self.request, Resource.objects).in_category(self.object)
        context = super().get_context_data(**kwargs)
        # Paginated so a page stays small however much a category grows; get_page() turns
        # a bad ?page= into the nearest real page instead of an error. What visitors see
        # is counted once per content generation; a preview counts drafts too.
        if self.request.is_preview:
            paginator = Paginator(self.resources, CATEGORY_PAGE_SIZE)
        else:
            count = generation.remember(f"category-count:{self.object.pk}", self.resources.count)
            paginator = CountedPaginator(self.resources, CATEGORY_PAGE_SIZE, count=count)
        page_obj = paginator.get_page(self.request.GET.get("page"))
        # Each resource is a remembered item: read in full only when one is rendered.
        page_obj.object_list = RowsOnDemand(
            page_obj.object_list, load=lambda resources: resources.with_listing_data()
        )
        context.update(
            {
                "paginator": paginator,
                "page_obj": page_obj,
                "is_paginated": page_obj.has_other_pages(),
                # The page is always public; its texts follow their publication state, and
                # an editor's preview shows them whatever the state.
                "show_texts": self.object.shows_texts or self.request.is_preview,
                "other_categories": generation.remember(
                    f"other-categories:{self.object.pk}",
                    lambda: list(Category.objects.exclude(pk=self.object.pk).only("name", "slug")),
                ),
            }
        )
        return context

    def get_last_updated(self):
        return latest_update(self.resources, Category.objects.filter(pk=self.object.pk))


class ResourceListView(PublishedListView):
    """Every published resource, filtered by category, publisher, format and tag."""

    model = Resource
    title = "Alla stöd och verktyg"
    parent_breadcrumbs = (("Stöd och verktyg", "resources:category_list"),)
    facets = FACETS
    ordering_fields = ("title", "pk")
    template_name = "resources/resource_list.html"
    context_object_name = "resources"
    paginate_by = 25
    rows_on_demand = True  # each row is a remembered resource item
