from django.urls import reverse
from django.views.generic import DetailView, ListView

from initiatives.models import Initiative
from portal.preview import PreviewMixin, visible
from portal.views import latest_update


class InitiativeListView(ListView):
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 20

    def get_queryset(self):
        return Initiative.objects.published().with_listing_data().order_by("municipality__name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
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
        context["breadcrumbs"] = [
            ("AI-initiativ", reverse("initiatives:list")),
            (initiative.title, None),
        ]
        context["related_initiatives"] = initiative.related()
        context["last_updated"] = initiative.updated_at
        return context
