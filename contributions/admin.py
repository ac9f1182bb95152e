"""The editors' inbox: proposals, error reports and "we test something similar"."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from contributions import services
from contributions.models import Message, SenderContact
from initiatives.models import Initiative


class SenderContactInline(admin.StackedInline):
    """How to answer the sender; deleted with the message or on the retention rule."""

    model = SenderContact
    extra = 0
    max_num = 1
    fields = ["name", "organisation", "email", "phone"]
    readonly_fields = fields
    verbose_name_plural = "Avsändarens kontaktuppgifter (raderas automatiskt efter lagringstiden)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    change_form_template = "admin/contributions/message/change_form.html"
    list_display = ["kind", "initiative_column", "created_at", "status", "contact_column"]
    list_display_links = ["kind"]
    list_filter = [
        "status",
        "kind",
        ("initiative", admin.RelatedOnlyFieldListFilter),
        "created_at",
    ]
    list_select_related = ["initiative", "contact"]
    search_fields = ["text", "initiative__title", "municipality_name"]
    date_hierarchy = "created_at"
    actions = ["mark_handled", "mark_new"]
    inlines = [SenderContactInline]
    readonly_fields = [
        "kind",
        "initiative_links",
        "created_at",
        "text",
        "redacted",
        "proposal_summary",
        "published_notice_sent_at",
    ]

    def has_add_permission(self, request):
        return False  # messages come from visitors

    def get_fields(self, request, obj=None):
        fields = ["kind", "initiative_links", "created_at", "status", "text", "redacted"]
        if obj is not None and obj.awaits_municipality:
            fields += ["municipality_name", "county", "proposal_summary"]
        if obj is not None and obj.kind == Message.Kind.PROPOSAL:
            fields.append("published_notice_sent_at")
        return fields

    @admin.display(description="AI-initiativ", ordering="initiative__title")
    def initiative_column(self, obj):
        if obj.initiative_id:
            return obj.initiative.title
        if obj.awaits_municipality:
            return f"{obj.proposal.get('title', '')} (väntar på kommunen {obj.municipality_name})"
        return "–"

    @admin.display(description="kontaktuppgifter", boolean=True)
    def contact_column(self, obj):
        return hasattr(obj, "contact")

    @admin.display(description="AI-initiativ")
    def initiative_links(self, obj):
        initiative = obj.initiative
        if initiative is None:
            return "–"
        edit = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
        if initiative.is_live:
            return format_html(
                '<a href="{}">{}</a> ({}, <a href="{}">visa sidan</a>)',
                edit,
                initiative.title,
                initiative.state_label.lower(),
                initiative.get_absolute_url(),
            )
        return format_html('<a href="{}">{}</a> ({})', edit, initiative, initiative.state_label)

    @admin.display(description="föreslaget initiativ")
    def proposal_summary(self, obj):
        rows = []
        for name, value in obj.proposal.items():
            field = Initiative._meta.get_field(name)
            if field.choices:
                value = dict(field.flatchoices).get(value, value)
            rows.append((field.verbose_name.capitalize(), value or "–"))
        return format_html(
            '<dl class="proposal-summary">{}</dl>',
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
        )

    @admin.action(description="Markera som hanterade")
    def mark_handled(self, request, queryset):
        count = queryset.filter(status=Message.Status.NEW).update(status=Message.Status.HANDLED)
        self.message_user(request, f"{count} meddelanden markerade som hanterade.")

    @admin.action(description="Markera som nya")
    def mark_new(self, request, queryset):
        count = queryset.filter(status=Message.Status.HANDLED).update(status=Message.Status.NEW)
        self.message_user(request, f"{count} meddelanden markerade som nya.")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_create_draft"] = bool(
            obj is not None and obj.awaits_municipality and may_create_draft(request.user)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        if "_create_draft" not in request.POST:
            return super().response_change(request, obj)
        if not may_create_draft(request.user):
            self.message_user(
                request, "Du har inte behörighet att lägga till kommuner.", messages.ERROR
            )
            return HttpResponseRedirect(request.path)
        try:
            initiative = services.accept_new_municipality(obj, user=request.user)
        except services.MunicipalityError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(
            request,
            f"Kommunen {initiative.municipality} är tillagd och ”{initiative}” finns som utkast. "
            "Komplettera och publicera det här.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:initiatives_initiative_change", args=[initiative.pk])
        )


def may_create_draft(user) -> bool:
    return user.has_perms(["initiatives.add_municipality", "initiatives.add_initiative"])
