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
from feedback.models import Feedback, PageViewDay, SearchTermDay
from publishing import registry
from publishing.versions import version_label

EXPORT_PERMISSION = "feedback.export_feedback"
SHOWN_CLICKS = 50  # links listed on the summary page; the CSV has them all


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
            path(
                "sammanstallning/per-vecka/",
                wrap(self.trend_view),
                name="feedback_feedback_trend",
            ),
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

    def _period(self, request, days=30):
        """The period form and the chosen (or default: the last `days` days) period."""
        today = timezone.localdate()
        defaults = {"fran": today - datetime.timedelta(days=days - 1), "till": today}
        form = PeriodForm(request.GET or None, initial=defaults)
        start, end = defaults["fran"], defaults["till"]
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["fran"] or start
            end = form.cleaned_data["till"] or end
        return form, start, end

    def summary_view(self, request):
        """Per page over a period, by section, with what stands out, searches and clicks."""
        if not can_see_summary(request.user):
            raise PermissionDenied
        form, start, end = self._period(request)
        sort = request.GET.get("sort", summary.DEFAULT_SORT)
        if request.GET.get("format") == "csv":
            return self._summary_csv(request, start, end, sort)
        rows = summary.page_summary(start, end, sort)
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

        def csv_url(part):
            return "?" + urlencode({**base_query, "sort": sort, "format": "csv", "del": part})

        previous_start, previous_end = summary.previous_period(start, end)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Sammanställning per sida",
            "form": form,
            "start": start,
            "end": end,
            "previous_start": previous_start,
            "previous_end": previous_end,
            "rows": rows,
            "sections": summary.sections(rows),
            "highlights": summary.highlights(rows),
            "min_answers": summary.MIN_ANSWERS,
            "drop_points": summary.DROP_POINTS,
            "columns": columns,
            "films": summary.film_summary(start, end),
            "searches": summary.search_terms(start, end),
            "clicks": summary.clicks(start, end),
            "shown_clicks": SHOWN_CLICKS,
            "shown_clicks_slice": f":{SHOWN_CLICKS}",
            "unique_chart": summary.bar_chart(rows, "unique"),
            "share_chart": summary.bar_chart(rows, "share", maximum=100, unit=" %"),
            "trend_url": reverse("admin:feedback_feedback_trend") + "?" + urlencode(base_query),
            "csv_url": csv_url("sidor"),
            "terms_csv_url": csv_url("sokord"),
            "clicks_csv_url": csv_url("klick"),
            "click_groups_csv_url": csv_url("klickgrupper"),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
        }
        return TemplateResponse(request, "admin/feedback/summary.html", context)

    def _summary_csv(self, request, start, end, sort):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        part = request.GET.get("del", "sidor")
        if part == "sokord":
            lines = summary.search_terms_csv_lines(start, end)
        elif part == "klick":
            lines = summary.clicks_csv_lines(summary.clicks(start, end))
        elif part == "klickgrupper":
            lines = summary.click_groups_csv_lines(summary.clicks(start, end))
        else:
            part = "sammanstallning"
            lines = summary.csv_lines(summary.page_summary(start, end, sort))
        return exports.streaming_csv_response(lines, f"{part}-{start}-{end}.csv")

    def trend_view(self, request):
        """One page (or the whole site) week by week, and the period against the one before."""
        if not can_see_summary(request.user):
            raise PermissionDenied
        form, start, end = self._period(request, days=12 * 7)
        page = (form.cleaned_data.get("sida") if form.is_bound and form.is_valid() else "") or ""
        weeks = summary.weekly(start, end, page or None)
        if request.GET.get("format") == "csv":
            if not request.user.has_perm(EXPORT_PERMISSION):
                raise PermissionDenied
            name = "vecka-" + (page.strip("/").replace("/", "-") or "hela-webbplatsen")
            return exports.streaming_csv_response(
                summary.weekly_csv_lines(weeks), f"{name}-{start}-{end}.csv"
            )
        previous_start, previous_end = summary.previous_period(start, end)
        current = summary.period_totals(weeks, page)
        previous = summary.period_totals(
            summary.weekly(previous_start, previous_end, page or None), page
        )
        current.previous = previous
        title, section, history_url = "Hela webbplatsen", "", None
        if page:
            summary.describe([current])
            title, section = current.title or page, current.section
            history_url = content_history_url(page)
        versions = summary.answers_per_version(previous_start, end, page) if page else []
        drop = summary.share_drops(previous_start, end, pages={page}).get(page) if page else None
        query = {"fran": start.isoformat(), "till": end.isoformat(), "sida": page}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Per vecka: {title}",
            "page_title": title,
            "page": page,
            "section": section,
            "history_url": history_url,
            "form": form,
            "start": start,
            "end": end,
            "previous_start": previous_start,
            "previous_end": previous_end,
            "weeks": weeks,
            "current": current,
            "previous": previous,
            "comparison": comparison(current, previous),
            "versions": versions,
            "drop": drop,
            "charts": [
                ("diagram-visningar", "Visningar per vecka", summary.column_chart(weeks, "views")),
                (
                    "diagram-unika",
                    "Unika besökare per vecka",
                    summary.column_chart(weeks, "unique"),
                ),
                (
                    "diagram-andel",
                    "Andel Ja per vecka (%)",
                    summary.column_chart(weeks, "share", maximum=100, unit=" %"),
                ),
                (
                    "diagram-kommentarer",
                    "Kommentarer per vecka",
                    summary.column_chart(weeks, "comments"),
                ),
            ],
            "csv_url": "?" + urlencode({**query, "format": "csv"}),
            "summary_url": reverse("admin:feedback_feedback_summary")
            + "?"
            + urlencode({"fran": start.isoformat(), "till": end.isoformat()}),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
        }
        return TemplateResponse(request, "admin/feedback/trend.html", context)


def comparison(current, previous) -> list[dict]:
    """The two periods side by side, figure by figure, with the change."""
    lines = []
    for label, now, before, unit in [
        ("Visningar", current.views, previous.views, ""),
        ("Unika besökare", current.unique, previous.unique, ""),
        ("Ja", current.yes, previous.yes, ""),
        ("Nej", current.no, previous.no, ""),
        ("Andel Ja (%)", current.share, previous.share, " procentenheter"),
        ("Kommentarer", current.comments, previous.comments, ""),
    ]:
        if now is None or before is None:
            change = "–"
        else:
            difference = round(now - before, 1)
            change = f"{difference:+g}{unit}".replace(".", ",").replace("-", "−")
            if not unit and before:
                change += f" ({100 * (now - before) / before:+.0f} %)".replace("-", "−")
        lines.append({"label": label, "now": now, "before": before, "change": change})
    return lines


def content_history_url(page: str) -> str | None:
    """The admin history of the content shown at `page`, if it is a content page."""
    found = registry.content_type_at(page)
    if found is None:
        return None
    ct, slug = found
    pk = ct.model._default_manager.filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        return None
    opts = ct.model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[pk])
    except NoReverseMatch:
        return None


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


@admin.register(SearchTermDay)
class SearchTermDayAdmin(admin.ModelAdmin):
    """What visitors searched for, per day; written by the site, only read here."""

    list_display = ["date", "term", "searches", "without_results", "results"]
    list_filter = ["date"]
    search_fields = ["term"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        summary.flush()
        return super().changelist_view(request, extra_context)
