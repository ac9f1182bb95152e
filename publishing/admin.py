"""The editors' admin bases: publishing, preview, history and review for every content type.

Content apps build their ModelAdmins on `PublishableAdmin` (or `HistoryAdmin` for content
without a publication state); "Innehåll att granska" spans every declared content type.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version

from publishing import concurrency, registry, review
from publishing.models import LinkCheck, Publishable, Redirect, ReviewRequest
from publishing.params import positive_int
from publishing.preview import preview_url
from publishing.services import restore_version
from publishing.versions import answers_per_version, compare, version_label


def preview_link(obj):
    """A list cell linking to the object's public address in preview mode."""
    return format_html(
        '<a href="{}" aria-label="Förhandsgranska {}">Förhandsgranska</a>', preview_url(obj), obj
    )


class HistoryAdmin(VersionAdmin):
    """Version history with who and when, a field-by-field comparison and restore.

    django-reversion keeps the versions and the "Historik" page; this adds the
    comparison of two versions and a one-click restore of an older one.
    """

    object_history_template = "admin/publishing/object_history.html"
    change_form_template = "admin/publishing/history_change_form.html"
    history_latest_first = True

    # Two editors on one item (publishing/concurrency.py): a save based on an outdated copy
    # is refused by the form itself, so the admin re-renders everything that was typed.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or request.method != "POST":
            return form
        conflict = concurrency.find_conflict(obj, request.POST.get(concurrency.FIELD))
        request.edit_conflict = conflict
        if conflict is None:
            return form

        class RefusedForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(conflict.message, code="edit_conflict")

        RefusedForm.__name__ = form.__name__
        return RefusedForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        conflict = getattr(request, "edit_conflict", None)
        if obj is not None and obj.pk is not None:
            posted = request.POST.get(concurrency.FIELD) if request.method == "POST" else None
            # After a refusal the form carries the latest version: saving again is a choice.
            context["opened_version"] = (
                posted if posted is not None and conflict is None else concurrency.edit_token(obj)
            )
        if conflict is not None:
            query = conflict.compare_query()
            context["edit_conflict"] = conflict
            context["edit_conflict_url"] = (
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_compare",
                    args=[quote(obj.pk)],
                )
                + query
                if query
                else reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                    args=[quote(obj.pk)],
                )
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            *super().get_urls(),
        ]

    def _versions(self, obj):
        return Version.objects.get_for_object(obj).select_related("revision__user")

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = list(self._versions(obj).order_by("-pk")) if obj else []
        # Counts only for content with a public page of its own: that is where visitors
        # answer. Each answer stores the version that was current when it was given.
        counts = answers_per_version(self.model, (v.pk for v in versions)) if versions else None
        show_feedback = counts is not None
        counts = counts or {}
        for version in versions:
            version.feedback = counts.get(version.pk, (0, 0))
        context = {
            "versions": versions,
            "show_feedback": show_feedback,
            "compare_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_compare",
                args=[quote(object_id)],
            ),
            "default_old": versions[1].pk if len(versions) > 1 else None,
            "default_new": versions[0].pk if versions else None,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("Innehållet finns inte.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = self._versions(obj)
        try:
            old = versions.get(pk=int(request.GET.get("old", "")))
            new = versions.get(pk=int(request.GET.get("new", "")))
        except (ValueError, Version.DoesNotExist):
            messages.error(request, "Välj två sparade versioner att jämföra.")
            return redirect(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history", quote(object_id)
            )
        if old.pk > new.pk:
            old, new = new, old
        rows = compare(old, new)
        only_changed = request.GET.get("andrade") == "1"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "object_id": object_id,
            "title": f"Jämför versioner av ”{obj}”",
            "old": old,
            "new": new,
            "old_label": version_label(old),
            "new_label": version_label(new),
            "rows": [row for row in rows if row.changed] if only_changed else rows,
            "changed_count": sum(row.changed for row in rows),
            "only_changed": only_changed,
            "can_restore": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/publishing/version_compare.html", context)

    def restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("Innehållet finns inte.")
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(self._versions(obj), pk=version_id)
        # Under four-eyes a restore that visitors would see is a change like any other: it
        # waits for someone else's approval while the published version stays.
        review_it = review.four_eyes_on() and isinstance(obj, Publishable)
        was_public = review_it and obj.status == Publishable.Status.PUBLISHED
        with transaction.atomic():
            restored, comment = restore_version(obj=obj, version=version, user=request.user)
            self.log_change(request, restored, comment)
            if was_public or (review_it and restored.status == Publishable.Status.PUBLISHED):
                review.finish_submission(
                    request, review.Submission(obj=restored, was_public=True, publish_at=None)
                )
                comment += " Återställningen väntar på granskning av någon annan."
        messages.success(request, comment)
        return redirect(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", quote(restored.pk)
        )


class PublishableAdmin(HistoryAdmin):
    """What every kind of public content shares: publish, schedule, preview, review."""

    change_form_template = "admin/publishing/publishable_change_form.html"
    list_filter = ["status"]
    date_hierarchy = "published_at"
    readonly_fields = ["reviewed_at", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "mark_reviewed"]
    publication_fields = ["status", "published_at", "unpublish_at"]
    publication_fieldset = (
        "Publicering",
        {
            "fields": [*publication_fields, "created_at", "updated_at"],
            "description": "Spara som utkast så länge texten inte är klar. ”Publicera nu” "
            "visar innehållet direkt. För att schemalägga: välj Publicerad och sätt en "
            "framtida tidpunkt i ”Publiceras”; ”Avpubliceras” tar ner det vid en viss tid.",
        },
    )
    review_fieldset = (
        "Granskning",
        {
            "fields": ["review_by", "reviewed_at"],
            "description": "Innehållet ska granskas minst en gång om året. Använd åtgärden "
            "”Markera som granskad” i listan när du har kontrollerat att det stämmer.",
        },
    )

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.publish_{self.opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += self.publication_fields
        return fields

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if review.four_eyes_on():
            # Editing in the list would change live content without review: only the form
            # sends a change for review.
            changelist.list_editable = ()
        return changelist

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_publish_permission(request):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        if not self.has_change_permission(request):
            actions.pop("mark_reviewed", None)
        return actions

    def _editor_context(self, request, obj=None):
        four_eyes = review.four_eyes_on()
        return {
            "can_publish": self.has_publish_permission(request),
            "preview_url": preview_url(obj) if obj is not None and obj.pk else "",
            "four_eyes": four_eyes,
            "pending_review": review.pending_for(obj) if four_eyes else None,
        }

    def add_view(self, request, form_url="", extra_context=None):
        context = {**self._editor_context(request), **(extra_context or {})}
        with transaction.atomic():
            response = super().add_view(request, form_url, context)
            self._finish_submission(request)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {**self._editor_context(request, obj), **(extra_context or {})}
        # One transaction: a change sent for review is saved and taken back off the live
        # row before anyone else can read it (publishing/review.py).
        with transaction.atomic():
            if request.method == "POST" and obj is not None and review.four_eyes_on():
                review.ensure_baseline(obj)
            response = super().change_view(request, object_id, form_url, context)
            self._finish_submission(request)
        return response

    def _finish_submission(self, request):
        submission = getattr(request, "four_eyes", None)
        if submission is None:
            return
        filed = review.finish_submission(request, submission)
        if filed is not None:
            # The admin's own "changed successfully" message follows; this one says what
            # visitors see meanwhile.
            self.message_user(
                request,
                "Skickat för granskning. Någon annan med rätt att publicera granskar "
                "ändringen; "
                + (
                    "besökarna ser den publicerade versionen tills dess."
                    if submission.was_public
                    else "tills dess är innehållet ett utkast."
                ),
                messages.WARNING,
            )

    def save_model(self, request, obj, form, change):
        if review.four_eyes_on():
            self._save_with_four_eyes(request, obj, form, change)
        elif "_publish_now" in request.POST and self.has_publish_permission(request):
            obj.publish_now()
            self.message_user(request, "Publicerat nu: innehållet syns för besökarna.")
        elif "_save_draft" in request.POST:
            obj.status = Publishable.Status.DRAFT
            self.message_user(request, "Sparat som utkast: besökarna ser det inte.")
        super().save_model(request, obj, form, change)

    def _save_with_four_eyes(self, request, obj, form, change):
        """Decide before the row is written whether this save goes through review."""
        stored = type(obj)._base_manager.filter(pk=obj.pk).first() if change else None
        was_public = stored is not None and stored.status == Publishable.Status.PUBLISHED
        if "_save_draft" in request.POST:
            obj.status = Publishable.Status.DRAFT
            self.message_user(request, "Sparat som utkast: besökarna ser det inte.")
            return
        publish_now = "_publish_now" in request.POST and self.has_publish_permission(request)
        wants_review = "_request_review" in request.POST
        public_after = publish_now or obj.status == Publishable.Status.PUBLISHED
        if not (wants_review or public_after or was_public):
            return  # a draft saved as a draft
        if publish_now and change and not form.has_changed():
            author = review.last_author(stored)
            if review.may_publish_directly(request.user, stored):
                obj.publish_now()
                request.four_eyes = review.Submission(
                    obj=obj, was_public=was_public, publish_at=None, direct=True, author=author
                )
                self.message_user(request, "Publicerat nu: innehållet syns för besökarna.")
                return
        scheduled = not publish_now and obj.published_at > timezone.now()
        request.four_eyes = review.Submission(
            obj=obj, was_public=was_public, publish_at=obj.published_at if scheduled else None
        )
        if not was_public:
            obj.status = Publishable.Status.DRAFT

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        submission = getattr(request, "four_eyes", None)
        if (
            submission is not None
            and submission.direct
            and any(formset.has_changed() for formset in formsets)
        ):
            # Changing a part while publishing makes the publisher an author: review it.
            request.four_eyes = review.Submission(
                obj=submission.obj, was_public=submission.was_public, publish_at=None
            )
            if not submission.was_public:
                submission.obj.status = Publishable.Status.DRAFT
                submission.obj.save()

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._comment_submission(request, entry)
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment_submission(request, entry)
        return entry

    def _comment_submission(self, request, entry):
        submission = getattr(request, "four_eyes", None)
        if submission is None or not reversion.is_active():
            return
        if submission.direct:
            author = review.display_name(submission.author) if submission.author else "okänd"
            publisher = review.display_name(request.user)
            reversion.set_comment(
                f"Publicerad av {publisher} (ändringen skrevs av {author}). "
                f"{entry.get_change_message()}"
            )
        else:
            reversion.set_comment(
                f"Skickad för granskning av {review.display_name(request.user)}. "
                f"{entry.get_change_message()}"
            )

    # List columns.

    @admin.display(description="läge", ordering="status")
    def state_column(self, obj):
        return obj.state_label

    @admin.display(description="granskas senast", ordering="review_by")
    def review_column(self, obj):
        if obj.review_by is None:
            return "–"
        if obj.is_review_overdue:
            return format_html('<strong class="overdue">{} (försenad)</strong>', obj.review_by)
        return obj.review_by

    @admin.display(description="förhandsgranska")
    def preview_column(self, obj):
        return preview_link(obj)

    # Actions: one object at a time, so each change is a version with its editor.

    def _save_each(self, request, queryset, change, comment):
        count = 0
        for obj in queryset:
            with reversion.create_revision():
                change(obj)
                reversion.set_user(request.user)
                reversion.set_comment(comment)
            self.log_change(request, obj, comment)
            count += 1
        return count

    @admin.action(description="Publicera markerade nu")
    def publish(self, request, queryset):
        def publish(obj):
            obj.publish_now()
            obj.save()

        own = []
        if review.four_eyes_on():
            # Someone else's change only: one's own goes through review.
            own = [obj for obj in queryset if not review.may_publish_directly(request.user, obj)]
            queryset = queryset.exclude(pk__in=[obj.pk for obj in own])
        others = list(queryset)
        count = self._save_each(request, others, publish, "Publicerad via listan.")
        if review.four_eyes_on():
            for obj in others:
                for pending in ReviewRequest.objects.for_object(obj).pending():
                    if pending.published_version_id is None:  # the draft itself was reviewed
                        review.close_request(pending, ReviewRequest.Status.APPROVED, request.user)
                        review.notify_author(request, pending)
        self.message_user(request, f"{count} publicerade.")
        if own:
            self.message_user(
                request,
                "Du skrev den senaste ändringen av "
                + ", ".join(f"”{obj}”" for obj in own)
                + ". Öppna innehållet och välj ”Skicka för granskning”; någon annan "
                "publicerar det.",
                messages.WARNING,
            )

    @admin.action(description="Gör markerade till utkast")
    def unpublish(self, request, queryset):
        def to_draft(obj):
            obj.status = Publishable.Status.DRAFT
            obj.save()

        count = self._save_each(request, queryset, to_draft, "Ändrad till utkast via listan.")
        self.message_user(request, f"{count} ändrade till utkast.")

    @admin.action(description="Markera som granskad")
    def mark_reviewed(self, request, queryset):
        count = self._save_each(
            request, queryset, lambda obj: obj.mark_reviewed(), "Markerad som granskad."
        )
        self.message_user(request, f"{count} markerade som granskade.")


class LinkStatusFilter(admin.SimpleListFilter):
    """Filter content by the last result of `manage.py check_links` for its link."""

    title = "länkstatus"
    parameter_name = "lankstatus"
    url_field = "url"

    def lookups(self, request, model_admin):
        return [
            ("trasig", "Trasiga länkar"),
            ("fungerar", "Fungerande länkar"),
            ("okontrollerad", "Ej kontrollerade"),
        ]

    def queryset(self, request, queryset):
        checks = LinkCheck.objects.filter(url=OuterRef(self.url_field))
        if self.value() == "trasig":
            return queryset.filter(Exists(checks.filter(is_broken=True)))
        if self.value() == "fungerar":
            return queryset.filter(Exists(checks.filter(is_broken=False)))
        if self.value() == "okontrollerad":
            return queryset.exclude(**{self.url_field: ""}).exclude(Exists(checks))
        return queryset


def with_link_state(queryset, url_field):
    """Annotate `link_broken` (True/False/None) from the last link check of `url_field`."""
    return queryset.annotate(
        link_broken=Subquery(
            LinkCheck.objects.filter(url=OuterRef(url_field)).values("is_broken")[:1]
        )
    )


def link_state(obj) -> str:
    if obj.link_broken is None:
        return "–"
    if obj.link_broken:
        return mark_safe('<strong class="broken-link">Trasig</strong>')
    return "Fungerar"


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses are recorded when a slug changes; editors may remove stale ones."""

    list_display = ["old_path", "new_path_column", "content_type", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["old_path"]
    readonly_fields = ["old_path", "content_type", "object_id", "created_at"]

    @admin.display(description="leder till")
    def new_path_column(self, obj):
        return obj.new_path or "(syns inte för besökare: ger 404)"

    def has_add_permission(self, request):
        return False


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Results of `manage.py check_links`; read only."""

    list_display = ["url", "state_column", "status_code", "final_url", "error", "checked_at"]
    list_filter = ["is_broken"]
    search_fields = ["url", "final_url", "found_in"]
    readonly_fields = [
        "url",
        "is_broken",
        "status_code",
        "final_url",
        "error",
        "found_in",
        "checked_at",
    ]

    @admin.display(description="resultat", ordering="is_broken")
    def state_column(self, obj):
        if obj.is_broken:
            return mark_safe('<strong class="broken-link">Trasig</strong>')
        return "Fungerar"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Every change made through the admin, with who and when. Read only."""

    list_display = ["action_time", "user", "action_flag", "content_type", "object_link", "message"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    @admin.display(description="objekt", ordering="object_repr")
    def object_link(self, obj):
        url = obj.get_admin_url() if obj.action_flag != DELETION else None
        if url:
            return format_html('<a href="{}">{}</a>', url, obj.object_repr)
        return obj.object_repr

    @admin.display(description="ändring")
    def message(self, obj):
        return obj.get_change_message()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def review_queue(user):
    """Live content the user may see in the admin, due for review soonest first."""
    items = []
    for content_type in registry.in_review_queue():
        opts = content_type.model._meta
        if user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            items += list(content_type.published())
    # Content without a date (created before review dates existed) comes first.
    return sorted(items, key=lambda obj: (obj.review_by is not None, obj.review_by, str(obj)))


def review_list_view(request):
    """ "Innehåll att granska": every kind of live content, the most urgent first."""
    models = {ct.label: ct.model for ct in registry.in_review_queue()}
    if request.method == "POST":
        model = models.get(request.POST.get("model", ""))
        if model is None:
            raise Http404
        opts = model._meta
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        obj = get_object_or_404(model, pk=positive_int(request.POST.get("pk"), 0))
        with reversion.create_revision():
            obj.mark_reviewed()
            reversion.set_user(request.user)
            reversion.set_comment("Markerad som granskad.")
        admin.site.get_model_admin(model).log_change(request, obj, "Markerad som granskad.")
        messages.success(request, f"”{obj}” är markerad som granskad.")
        return redirect("admin_review_list")

    if not any(
        request.user.has_perm(f"{m._meta.app_label}.view_{m._meta.model_name}")
        for m in models.values()
    ):
        raise PermissionDenied
    only_overdue = request.GET.get("forsenade") == "1"
    items = review_queue(request.user)
    today = timezone.localdate()
    overdue = [obj for obj in items if obj.review_by is None or obj.review_by < today]
    rows = [
        {
            "obj": obj,
            "type": obj._meta.verbose_name,
            "label": obj._meta.label_lower,
            "overdue": obj.review_by is None or obj.review_by < today,
            "can_change": request.user.has_perm(
                f"{obj._meta.app_label}.change_{obj._meta.model_name}"
            ),
        }
        for obj in (overdue if only_overdue else items)
    ]
    context = {
        **admin.site.each_context(request),
        "title": "Innehåll att granska",
        "rows": rows,
        "overdue_count": len(overdue),
        "total_count": len(items),
        "only_overdue": only_overdue,
    }
    return TemplateResponse(request, "admin/publishing/review_list.html", context)


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    """Four-eyes publishing (publishing/review.py): what waits, and the decision screen."""

    list_display = ["object_repr", "content_type", "status", "requested_by", "requested_at"]
    list_filter = ["status", "content_type"]
    list_select_related = ["content_type", "requested_by"]
    search_fields = ["object_repr", "message", "decision_comment"]
    change_form_template = "admin/publishing/reviewrequest_decision.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decided_by")

    def has_add_permission(self, request):
        return False  # a change is sent for review from its own form

    def has_delete_permission(self, request, obj=None):
        return False  # the record of who approved what stays

    def has_change_permission(self, request, obj=None):
        return False  # decided on the decision screen, never edited

    def change_view(self, request, object_id, form_url="", extra_context=None):
        request_obj = self.get_object(request, unquote(object_id))
        if request_obj is None:
            raise Http404("Ändringen finns inte.")
        if not self.has_view_permission(request, request_obj):
            raise PermissionDenied
        comment = ""
        error = ""
        if request.method == "POST":
            comment = request.POST.get("comment", "")
            try:
                if "_approve" in request.POST:
                    obj = review.approve(request, request_obj)
                    messages.success(request, f"Godkänd: ”{obj}” är {obj.state_label.lower()}.")
                    return redirect("admin:publishing_reviewrequest_changelist")
                if "_send_back" in request.POST:
                    review.send_back(request, request_obj, comment)
                    messages.success(request, "Ändringen är skickad tillbaka med din kommentar.")
                    return redirect("admin:publishing_reviewrequest_changelist")
            except review.ReviewError as refusal:
                error = str(refusal)
        return self._decision_screen(request, request_obj, comment=comment, error=error)

    def _decision_screen(self, request, request_obj, *, comment, error):
        obj = request_obj.target
        may_decide = False
        reason = ""
        if request_obj.is_pending:
            try:
                review.check_reviewer(request_obj, request.user)
                may_decide = True
            except review.ReviewError as refusal:
                reason = str(refusal)
        compare_url = ""
        model_admin = admin.site._registry.get(type(obj)) if obj is not None else None
        if obj is not None and request_obj.proposed_version_id:
            opts = obj._meta
            old = request_obj.published_version_id or _previous_version_id(request_obj)
            if old:
                compare_url = (
                    reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_compare", args=[quote(obj.pk)]
                    )
                    + f"?old={old}&new={request_obj.proposed_version_id}&andrade=1"
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Granska ändringen av ”{request_obj.object_repr}”",
            "review": request_obj,
            "target": obj,
            "target_change_url": (
                reverse(
                    f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change",
                    args=[quote(obj.pk)],
                )
                if model_admin
                else ""
            ),
            "preview_url": (
                preview_url(obj) if obj is not None and not request_obj.published_version_id else ""
            ),
            "compare_url": compare_url,
            "may_decide": may_decide,
            "reason": reason,
            "comment": comment,
            "error": error,
        }
        return TemplateResponse(request, self.change_form_template, context)


def _previous_version_id(request_obj) -> int | None:
    """For a draft: the version before the change, if the content had one."""
    return (
        Version.objects.filter(
            content_type_id=request_obj.proposed_version.content_type_id,
            object_id=request_obj.proposed_version.object_id,
            pk__lt=request_obj.proposed_version_id,
        )
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
