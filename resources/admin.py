from django.contrib import admin
from django.db.models import Count

from portal.admin import PublishableAdmin
from resources.models import Category, Resource


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "resource_count"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_total=Count("resources"))

    @admin.display(description="antal stöd", ordering="resource_total")
    def resource_count(self, obj):
        return obj.resource_total

    def has_delete_permission(self, request, obj=None):
        # The eight categories come from the final report; texts are editable, the set is not.
        return False


@admin.register(Resource)
class ResourceAdmin(PublishableAdmin):
    list_display = ["title", "category", "sender", "format", "status", "updated_at"]
    list_filter = ["status", "category", "format", "tags"]
    search_fields = ["title", "description", "sender", "url"]
    list_select_related = ["category"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "url",
                    "sender",
                    "description",
                    "category",
                    "format",
                    "year",
                    "tags",
                ]
            },
        ),
        PublishableAdmin.publication_fieldset,
    ]
