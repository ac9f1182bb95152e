"""The site's own pages: stand-alone pages (Introduktion till AI, the webinar, …) and the
questions and answers shown on them."""

import reversion
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from portal import sitefacts
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
        # Facts such as "{kommentarer_sparas_manader}" show what the settings say.
        return sitefacts.fill(self.markdown_html("body"))


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
            url_fields=("page__slug",),
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


@reversion.register()
class SiteText(Publishable):
    """The texts around every page's content: the line under the site's name, the footer's
    text and the description search engines show. Edited, reviewed and scheduled like
    content; visitors see the newest live one (portal/sitelinks.py)."""

    # Shown on every page, so saving one makes cached pages stale (portal/pagecache.py).
    PUBLISHING = Declaration()

    name = models.CharField(
        "namn i redaktionen",
        max_length=200,
        help_text="Syns bara i redaktionen, till exempel ”Sidhuvud och sidfot 2026”.",
    )
    tagline = models.CharField(
        "rad under webbplatsens namn",
        max_length=300,
        blank=True,
        help_text="Visas i sidhuvudet på varje sida, till exempel vilka som står bakom "
        "webbplatsen.",
    )
    footer_text = models.TextField("text i sidfoten", blank=True)
    description = models.CharField(
        "beskrivning för sökmotorer",
        max_length=300,
        blank=True,
        help_text="Visas i sökmotorer och när en sida delas, för sidor som inte har en egen "
        "beskrivning (till exempel startsidan).",
    )

    class Meta(Publishable.Meta):
        ordering = ["-published_at", "-pk"]
        verbose_name = "text i sidhuvud och sidfot"
        verbose_name_plural = "texter i sidhuvud och sidfot"
        permissions = [("publish_sitetext", "Kan publicera texterna i sidhuvud och sidfot")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Shown on every page; the start page is where an editor previews them.
        return reverse("portal:home")


@reversion.register(follow=["entry_points", "featured"])
class StartPage(Publishable):
    """The start page's texts, entry points and featured initiatives, edited like content.

    Editors may keep several (a draft next to the live one, or one scheduled for a
    campaign); visitors see the newest live one (portal/startpage.py).
    """

    # Its parts are edited on the same admin page, so editors get the same rights on them,
    # and saving any of them makes cached pages stale (portal/pagecache.py).
    PUBLISHING = Declaration(parts=("portal.EntryPoint", "portal.FeaturedInitiative"))

    name = models.CharField(
        "namn i redaktionen",
        max_length=200,
        help_text="Syns bara i redaktionen, till exempel ”Startsidan hösten 2026”.",
    )
    heading = models.CharField("huvudrubrik", max_length=200)
    intro = models.TextField("introduktion", blank=True)
    entry_points_heading = models.CharField("rubrik över ingångarna", max_length=200)
    featured_heading = models.CharField(
        "rubrik över de utvalda AI-initiativen",
        max_length=200,
        blank=True,
        help_text="Väljer du inga initiativ nedan visas de tre senast publicerade.",
    )
    featured_link_text = models.CharField(
        "länktext till alla AI-initiativ", max_length=200, blank=True
    )
    webinar_heading = models.CharField(
        "rubrik i rutan om webbinariet",
        max_length=200,
        blank=True,
        help_text="Lämna tomt för att inte visa rutan.",
    )
    webinar_text = models.TextField("text i rutan om webbinariet", blank=True)
    webinar_link_text = models.CharField("länktext i rutan", max_length=200, blank=True)
    webinar_link_url = models.CharField(
        "länkadress i rutan",
        max_length=500,
        blank=True,
        validators=SiteLink._meta.get_field("url").validators,
        help_text="En adress på webbplatsen, till exempel /webbinarium/, eller en hel adress.",
    )

    class Meta(Publishable.Meta):
        ordering = ["-published_at", "-pk"]
        verbose_name = "startsida"
        verbose_name_plural = "startsidor"
        permissions = [("publish_startpage", "Kan publicera startsidan")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The start page has one address; the parameter picks this version in a preview.
        return f"{reverse('portal:home')}?{self.PREVIEW_PARAMETER}={self.pk}"

    PREVIEW_PARAMETER = "startsida"


@reversion.register()
class EntryPoint(models.Model):
    """One of the start page's entry points ("Hitta rätt"): a heading link and a text."""

    start_page = models.ForeignKey(
        StartPage, on_delete=models.CASCADE, related_name="entry_points", verbose_name="startsida"
    )
    title = models.CharField("rubrik", max_length=200)
    text = models.TextField(
        "text",
        blank=True,
        help_text="{antal_initiativ}, {antal_resurser} och {antal_kategorier} byts mot "
        "antalet publicerade AI-initiativ, resurser och kategorier.",
    )
    url = models.CharField(
        "länkadress",
        max_length=500,
        validators=SiteLink._meta.get_field("url").validators,
        help_text="En adress på webbplatsen, till exempel /ai-initiativ/, eller en hel adress.",
    )
    order = models.PositiveSmallIntegerField("ordning", default=100)

    class Meta:
        ordering = ["start_page", "order", "id"]
        verbose_name = "ingång"
        verbose_name_plural = "ingångar"

    def __str__(self):
        return self.title


@reversion.register()
class FeaturedInitiative(models.Model):
    """An initiative the start page features, in the editors' order."""

    start_page = models.ForeignKey(
        StartPage, on_delete=models.CASCADE, related_name="featured", verbose_name="startsida"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="AI-initiativ",
    )
    order = models.PositiveSmallIntegerField("ordning", default=100)

    class Meta:
        ordering = ["start_page", "order", "id"]
        verbose_name = "utvalt AI-initiativ"
        verbose_name_plural = "utvalda AI-initiativ"
        constraints = [
            models.UniqueConstraint(
                fields=["start_page", "initiative"], name="portal_featured_once_per_start_page"
            )
        ]

    def __str__(self):
        return str(self.initiative)
