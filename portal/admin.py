"""The admin of the site's own pages: stand-alone pages and their questions and answers."""

from django.contrib import admin

from portal import lockouts  # noqa: F401 - registers the login lockouts in the admin
from portal.models import Page, Question, SiteLink
from publishing.admin import PublishableAdmin

admin.site.site_header = "AI för socialtjänsten – redaktion"
admin.site.site_title = "AI för socialtjänsten"
admin.site.index_title = "Innehåll och statistik"


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["order", "group", "question", "answer", "source"]


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = [
        "title",
        "slug",
        "state_column",
        "show_in_menu",
        "order",
        "review_column",
        "updated_at",
        "preview_column",
    ]
    list_editable = ["order"]
    search_fields = ["title", "ingress", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "ingress", "body", "show_in_menu", "order"]}),
        PublishableAdmin.publication_fieldset,
        PublishableAdmin.review_fieldset,
    ]


@admin.register(SiteLink)
class SiteLinkAdmin(PublishableAdmin):
    """The main navigation and the footer: drafts, schedules, review and history as content."""

    list_display = ["label", "place", "url", "order", "state_column", "updated_at"]
    list_filter = ["place", "status"]
    search_fields = ["label", "url"]
    fieldsets = [
        (None, {"fields": ["place", "label", "url", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]
