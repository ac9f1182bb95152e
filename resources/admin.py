from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count

from publishing import review
from publishing.admin import (
    HistoryAdmin,
    LinkStatusFilter,
    PublishableAdmin,
    link_state,
    with_link_state,
)
from publishing.models import Publishable
from resources.models import Category, Publisher, Resource


@admin.register(Category)
class CategoryAdmin(PublishableAdmin):
    """The eight categories' texts: drafts, schedules, preview, review and history as content.

    The state governs only the texts (description and body); the category's page and its
    list of support and tools are always public.
    """

    list_display = ["name", "order", "state_column", "resource_count", "preview_column"]
    list_editable = ["order"]
    date_hierarchy = None
    search_fields = ["name", "description", "body"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "body", "order"]}),
        (
            "Publicering av texterna",
            {
                "fields": PublishableAdmin.publication_fieldset[1]["fields"],
                "description": "Kategorisidan och listan med stöd och verktyg syns alltid; "
                "läget gäller beskrivningen och brödtexten. Spara som utkast så länge "
                "texten inte är klar. För att schemalägga: välj Publicerad och sätt en "
                "framtida tidpunkt i ”Publiceras”.",
            },
        ),
        PublishableAdmin.review_fieldset,
    ]

    # Shown on the public site whatever the state of the texts.
    always_public_fields = ("name", "slug", "order")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or request.method != "POST" or not review.four_eyes_on():
            return form
        # Under four-eyes a change reaches visitors only through review, which keeps the
        # published row until approval. A save that is not reviewed (a draft), or a row
        # whose texts are not published (nothing to keep), would show a new name, address
        # or order at once: refuse it, keeping everything typed.
        reviewed = obj.status == Publishable.Status.PUBLISHED and "_save_draft" not in (
            request.POST
        )
        if reviewed:
            return form
        fields = self.always_public_fields

        class NamesThroughReview(form):
            def clean(self):
                cleaned = super().clean()
                changed = [name for name in fields if name in self.changed_data]
                if changed:
                    labels = ", ".join(str(self.fields[name].label).lower() for name in changed)
                    raise ValidationError(
                        f"Besökarna ser kategorins {labels} även när texterna är ett utkast. "
                        "Ändra det medan texterna är publicerade och välj ”Skicka för "
                        "granskning”, så godkänner någon annan ändringen först.",
                        code="always_public",
                    )
                return cleaned

        NamesThroughReview.__name__ = form.__name__
        return NamesThroughReview

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_total=Count("resources"))

    @admin.display(description="antal stöd", ordering="resource_total")
    def resource_count(self, obj):
        return obj.resource_total

    def has_delete_permission(self, request, obj=None):
        # The eight categories come from the final report; texts are editable, the set is not.
        return False


@admin.register(Publisher)
class PublisherAdmin(HistoryAdmin):
    """Organisations behind the material: one row each, however their name was written."""

    list_display = ["name", "short_name", "resource_count", "url"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name", "name"]}
    fields = ["name", "short_name", "slug", "url"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_total=Count("resources"))

    @admin.display(description="antal stöd", ordering="resource_total")
    def resource_count(self, obj):
        return obj.resource_total


@admin.register(Resource)
class ResourceAdmin(PublishableAdmin):
    list_display = [
        "title",
        "category",
        "publisher",
        "state_column",
        "link_column",
        "review_column",
        "updated_at",
        "preview_column",
    ]
    list_filter = [
        "status",
        LinkStatusFilter,
        "category",
        "publisher",
        "format",
        "language",
        "tags",
    ]
    search_fields = ["title", "description", "publisher__name", "publisher__short_name", "url"]
    list_select_related = ["category", "publisher"]
    autocomplete_fields = ["publisher"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "url",
                    "document",
                    "publisher",
                    "language",
                    "description",
                    "category",
                    "format",
                    "year",
                    "tags",
                ]
            },
        ),
        PublishableAdmin.publication_fieldset,
        PublishableAdmin.review_fieldset,
    ]

    def get_queryset(self, request):
        return with_link_state(super().get_queryset(request), "url")

    @admin.display(description="länk")
    def link_column(self, obj):
        return link_state(obj)
