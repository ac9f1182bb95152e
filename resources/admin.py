from django.contrib import admin
from django.db.models import Count

from publishing.admin import (
    HistoryAdmin,
    LinkStatusFilter,
    PublishableAdmin,
    link_state,
    preview_link,
    with_link_state,
)
from resources.models import Category, Publisher, Resource


@admin.register(Category)
class CategoryAdmin(HistoryAdmin):
    list_display = ["name", "order", "resource_count", "preview_column"]
    list_editable = ["order"]
    search_fields = ["name", "description", "body"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "body", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_total=Count("resources"))

    @admin.display(description="antal stöd", ordering="resource_total")
    def resource_count(self, obj):
        return obj.resource_total

    @admin.display(description="förhandsgranska")
    def preview_column(self, obj):
        # A category's page previews with its draft and scheduled resources shown.
        return preview_link(obj)

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
