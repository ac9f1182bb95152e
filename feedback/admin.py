"""Feedback and statistics for Digg's analysts.

Feedback is never edited: only its status can change. Export (CSV) needs the custom
permission feedback.export_feedback, which the group "Analytiker" has and editors do not.
"""

import datetime
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from reversion.models import Version

from feedback import exports, summary, viewcounts
from feedback.models import Feedback, PageViewDay
from publishing.versions import version_label

EXPORT_PERMISSION = "feedback.export_feedback"


class PeriodForm(forms.Form):
    """From/to dates (and optionally a page) for the changelist, export and summary."""

    fran = forms.DateField(
        label="Från och med", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    till = forms.DateField(
        label="Till och med", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sida = forms.CharField(label="Sida", required=False, max_length=300)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            raise forms.ValidationError(
                "Från-datumet måste vara samma dag som eller före till-datumet."
            )
        return cleaned


class CreatedBetweenFilter(admin.ListFilter):
    """Feedback given from one date to another (both included)."""

    title = "period"
    template = "admin/feedback/date_range_filter.html"
    parameters = ("fran", "till")

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        for name in self.parameters:
            if name in params:
                self.used_parameters[name] = params.pop(name)[-1]
        self.form = PeriodForm(self.used_parameters or None)

    def has_output(self):
        return True

    def expected_parameters(self):
        return list(self.parameters)

    def queryset(self, request, queryset):
        if self.used_parameters and self.form.is_valid():
            return queryset.between(self.form.cleaned_data["fran"], self.form.cleaned_data["till"])
        return queryset

    def choices(self, changelist):
        # Keep every other filter when the period form is sent.
        other = [
            (key, value)
            for key, value in changelist.get_filters_params().items()
            if key not in self.parameters
        ]
        hidden = []
        for key, value in other:
            for item in value if isinstance(value, list) else [value]:
                hidden.append((key, item))
        yield {
            "form": self.form,
            "hidden": hidden,
            "clear_url": changelist.get_query_string(remove=list(self.parameters)),
        }


class PageFilter(admin.SimpleListFilter):
    title = "sida"
    parameter_name = "sida"

    def lookups(self, request, model_admin):
        pages = Feedback.objects.order_by("page").values_list("page", flat=True).distinct()
        return [(page, page) for page in pages]

    def queryset(self, request, queryset):
        return queryset.for_page(self.value())


class HasCommentFilter(admin.SimpleListFilter):
    title = "kommentar"
    parameter_name = "kommentar"

    def lookups(self, request, model_admin):
        return [("ja", "Med kommentar"), ("nej", "Utan kommentar")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.with_comment()
        if self.value() == "nej":
            return queryset.filter(comment="")
        return queryset


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page", "answer", "short_comment", "redacted", "status"]
    list_filter = [
        CreatedBetweenFilter,
        PageFilter,
        "helpful",
        HasCommentFilter,
        "redacted",
        "status",
    ]
    search_fields = ["comment"]
    date_hierarchy = "created_at"
    actions = ["mark_handled", "mark_not_actionable", "mark_new"]
    change_list_template = "admin/feedback/feedback/change_list.html"
    fields = ["page", "helpful", "comment", "redacted", "status", "created_at", "version"]
    list_per_page = 50

    def get_fields(self, request, obj=None):
        # The version is recorded by the site when a visitor answers, never by hand.
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [f for f in fields if f != "version"]

    def get_readonly_fields(self, request, obj=None):
        # Feedback is the visitor's own words: only its status may change afterwards.
        if obj is None:
            return ["redacted", "created_at"]
        return ["page", "helpful", "comment", "redacted", "created_at", "version"]

    @admin.display(description="version")
    def version(self, obj):
        """The version of the page's content the answer was given on, linked to its history."""
        if obj.version_id is None:
            return "– (sidan har ingen versionshistorik)"
        version = (
            Version.objects.select_related("revision__user", "content_type")
            .filter(pk=obj.version_id)
            .first()
        )
        if version is None:
            return f"{obj.version_id} (versionen finns inte längre)"
        label = f"{obj.version_id}: ”{version.object_repr}”, sparad {version_label(version)}"
        model = version.content_type.model_class()
        if model is None:
            return label
        try:
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
                args=[version.object_id],
            )
        except NoReverseMatch:
            return label
        return format_html('{} (<a href="{}">visa historiken</a>)', label, url)

    def has_add_permission(self, request):
        # Superusers may record feedback that came another way; the redactor runs on save.
        return request.user.is_superuser

    @admin.display(description="svar", ordering="helpful")
    def answer(self, obj):
        return "Ja" if obj.helpful else "Nej"

    @admin.display(description="kommentar")
    def short_comment(self, obj):
        return Truncator(obj.comment).chars(80)

    def _set_status(self, request, queryset, status, label):
        updated = queryset.update(status=status)
        self.message_user(request, f"{updated} markerade som {label}.", messages.SUCCESS)

    @admin.action(description="Markera som hanterade", permissions=["change"])
    def mark_handled(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.HANDLED, "hanterade")

    @admin.action(description="Markera som inte åtgärdbara", permissions=["change"])
    def mark_not_actionable(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.NOT_ACTIONABLE, "inte åtgärdbara")

    @admin.action(description="Markera som nya", permissions=["change"])
    def mark_new(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.NEW, "nya")

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(self.export_view), name="feedback_feedback_export"),
            path("sammanstallning/", wrap(self.summary_view), name="feedback_feedback_summary"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        # The export link carries the current filters and search, not the paging or sorting.
        query = request.GET.copy()
        for key in ("p", "o", "e", "_changelist_filters"):
            query.pop(key, None)
        extra_context = {
            **(extra_context or {}),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
            "can_see_summary": can_see_summary(request.user),
            "export_url": reverse("admin:feedback_feedback_export")
            + (f"?{query.urlencode()}" if query else ""),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request):
        """Exactly the changelist's selection (period, page, answer, search...) as CSV, streamed."""
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        form = PeriodForm(request.GET)
        if not form.is_valid():
            for error in form.errors.values():
                self.message_user(request, " ".join(error), messages.ERROR)
            return redirect("admin:feedback_feedback_changelist")
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            self.message_user(
                request, "Urvalet gick inte att tolka. Välj filter igen.", messages.ERROR
            )
            return redirect("admin:feedback_feedback_changelist")
        data = form.cleaned_data
        filename = "aterkoppling-{}-{}.csv".format(
            data["fran"] or "start", data["till"] or timezone.localdate()
        )
        return exports.streaming_csv_response(exports.feedback_csv_lines(queryset), filename)

    def summary_view(self, request):
        """Per page over a period: views, unique visitors, Ja, Nej, share helpful, comments."""
        if not can_see_summary(request.user):
            raise PermissionDenied
        today = timezone.localdate()
        defaults = {"fran": today - datetime.timedelta(days=29), "till": today}
        form = PeriodForm(request.GET or None, initial=defaults)
        start, end = defaults["fran"], defaults["till"]
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["fran"] or start
            end = form.cleaned_data["till"] or end
        sort = request.GET.get("sort", summary.DEFAULT_SORT)
        rows = summary.page_summary(start, end, sort)
        if request.GET.get("format") == "csv":
            if not request.user.has_perm(EXPORT_PERMISSION):
                raise PermissionDenied
            return exports.streaming_csv_response(
                summary.csv_lines(rows), f"sammanstallning-{start}-{end}.csv"
            )
        base_query = {"fran": start.isoformat(), "till": end.isoformat()}
        columns = []
        for key, label in summary.COLUMNS.items():
            current = sort.removeprefix("-") == key
            descending = sort.startswith("-")
            next_sort = key if current and descending else f"-{key}"
            if key == "page" and not current:
                next_sort = "page"
            columns.append(
                {
                    "key": key,
                    "label": label,
                    "url": "?" + urlencode({**base_query, "sort": next_sort}),
                    "aria_sort": ("descending" if descending else "ascending") if current else None,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Sammanställning per sida",
            "form": form,
            "start": start,
            "end": end,
            "rows": rows,
            "columns": columns,
            "films": summary.film_summary(start, end),
            "unique_chart": summary.bar_chart(rows, "unique"),
            "share_chart": summary.bar_chart(rows, "share", maximum=100, unit=" %"),
            "csv_url": "?" + urlencode({**base_query, "sort": sort, "format": "csv"}),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
        }
        return TemplateResponse(request, "admin/feedback/summary.html", context)


def can_see_summary(user) -> bool:
    return user.has_perm("feedback.view_feedback") and user.has_perm("feedback.view_pageviewday")


@admin.register(PageViewDay)
class PageViewDayAdmin(admin.ModelAdmin):
    """Daily counts are written by the site itself; in the admin they are only read."""

    list_display = ["date", "kind", "key", "views", "unique_views"]
    list_filter = ["kind", "date"]
    search_fields = ["key"]
    date_hierarchy = "date"
    view_on_site = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        viewcounts.flush()  # the views counted in the cache since the last flush
        return super().changelist_view(request, extra_context)
