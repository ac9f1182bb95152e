"""The site's own pages: stand-alone pages (Introduktion till AI, the webinar, …) and the
questions and answers shown on them."""

import reversion
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from publishing.models import (
    KeepsOldAddresses,
    Publishable,
    PublishableQuerySet,
    RendersMarkdown,
    published_q,
)
from publishing.registry import Declaration, SearchResults, SitemapEntry
from publishing.search import SearchIndexed, SearchIndexedQuerySet, SearchVectorIndex


@reversion.register(follow=["questions"])
class Page(KeepsOldAddresses, RendersMarkdown, SearchIndexed, Publishable):
    """A stand-alone page: Introduktion till AI, Nätverk och forum, the webinar, and so on."""

    SEARCH_FIELDS = {"A": ("title",), "B": ("ingress",), "C": ("body",)}
    PUBLISHING = Declaration(
        url_name="portal:page",
        search=SearchResults(kind="page", label="Sida", snippet_fields=("ingress", "body")),
        markdown_fields=("body",),
        in_review_queue=True,
        sitemap=SitemapEntry(changefreq="monthly", priority=0.6),
        feedback_per_version=True,
        parts=("portal.Question",),
    )

    title = models.CharField("rubrik", max_length=200)
    slug = models.SlugField("adress", max_length=200, unique=True)
    ingress = models.TextField("ingress", blank=True)
    body = models.TextField("brödtext", blank=True, help_text="Markdown: rubriker, listor, länkar.")
    order = models.PositiveSmallIntegerField("ordning i menyn", default=100)
    show_in_menu = models.BooleanField("visa i huvudmenyn", default=False)

    class Meta(Publishable.Meta):
        ordering = ["order", "title"]
        verbose_name = "sida"
        verbose_name_plural = "sidor"
        permissions = [("publish_page", "Kan publicera sidor")]
        indexes = [SearchVectorIndex(fields=["search_vector"], name="page_search_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:page", kwargs={"slug": self.slug})

    @property
    def body_html(self):
        return self.markdown_html("body")


class QuestionQuerySet(SearchIndexedQuerySet):
    def published(self, at=None):
        """Questions visitors can see: those on a published page."""
        return self.filter(published_q("page__", at=at))


@reversion.register()
class Question(RendersMarkdown, SearchIndexed, models.Model):
    """A question and its answer shown on a page (the webinar's Q&A, the legal Q&A)."""

    SEARCH_FIELDS = {"A": ("question",), "B": ("group",), "C": ("answer",)}
    # Shown on its page, which carries its publication state: searched and link-checked
    # on its own, published with the page.
    PUBLISHING = Declaration(
        search=SearchResults(
            kind="question",
            label="Fråga och svar",
            title_field="question",
            snippet_fields=("answer",),
            select_related=("page",),
        ),
        markdown_fields=("answer",),
    )

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
        return self.markdown_html("answer")


class SiteLinkQuerySet(PublishableQuerySet):
    def in_place(self, place):
        return self.filter(place=place)


@reversion.register()
class SiteLink(Publishable):
    """A link in the main navigation or the footer, edited, reviewed and scheduled like content."""

    # Shown on every page, so saving one makes cached pages stale (portal/pagecache.py).
    PUBLISHING = Declaration()

    class Place(models.TextChoices):
        MAIN_MENU = "huvudmeny", "Huvudmenyn"
        FOOTER = "sidfot", "Sidfoten"

    place = models.CharField("plats", max_length=16, choices=Place, default=Place.MAIN_MENU)
    label = models.CharField("länktext", max_length=100)
    url = models.CharField(
        "adress",
        max_length=500,
        validators=[
            RegexValidator(
                r"^(/|https?://)",
                "Skriv en adress på webbplatsen som börjar med / (till exempel "
                "/ai-initiativ/) eller en hel adress som börjar med https://.",
            )
        ],
        help_text="En adress på webbplatsen, till exempel /ai-initiativ/, eller en hel adress.",
    )
    order = models.PositiveSmallIntegerField("ordning", default=100)

    objects = SiteLinkQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["place", "order", "label"]
        verbose_name = "länk i menyn eller sidfoten"
        verbose_name_plural = "länkar i menyn och sidfoten"
        permissions = [("publish_sitelink", "Kan publicera länkar i menyn och sidfoten")]

    def __str__(self):
        return f"{self.label} ({self.get_place_display().lower()})"

    def get_absolute_url(self):
        # The links show on every page; the start page is where an editor previews them.
        return reverse("portal:home")
