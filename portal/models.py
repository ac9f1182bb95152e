"""Shared content building blocks and the site's own pages."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from portal.markdown import render_markdown
from portal.search import SearchIndexed, SearchIndexedQuerySet, SearchVectorIndex


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


class PublishableQuerySet(SearchIndexedQuerySet):
    """The one definition of "visible to visitors", used by every view, feed and sitemap."""

    def published(self, at=None):
        return self.filter(published_q(at=at))

    def drafts(self):
        return self.filter(status=Publishable.Status.DRAFT)


class Publishable(models.Model):
    """Publication state and dates shared by every kind of public content.

    Content is visible when it is published and its publication time has come; setting
    `published_at` in the future schedules it, `unpublish_at` takes it down again, with
    no cron job: the queryset compares with the clock on every request.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Utkast"
        PUBLISHED = "published", "Publicerad"

    status = models.CharField(
        "status", max_length=16, choices=Status, default=Status.DRAFT, db_index=True
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
        help_text="Lämna tomt om innehållet ska ligga kvar tills vidare.",
    )
    created_at = models.DateTimeField("skapad", auto_now_add=True)
    updated_at = models.DateTimeField("senast uppdaterad", auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_live(self) -> bool:
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )


class Page(SearchIndexed, Publishable):
    """A stand-alone page: Introduktion till AI, Nätverk och forum, the webinar, and so on."""

    SEARCH_FIELDS = {"A": ("title",), "B": ("ingress",), "C": ("body",)}

    title = models.CharField("rubrik", max_length=200)
    slug = models.SlugField("adress", max_length=200, unique=True)
    ingress = models.TextField("ingress", blank=True)
    body = models.TextField("brödtext", blank=True, help_text="Markdown: rubriker, listor, länkar.")
    order = models.PositiveSmallIntegerField("ordning i menyn", default=100)
    show_in_menu = models.BooleanField("visa i huvudmenyn", default=False)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "sida"
        verbose_name_plural = "sidor"
        indexes = [SearchVectorIndex(fields=["search_vector"], name="page_search_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:page", kwargs={"slug": self.slug})

    @property
    def body_html(self):
        return render_markdown(self.body)


class QuestionQuerySet(SearchIndexedQuerySet):
    def published(self, at=None):
        """Questions visitors can see: those on a published page."""
        return self.filter(published_q("page__", at=at))


class Question(SearchIndexed, models.Model):
    """A question and its answer shown on a page (the webinar's Q&A, the legal Q&A)."""

    SEARCH_FIELDS = {"A": ("question",), "B": ("group",), "C": ("answer",)}

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="questions", verbose_name="sida"
    )
    group = models.CharField(
        "grupp", max_length=200, blank=True, help_text="Frågor med samma grupp visas tillsammans."
    )
    question = models.CharField("fråga", max_length=500)
    answer = models.TextField("svar", help_text="Markdown.")
    source = models.CharField("källa", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField("ordning", default=100)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["page", "order", "id"]
        verbose_name = "fråga och svar"
        verbose_name_plural = "frågor och svar"
        indexes = [SearchVectorIndex(fields=["search_vector"], name="question_search_idx")]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{self.page.get_absolute_url()}#fraga-{self.pk}"

    @property
    def answer_html(self):
        return render_markdown(self.answer)
