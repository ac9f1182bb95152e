from django.urls import reverse
from django.views.generic import DetailView, ListView

from initiatives.models import County, Initiative
from portal.facets import Facet, Filters
from portal.preview import PreviewMixin, visible
from portal.views import latest_update
from resources.models import Resource

FACETS = (
    Facet("omrade", "Verksamhetsområde", "area", choices=tuple(Initiative.Area.choices)),
    Facet("fas", "Fas", "phase", choices=tuple(Initiative.Phase.choices)),
    Facet("teknik", "AI-teknik", "technique", choices=tuple(Initiative.Technique.choices)),
    Facet("lan", "Län", "municipality__county", choices=tuple(County.choices), show_empty=False),
    Facet("amne", "Ämne", "tags__slug", label_lookup="tags__name", many=True),
)


class InitiativeListView(ListView):
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 20

    def get_queryset(self):
        self.filters = Filters(Initiative.objects.published(), FACETS, self.request.GET)
        return (
            self.filters.results().with_listing_data().order_by("municipality__name", "title", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        context["breadcrumbs"] = [("AI-initiativ", None)]
        context["last_updated"] = latest_update(Initiative.objects.published())
        return context


class InitiativeDetailView(PreviewMixin, DetailView):
    template_name = "initiatives/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return visible(self.request, Initiative.objects.with_listing_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative = self.object
        tag_ids = [tag.pk for tag in initiative.tags.all()]  # prefetched
        context["breadcrumbs"] = [
            ("AI-initiativ", reverse("initiatives:list")),
            (initiative.title, None),
        ]
        context["related_initiatives"] = initiative.related()
        context["related_resources"] = (
            Resource.objects.published().sharing_tags(tag_ids).select_related("category")[:5]
            if tag_ids
            else []
        )
        context["last_updated"] = initiative.updated_at
        return context
