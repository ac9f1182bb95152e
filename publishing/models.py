"""What every kind of published content shares: state, schedule, review date, old addresses.

A content type stands on `Publishable` (or, for content that is always public, on
`ContentQuerySet` alone) and declares itself with `PUBLISHING = Declaration(...)`
(see publishing/registry.py); the site finds it from there.
"""

import calendar
import datetime
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from publishing.markdown import resolve_embeds, sanitised_html
from publishing.search import SearchIndexedQuerySet


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` ahead, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_date(start: datetime.datetime | datetime.date) -> datetime.date:
    """When content published or reviewed at `start` is due for its next review."""
    if isinstance(start, datetime.datetime):
        start = timezone.localdate(start)
    return add_months(start, settings.REVIEW_INTERVAL_MONTHS)


def published_q(prefix: str = "", at=None) -> models.Q:
    """Condition for "visible to visitors"; `prefix` reaches it through a relation."""
    at = at or timezone.now()
    return (
        models.Q(**{f"{prefix}status": Publishable.Status.PUBLISHED})
        & models.Q(**{f"{prefix}published_at__lte": at})
        & (
            models.Q(**{f"{prefix}unpublish_at__isnull": True})
            | models.Q(**{f"{prefix}unpublish_at__gt": at})
        )
    )


class ContentQuerySet(models.QuerySet):
    """What every content queryset answers. Content that is always public uses it as is."""

    def published(self, at=None):
        return self.all()

    def latest_update(self):
        """The newest `updated_at` among the rows: "Senast uppdaterad" for a page."""
        return self.aggregate(latest=models.Max("updated_at"))["latest"]


def latest_update(*querysets):
    """The newest `updated_at` across several querysets (a page that shows more than one)."""
    dates = [d for d in (qs.latest_update() for qs in querysets) if d is not None]
    return max(dates) if dates else None


class PublishedManager(models.Manager):
    """A publishable model's manager: `published()` without rebuilding its filter each time.

    Building "published now" (status, publication and unpublication times) through the ORM
    costs a page that reads one row a tenth of its time. The set of published rows changes
    only when content changes or a scheduled (un)publication falls due, which is exactly when
    the content generation's remembered values expire (publishing/generation.py); so the
    filtered queryset is built once per generation and each call gets a copy of it.
    """

    # generation.remember, set by PublishingConfig.ready() (the generation module reads the
    # registry, which reads this module); until then the queryset is built on every call.
    remember: Callable[[str, Callable[[], Any]], Any] = staticmethod(
        lambda name, compute: compute()
    )

    def published(self, at=None):
        queryset = self.get_queryset()
        if at is not None:
            return queryset.published(at=at)
        built = self.remember(
            f"published:{self.model._meta.label}:{type(queryset).__qualname__}",
            queryset.published,
        )
        return built.all()  # a copy: the remembered one is never evaluated or changed


class PublishableQuerySet(SearchIndexedQuerySet, ContentQuerySet):
    """The one definition of "visible to visitors", used by every view, feed and sitemap."""

    @classmethod
    def as_manager(cls):
        manager = PublishedManager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager

    as_manager.__func__.queryset_only = True

    def published(self, at=None):
        return self.filter(published_q(at=at))

    def drafts(self):
        return self.filter(status=Publishable.Status.DRAFT)


class Publishable(models.Model):
    """Publication state, dates and review date shared by every kind of public content.

    Content is visible when it is published and its publication time has come; setting
    `published_at` in the future schedules it, `unpublish_at` takes it down again, with
    no cron job: the queryset compares with the clock on every request.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Utkast"
        PUBLISHED = "published", "Publicerad"

    class State(models.TextChoices):
        """What a visitor sees right now: status and dates read against the clock."""

        DRAFT = "draft", "Utkast"
        SCHEDULED = "scheduled", "Schemalagd"
        LIVE = "live", "Publicerad"
        EXPIRED = "expired", "Avpublicerad"

    status = models.CharField(
        "status",
        max_length=16,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text="Utkast syns bara i redaktionen. Publicerad syns för besökare från "
        "tidpunkten i ”Publiceras”.",
    )
    published_at = models.DateTimeField(
        "publiceras",
        default=timezone.now,
        db_index=True,
        help_text="Sätt en framtida tidpunkt för att schemalägga publiceringen.",
    )
    unpublish_at = models.DateTimeField(
        "avpubliceras",
        null=True,
        blank=True,
        help_text="Innehållet försvinner från webbplatsen vid den här tidpunkten. Lämna tomt "
        "om det ska ligga kvar tills vidare.",
    )
    review_by = models.DateField(
        "granskas senast",
        null=True,
        blank=True,
        db_index=True,
        help_text="Sätts automatiskt till tolv månader efter publiceringen. Efter datumet "
        "ser besökarna att informationen kan vara inaktuell.",
    )
    reviewed_at = models.DateTimeField(
        "senast granskad",
        null=True,
        blank=True,
        help_text="Sätts när någon i redaktionen markerar innehållet som granskat.",
    )
    created_at = models.DateTimeField("skapad", auto_now_add=True)
    updated_at = models.DateTimeField("senast uppdaterad", auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unpublish_at__isnull=True)
                | models.Q(unpublish_at__gt=models.F("published_at")),
                name="%(app_label)s_%(class)s_unpublish_after_publish",
                violation_error_message="Avpubliceringen måste ligga efter publiceringen.",
            )
        ]

    def save(self, *args, **kwargs):
        # The first review falls due a year after publication; drafts get their date
        # when they are published, not when they were started.
        if self.review_by is None and self.status == self.Status.PUBLISHED:
            self.review_by = next_review_date(self.published_at)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "review_by"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.unpublish_at and self.published_at and self.unpublish_at <= self.published_at:
            raise ValidationError(
                {"unpublish_at": "Avpubliceringen måste ligga efter publiceringen."}
            )

    def state_at(self, at=None) -> "Publishable.State":
        at = at or timezone.now()
        if self.status == self.Status.DRAFT:
            return self.State.DRAFT
        if self.published_at > at:
            return self.State.SCHEDULED
        if self.unpublish_at is not None and self.unpublish_at <= at:
            return self.State.EXPIRED
        return self.State.LIVE

    @property
    def state(self) -> "Publishable.State":
        return self.state_at()

    @property
    def state_label(self) -> str:
        """The state in words for editors: "Schemalagd till 3 mars 2026 09:00" and so on."""
        state = self.state
        if state == self.State.SCHEDULED:
            return f"Schemalagd till {_when(self.published_at)}"
        if state == self.State.LIVE and self.unpublish_at is not None:
            return f"Publicerad till {_when(self.unpublish_at)}"
        return state.label

    @property
    def is_live(self) -> bool:
        return self.state == self.State.LIVE

    @property
    def is_review_overdue(self) -> bool:
        return self.review_by is not None and self.review_by < timezone.localdate()

    def publish_now(self, at=None):
        """Make the content visible from now on ("Publicera nu"); not saved."""
        at = at or timezone.now()
        if self.status != self.Status.PUBLISHED or self.published_at > at:
            self.published_at = at
        self.status = self.Status.PUBLISHED
        if self.unpublish_at is not None and self.unpublish_at <= at:
            self.unpublish_at = None

    def mark_reviewed(self, at=None):
        """Record a review now and move the next one a review interval ahead."""
        at = at or timezone.now()
        self.reviewed_at = at
        self.review_by = next_review_date(at)
        # A review confirms the content; it does not change "Senast uppdaterad".
        self.save(update_fields=["reviewed_at", "review_by"])


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y H:i")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


class RendersMarkdown(models.Model):
    """Markdown rendered to sanitised HTML when the row is saved, not on every page view.

    The fields are the content type's `PUBLISHING.markdown_fields`. Each stored rendering
    keeps a digest of its source, so text changed past save() (`QuerySet.update()`, a row
    from before this field existed) is rendered afresh rather than shown stale. Embedded
    library items (`[[film:…]]`) are resolved when shown, not stored.
    """

    rendered_markdown = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.rendered_markdown = {
            field: [_digest(text), sanitised_html(text)]
            for field in self.PUBLISHING.markdown_fields
            for text in [getattr(self, field) or ""]
        }
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "rendered_markdown"}
        super().save(*args, **kwargs)

    def markdown_html(self, field: str) -> SafeString:
        """The sanitised HTML of one Markdown field, as rendered when the row was saved."""
        text = getattr(self, field) or ""
        digest, html = (self.rendered_markdown or {}).get(field, (None, ""))
        if digest != _digest(text):
            html = sanitised_html(text)
        # Library items are looked up as the page is shown: they change on their own.
        return resolve_embeds(html)


class KeepsOldAddresses:
    """Mixin for models whose address contains their slug: renaming leaves a redirect.

    The old path points at the object, not at a path, so a chain of renames collapses:
    every old address answers with one 301 to wherever the object lives now.
    """

    def save(self, *args, **kwargs):
        old_path = None
        if self.pk is not None:
            stored = type(self)._base_manager.filter(pk=self.pk).only("pk", "slug").first()
            if stored is not None and stored.get_absolute_url() != self.get_absolute_url():
                old_path = stored.get_absolute_url()
        super().save(*args, **kwargs)
        if old_path:
            Redirect.remember(old_path=old_path, target=self)


class Redirect(models.Model):
    """An address content used to have, answered with a 301 to where it lives now."""

    old_path = models.CharField("gammal adress", max_length=300, unique=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="innehållstyp"
    )
    object_id = models.PositiveBigIntegerField("innehållets id")
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField("skapad", auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = "omdirigering"
        verbose_name_plural = "omdirigeringar"

    def __str__(self):
        return f"{self.old_path} → {self.new_path or '(innehållet finns inte längre)'}"

    @classmethod
    def remember(cls, *, old_path: str, target: models.Model) -> "Redirect":
        redirect, _ = cls.objects.update_or_create(
            old_path=old_path,
            defaults={
                "content_type": ContentType.objects.get_for_model(target),
                "object_id": target.pk,
            },
        )
        # An address that is live again (a slug changed back) must not point elsewhere.
        cls.objects.filter(old_path=target.get_absolute_url()).delete()
        return redirect

    @property
    def new_path(self) -> str | None:
        """Where the content lives now; None when it is gone or not visible to visitors."""
        target = self.target
        if target is None:
            return None
        # "Visible" is what the type's published() says: a category's page is always
        # there, whatever the state of its texts.
        published = getattr(type(target)._default_manager, "published", None)
        if published is not None and not published().filter(pk=target.pk).exists():
            return None
        return target.get_absolute_url()


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(is_broken=True)


class LinkCheck(models.Model):
    """The last result of `manage.py check_links` for one external address."""

    url = models.URLField("adress", max_length=1000, unique=True)
    status_code = models.PositiveSmallIntegerField("statuskod", null=True, blank=True)
    final_url = models.URLField("slutlig adress", max_length=1000, blank=True)
    error = models.CharField("fel", max_length=500, blank=True)
    is_broken = models.BooleanField("trasig", default=False, db_index=True)
    found_in = models.TextField("används i", blank=True)
    checked_at = models.DateTimeField("senast kontrollerad")

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-is_broken", "url"]
        verbose_name = "länkkontroll"
        verbose_name_plural = "länkkontroller"

    def __str__(self):
        return self.url

    @property
    def redirected(self) -> bool:
        return bool(self.final_url) and self.final_url != self.url


class ReviewRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReviewRequest.Status.PENDING)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )


class ReviewRequest(models.Model):
    """Four-eyes publishing: a change someone wrote, waiting for a second person to approve.

    Works for every `Publishable` content type through a generic relation. The change
    itself is a saved version (`proposed_version`); for content visitors already see, the
    row keeps showing the published version (`published_version`) until the change is
    approved. See publishing/review.py.
    """

    class Status(models.TextChoices):
        PENDING = "vantar", "Väntar på granskning"
        APPROVED = "godkand", "Godkänd"
        RETURNED = "tillbaka", "Skickad tillbaka"
        REPLACED = "ersatt", "Ersatt av en senare ändring"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="innehållstyp"
    )
    object_id = models.PositiveBigIntegerField("innehållets id")
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField("innehåll", max_length=300)
    status = models.CharField(
        "läge", max_length=16, choices=Status, default=Status.PENDING, db_index=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="skriven av",
    )
    requested_at = models.DateTimeField("skickad för granskning", auto_now_add=True)
    message = models.TextField("meddelande till granskaren", blank=True)
    publish_at = models.DateTimeField(
        "publiceras", null=True, blank=True, help_text="Tomt: så snart ändringen godkänns."
    )
    proposed_version = models.ForeignKey(
        "reversion.Version",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="ändringen",
    )
    published_version = models.ForeignKey(
        "reversion.Version",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="publicerad version",
        help_text="Det besökarna ser medan ändringen väntar (bara för publicerat innehåll).",
    )
    # The content's latest version id when the change was sent: approving is refused once
    # anyone has saved the content since, because the reviewer would publish unseen text.
    latest_version_id = models.PositiveBigIntegerField("senaste version", null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="granskad av",
    )
    decided_at = models.DateTimeField("granskad", null=True, blank=True)
    decision_comment = models.TextField("granskarens kommentar", blank=True)

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "ändring att granska"
        verbose_name_plural = "ändringar att granska"
        constraints = [
            # Nobody approves (or returns) their own change.
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | ~models.Q(decided_by=models.F("requested_by")),
                name="publishing_reviewrequest_not_own_change",
                violation_error_message="Ingen kan granska sin egen ändring.",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.object_repr} ({self.get_status_display().lower()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
