"""Support and tools ("Stöd och verktyg"): links to other organisations' material."""

from urllib.parse import urlsplit

import reversion
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from taggit.managers import TaggableManager

from media.models import Document
from publishing.models import (
    KeepsOldAddresses,
    Publishable,
    PublishableQuerySet,
    RendersMarkdown,
    published_q,
)
from publishing.registry import Declaration, SearchResults, SitemapEntry
from publishing.search import SearchIndexed, SearchVectorIndex
from publishing.tags import TaggedQuerySet


class CategoryQuerySet(PublishableQuerySet):
    """The eight categories are always public: `published()` is every category.

    A category's publication state governs its texts alone (`Category.shows_texts`): its
    page, name and list of support and tools are there whatever the state.
    """

    def published(self, at=None):
        return self.all()

    def with_latest_resource(self):
        """Annotate `latest_resource`: when a published resource in it last changed."""
        return self.annotate(
            latest_resource=models.Max("resources__updated_at", filter=published_q("resources__"))
        )

    def with_resource_count(self):
        return self.annotate(
            resource_count=models.Count("resources", filter=published_q("resources__"))
        )

    def resource_counts(self) -> dict[int, int]:
        """Published resources per category id, in one grouped query."""
        return dict(self.with_resource_count().values_list("pk", "resource_count"))


@reversion.register()
class Category(KeepsOldAddresses, RendersMarkdown, Publishable):
    """One of the eight categories of table 2 in the final report.

    Its texts (description and body) are content like any other: drafts, schedules,
    preview, four-eyes review, history and restore come from `Publishable` and
    `PublishableAdmin`. The state says whether visitors see the texts; under four-eyes
    publishing the row keeps the approved texts while a change waits for review.
    """

    PUBLISHING = Declaration(
        url_name="resources:category",
        sitemap=SitemapEntry(
            changefreq="weekly",
            priority=0.7,
            items=lambda: Category.objects.with_latest_resource().order_by("order", "name"),
            lastmod=lambda category: category.last_modified,
        ),
        markdown_fields=("body",),
        # Its texts are reviewed yearly like other content (Juridik's laws change).
        in_review_queue=True,
        feedback_per_version=True,
    )

    name = models.CharField("namn", max_length=100, unique=True)
    slug = models.SlugField("adress", max_length=100, unique=True)
    description = models.TextField("beskrivning")
    body = models.TextField(
        "brödtext",
        blank=True,
        help_text="Visas ovanför listan med stöd och verktyg. Markdown: börja rubrikerna "
        "på nivå 2 (## Rubrik), med listor och länkar.",
    )
    order = models.PositiveSmallIntegerField("ordning", default=100)
    # The categories are public from the start; the state governs only their texts.
    status = models.CharField(
        "status",
        max_length=16,
        choices=Publishable.Status,
        default=Publishable.Status.PUBLISHED,
        db_index=True,
        help_text="Gäller kategorins texter (beskrivning och brödtext): utkast syns bara i "
        "redaktionen. Kategorisidan och listan med stöd och verktyg syns alltid.",
    )

    objects = CategoryQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["order", "name"]
        verbose_name = "kategori"
        verbose_name_plural = "kategorier"
        permissions = [("publish_category", "Kan publicera kategoriernas texter")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Resources are found by their category's name.
        self.resources.all().refresh_search_vector()

    def get_absolute_url(self):
        return reverse("resources:category", kwargs={"slug": self.slug})

    @property
    def body_html(self):
        return self.markdown_html("body")

    @property
    def shows_texts(self) -> bool:
        """Whether visitors see the description and body now (the page is always there)."""
        return self.is_live

    @property
    def last_modified(self):
        """The category's text or its newest published resource, whichever changed last.

        Needs `with_latest_resource()`."""
        return max(filter(None, [self.updated_at, self.latest_resource]))


class PublisherQuerySet(models.QuerySet):
    def with_published_resources(self):
        """Publishers with at least one published resource: the organisations visitors see."""
        return self.filter(published_q("resources__")).distinct()


@reversion.register()
class Publisher(models.Model):
    """An organisation (or, for a research article, its authors) that publishes material.

    One row per organisation, however its name has been written: the filter on "Alla stöd
    och verktyg" lists each once, and renaming it here renames it everywhere.
    """

    name = models.CharField(
        "namn",
        max_length=300,
        help_text="Organisationens fullständiga namn, till exempel Sveriges Kommuner och Regioner.",
    )
    short_name = models.CharField(
        "förkortning", max_length=50, blank=True, help_text="Till exempel SKR. Kan lämnas tom."
    )
    slug = models.SlugField(
        "adress",
        max_length=100,
        unique=True,
        help_text="Används i filtrets adress, till exempel /stod-och-verktyg/alla/?avsandare=skr.",
    )
    url = models.URLField("webbplats", max_length=500, blank=True)

    objects = PublisherQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "avsändare"
        verbose_name_plural = "avsändare"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="unique_publisher_name",
                violation_error_message="Det finns redan en avsändare med det namnet.",
            )
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Resources are found by their publisher's name.
        self.resources.all().refresh_search_vector()

    def get_absolute_url(self):
        return f"{reverse('resources:list')}?avsandare={self.slug}"

    @property
    def display_name(self) -> str:
        """The name as visitors see it: "Sveriges Kommuner och Regioner (SKR)"."""
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class ResourceQuerySet(TaggedQuerySet, PublishableQuerySet):
    def in_category(self, category):
        # Within one category the model's ordering (category order, title) is by title: said
        # so here, the database walks the (category, title) index and stops after a page
        # instead of joining the category and sorting every resource in it.
        return self.filter(category=category).order_by("title", "pk")

    def with_listing_data(self):
        # The search index is for search and the category's own text for its page, not
        # for every item in a list.
        return (
            self.select_related("category", "document", "publisher")
            .with_tags()
            .defer("search_vector", "category__body", "category__rendered_markdown")
        )

    def count_distinct(self) -> int:
        """How many different resources: one listed in two categories counts once.

        A resource that serves two categories is two rows with the same title and link.
        """
        return self.order_by().values("title", "url").distinct().count()

    def first_distinct(self, limit: int) -> list:
        """The first `limit` resources in order, each once even if listed in two categories."""
        seen, result = set(), []
        # A resource is in at most a few categories: a few times `limit` rows are enough.
        for resource in self[: limit * 4]:
            if resource.identity not in seen:
                seen.add(resource.identity)
                result.append(resource)
                if len(result) == limit:
                    break
        return result

    def sharing_tags(self, tag_ids):
        """Resources with any of the tags, most shared tags first."""
        return (
            self.filter(tags__in=tag_ids)
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "title")
        )


@reversion.register()
class Resource(SearchIndexed, Publishable):
    """A guide, report, course or tool published elsewhere, which we point to."""

    SEARCH_FIELDS = {
        "A": ("title",),
        "B": ("tags", "publisher__name", "publisher__short_name"),
        "C": ("description", "category__name"),
    }
    # Listed on its category's page, which has the feedback question and the sitemap entry.
    PUBLISHING = Declaration(
        search=SearchResults(
            kind="resource",
            label="Stöd och verktyg",
            snippet_fields=("description",),
            select_related=("category",),
            url_fields=("category__slug",),
            language_field="language",
        ),
        link_fields=("url",),
        # Outbound clicks per category and per publisher (shown by its name).
        click_groups=("category", "publisher"),
        in_review_queue=True,
        open_data="resources.opendata.DATASET",
        # Edited beside the resources: the same editors' rights, and a rename makes cached
        # pages stale.
        parts=("resources.Publisher",),
    )

    class Language(models.TextChoices):
        SWEDISH = "sv", "Svenska"
        ENGLISH = "en", "Engelska"

    class Format(models.TextChoices):
        WEB_PAGE = "webbsida", "Webbsida"
        PDF = "pdf", "PDF"
        FILM = "film", "Film"
        COURSE = "kurs", "Kurs"
        REPORT = "rapport", "Rapport"
        ARTICLE = "artikel", "Vetenskaplig artikel"
        RESEARCH_PROJECT = "forskningsprojekt", "Forskningsprojekt"
        TOOL = "verktyg", "Verktyg"
        FUNDING = "utlysning", "Utlysning"

    title = models.CharField("rubrik", max_length=300)
    url = models.URLField("länk", max_length=500, blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dokument",
        help_text="Ett dokument i dokumentbiblioteket, i stället för eller utöver länken.",
    )
    publisher = models.ForeignKey(
        Publisher,
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name="avsändare",
        help_text="Organisationen som står bakom materialet.",
    )
    language = models.CharField(
        "språk",
        max_length=8,
        choices=Language,
        default=Language.SWEDISH,
        help_text="Materialets språk. En rubrik på engelska märks som engelska, så att "
        "skärmläsare läser upp den med rätt uttal.",
    )
    description = models.TextField("beskrivning")
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="resources", verbose_name="kategori"
    )
    format = models.CharField(
        "format", max_length=32, choices=Format, default=Format.WEB_PAGE, db_index=True
    )
    year = models.PositiveSmallIntegerField("år", null=True, blank=True)
    tags = TaggableManager("ämnen", blank=True, help_text="Kommaseparerade ämnen.")

    objects = ResourceQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["category__order", "title"]
        verbose_name = "stöd eller verktyg"
        verbose_name_plural = "stöd och verktyg"
        permissions = [("publish_resource", "Kan publicera stöd och verktyg")]
        indexes = [
            SearchVectorIndex(fields=["search_vector"], name="resource_search_idx"),
            # A category's page lists its resources by title (`in_category`).
            models.Index(fields=["category", "title", "id"], name="resource_category_title_idx"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["category", "title"], name="unique_resource_per_category"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.category.get_absolute_url()}#resurs-{self.pk}"

    @property
    def identity(self) -> tuple[str, str]:
        """What makes two rows the same resource: its title and its link."""
        return (self.title, self.url)

    @property
    def link_domain(self):
        """The host the link leads to, shown so visitors know where they are going."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")
