from django.contrib import admin

from initiatives.models import Initiative, Municipality
from portal.admin import PublishableAdmin


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "county"]
    list_filter = ["county"]
    search_fields = ["name", "organisation"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Initiative)
class InitiativeAdmin(PublishableAdmin):
    list_display = ["title", "municipality", "area", "phase", "technique", "status", "updated_at"]
    list_filter = ["status", "phase", "area", "technique", "municipality__county", "tags"]
    search_fields = ["title", "ingress", "body", "municipality__name", "lessons_learned"]
    list_select_related = ["municipality"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["municipality"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "municipality", "ingress", "body", "tags"]}),
        ("Fakta", {"fields": ["area", "phase", "technique", "data_used", "period"]}),
        (
            "Avsnitt",
            {
                "fields": [
                    "goals",
                    "implementation",
                    "technology",
                    "law_and_ethics",
                    "lessons_learned",
                    "contact",
                    "source_title",
                    "source_url",
                ]
            },
        ),
        PublishableAdmin.publication_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")
