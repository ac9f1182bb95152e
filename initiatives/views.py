from django.utils.functional import cached_property

from initiatives.models import County, Initiative
from publishing.facets import Facet
from publishing.views import PublishedDetailView, PublishedListView

FACETS = (
    Facet("omrade", "Verksamhetsområde", "area", choices=tuple(Initiative.Area.choices)),
    Facet("fas", "Fas", "phase", choices=tuple(Initiative.Phase.choices)),
    Facet("teknik", "AI-teknik", "technique", choices=tuple(Initiative.Technique.choices)),
    Facet(
        "konsekvensbedomning",
        "Konsekvensbedömning avseende dataskydd",
        "impact_assessment",
        choices=tuple(Initiative.ImpactAssessment.choices),
    ),
    Facet(
        "framtagen",
        "Hur lösningen tagits fram",
        "sourcing",
        choices=tuple(Initiative.Sourcing.choices),
    ),
    Facet("lan", "Län", "municipality__county", choices=tuple(County.choices), show_empty=False),
    Facet("amne", "Ämne", "tags__slug", label_lookup="tags__name", many=True),
)


class InitiativeListView(PublishedListView):
    model = Initiative
    title = "AI-initiativ"
    facets = FACETS
    ordering_fields = ("municipality__name", "title", "pk")
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 20
    rows_on_demand = True  # each row is a remembered card

    def with_listing_data(self, queryset):
        return queryset.for_cards()


class InitiativeDetailView(PublishedDetailView):
    model = Initiative
    parent_breadcrumbs = (("AI-initiativ", "initiatives:list"),)
    template_name = "initiatives/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        # The page's frame: what it shows outside its remembered fragments.
        return super().get_queryset().only(*Initiative.PAGE_FRAME_FIELDS)

    @cached_property
    def case_study(self):
        """The initiative with all its page shows: read only when a fragment is rendered."""
        return Initiative.objects.for_page().get(pk=self.object.pk)
