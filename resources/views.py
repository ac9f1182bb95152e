from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from initiatives.models import Initiative
from portal.facets import Facet, Filters
from portal.models import published_q
from portal.preview import previewable, visible
from portal.views import latest_update
from resources.models import Category, Resource

FACETS = (
    Facet(
        "kategori",
        "Kategori",
        "category__slug",
        label_lookup="category__name",
        sort_lookup="category__order",
    ),
    Facet("avsandare", "Avsändare", "sender"),
    Facet("format", "Format", "format", choices=tuple(Resource.Format.choices), show_empty=False),
    Facet("amne", "Ämne", "tags__slug", label_lookup="tags__name", many=True),
)


def attach_related_initiatives(resources, *, limit=3):
    """Give each resource `related_initiatives`: published initiatives sharing its tags.

    A fixed number of queries however many resources or initiatives there are: the
    (initiative, tag) pairs and the initiatives' order come back as plain tuples, the
    ranking (most shared tags, then newest) is done here, and only the initiatives that
    are shown are loaded as objects. `resources` must have their tags prefetched.
    """
    resources = list(resources)
    tags_of = {resource.pk: {tag.pk for tag in resource.tags.all()} for resource in resources}
    all_tags = set().union(*tags_of.values()) if tags_of else set()
    for resource in resources:
        resource.related_initiatives = []
    if not all_tags:
        return resources

    published = Initiative.objects.published()
    tags_by_initiative = defaultdict(set)
    for initiative_id, tag_id in published.filter(tags__in=all_tags).values_list("pk", "tags"):
        if tag_id in all_tags:
            tags_by_initiative[initiative_id].add(tag_id)
    newest_first = list(
        published.filter(pk__in=tags_by_initiative)
        .order_by("-published_at", "title")
        .values_list("pk", flat=True)
    )

    chosen = {}
    for resource in resources:
        wanted = tags_of[resource.pk]
        shared = [
            (len(tags_by_initiative[pk] & wanted), position, pk)
            for position, pk in enumerate(newest_first)
            if tags_by_initiative[pk] & wanted
        ]
        ranked = sorted(shared, key=lambda item: (-item[0], item[1]))
        chosen[resource.pk] = [pk for _, _, pk in ranked[:limit]]
    shown = published.in_bulk({pk for pks in chosen.values() for pk in pks})
    for resource in resources:
        resource.related_initiatives = [shown[pk] for pk in chosen[resource.pk] if pk in shown]
    return resources


@require_safe
def category_list(request):
    categories = Category.objects.annotate(
        resource_count=Count("resources", filter=published_q("resources__"))
    )
    context = {
        "categories": categories,
        "breadcrumbs": [("Stöd och verktyg", None)],
        "last_updated": latest_update(Resource.objects.published(), Category.objects.all()),
    }
    return render(request, "resources/category_list.html", context)


CATEGORY_PAGE_SIZE = 25


@require_safe
@previewable
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    # Categories are always public; a preview also shows the draft and scheduled resources.
    resources = visible(request, Resource.objects.in_category(category))
    # Paginated so a page stays small however much a category grows; get_page() turns a
    # bad ?page= into the nearest real page instead of an error.
    paginator = Paginator(resources.with_listing_data(), CATEGORY_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "category": category,
        "preview": request.is_preview,
        "resources": attach_related_initiatives(page_obj.object_list),
        "paginator": paginator,
        "page_obj": page_obj,
        "is_paginated": page_obj.has_other_pages(),
        "other_categories": Category.objects.exclude(pk=category.pk),
        "breadcrumbs": [
            ("Stöd och verktyg", reverse("resources:category_list")),
            (category.name, None),
        ],
        "last_updated": latest_update(resources, Category.objects.filter(pk=category.pk)),
    }
    return render(request, "resources/category_detail.html", context)


class ResourceListView(ListView):
    """Every published resource, filtered by category, sender, format and tag."""

    template_name = "resources/resource_list.html"
    context_object_name = "resources"
    paginate_by = 25

    def get_queryset(self):
        self.filters = Filters(Resource.objects.published(), FACETS, self.request.GET)
        return self.filters.results().with_listing_data().order_by("title", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resources"] = attach_related_initiatives(context["page_obj"].object_list)
        context["filters"] = self.filters
        context["breadcrumbs"] = [
            ("Stöd och verktyg", reverse("resources:category_list")),
            ("Alla stöd och verktyg", None),
        ]
        context["last_updated"] = latest_update(Resource.objects.published())
        return context
