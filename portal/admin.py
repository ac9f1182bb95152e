from django.contrib import admin

from portal.models import Page, Question

admin.site.site_header = "AI för socialtjänsten – redaktion"
admin.site.site_title = "AI för socialtjänsten"
admin.site.index_title = "Innehåll och statistik"


class PublishableAdmin(admin.ModelAdmin):
    """What every kind of public content shares in the admin."""

    list_filter = ["status"]
    date_hierarchy = "published_at"
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    publication_fieldset = (
        "Publicering",
        {"fields": ["status", "published_at", "unpublish_at", "created_at", "updated_at"]},
    )

    @admin.action(description="Publicera markerade")
    def publish(self, request, queryset):
        updated = queryset.update(status="published")
        self.message_user(request, f"{updated} publicerade.")

    @admin.action(description="Gör markerade till utkast")
    def unpublish(self, request, queryset):
        updated = queryset.update(status="draft")
        self.message_user(request, f"{updated} ändrade till utkast.")


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["order", "group", "question", "answer", "source"]


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["title", "slug", "status", "show_in_menu", "order", "updated_at"]
    list_editable = ["order"]
    search_fields = ["title", "ingress", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "ingress", "body", "show_in_menu", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]
