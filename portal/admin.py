"""The admin of the site's own pages: stand-alone pages and their questions and answers."""

from django.contrib import admin

from portal import lockouts  # noqa: F401 - registers the login lockouts in the admin
from portal.models import (
    EntryPoint,
    FeaturedInitiative,
    Page,
    Question,
    SiteLink,
    SiteText,
    StartPage,
)
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


@admin.register(SiteText)
class SiteTextAdmin(PublishableAdmin):
    """The texts around every page: drafts, schedules, review and history as content."""

    list_display = ["name", "state_column", "updated_at"]
    search_fields = ["name", "tagline", "footer_text", "description"]
    fieldsets = [
        (None, {"fields": ["name", "tagline", "footer_text", "description"]}),
        PublishableAdmin.publication_fieldset,
    ]


class EntryPointInline(admin.StackedInline):
    model = EntryPoint
    extra = 0
    fields = ["order", "title", "text", "url"]


class FeaturedInitiativeInline(admin.StackedInline):
    model = FeaturedInitiative
    extra = 0
    fields = ["order", "initiative"]


@admin.register(StartPage)
class StartPageAdmin(PublishableAdmin):
    """The start page: introduction, entry points, featured initiatives and the webinar box."""

    list_display = ["name", "state_column", "updated_at", "preview_column"]
    search_fields = ["name", "heading", "intro"]
    inlines = [EntryPointInline, FeaturedInitiativeInline]
    fieldsets = [
        (None, {"fields": ["name", "heading", "intro", "entry_points_heading"]}),
        ("Utvalda AI-initiativ", {"fields": ["featured_heading", "featured_link_text"]}),
        (
            "Rutan om webbinariet",
            {
                "fields": [
                    "webinar_heading",
                    "webinar_text",
                    "webinar_link_text",
                    "webinar_link_url",
                ]
            },
        ),
        PublishableAdmin.publication_fieldset,
    ]
