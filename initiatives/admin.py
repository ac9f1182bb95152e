from django.contrib import admin

from initiatives.models import Initiative, InitiativePhaseChange, Municipality
from publishing.admin import (
    HistoryAdmin,
    LinkStatusFilter,
    PublishableAdmin,
    link_state,
    with_link_state,
)


@admin.register(Municipality)
class MunicipalityAdmin(HistoryAdmin):
    list_display = ["name", "organisation", "county"]
    list_filter = ["county"]
    search_fields = ["name", "organisation"]
    prepopulated_fields = {"slug": ["name"]}


class SourceLinkStatusFilter(LinkStatusFilter):
    url_field = "source_url"


class PhaseChangeInline(admin.TabularInline):
    """The phase log: written automatically when the phase changes, correctable here."""

    model = InitiativePhaseChange
    extra = 0
    fields = ["changed_on", "phase", "note"]
    verbose_name = "fasändring"
    verbose_name_plural = "Status över tid (skapas automatiskt när fasen ändras; datum kan rättas)"


@admin.register(Initiative)
class InitiativeAdmin(PublishableAdmin):
    list_display = [
        "title",
        "municipality",
        "phase",
        "state_column",
        "review_column",
        "source_link_column",
        "preview_column",
    ]
    list_filter = [
        "status",
        "phase",
        "area",
        "technique",
        "impact_assessment",
        "sourcing",
        "municipality__county",
        "tags",
        SourceLinkStatusFilter,
    ]
    search_fields = [
        "title",
        "ingress",
        "body",
        "municipality__name",
        "lessons_learned",
        "purpose",
        "results",
    ]
    list_select_related = ["municipality"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["municipality"]
    inlines = [PhaseChangeInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "municipality", "ingress", "image", "body", "tags"]}),
        ("Fakta", {"fields": ["area", "phase", "technique", "period", "started_on"]}),
        (
            "Standarduppgifter",
            {
                "description": "Samma uppgifter för varje initiativ, som kommunen anger dem. "
                "Lämna tomt det som inte är känt – sidan visar då ”Uppgift saknas”. "
                "Skriv inga personuppgifter: inga namn på enskilda, inga ärenden.",
                "fields": [
                    "purpose",
                    "legal_basis",
                    "impact_assessment",
                    "human_oversight",
                    "data_used",
                    "sourcing",
                    "results",
                ],
            },
        ),
        (
            "Kontakt och bekräftelse",
            {
                "description": "En funktion, en funktionsbrevlåda eller ett växelnummer räcker – "
                "inte en enskild persons namn, e-post eller mobilnummer.",
                "fields": ["contact", "contact_email", "contact_phone", "confirmed_on"],
            },
        ),
        (
            "Avsnitt",
            {
                "fields": [
                    "goals",
                    "implementation",
                    "technology",
                    "law_and_ethics",
                    "lessons_learned",
                    "source_title",
                    "source_url",
                    "other_sources",
                ]
            },
        ),
        ("Intern anteckning (visas inte för besökarna)", {"fields": ["editor_note"]}),
        PublishableAdmin.publication_fieldset,
        PublishableAdmin.review_fieldset,
    ]

    def get_queryset(self, request):
        return with_link_state(super().get_queryset(request).prefetch_related("tags"), "source_url")

    @admin.display(description="källänk")
    def source_link_column(self, obj):
        return link_state(obj)
