"""A new kind of content: a model and its declaration (see test_new_content_type.py)."""

from django.db import models
from django.urls import reverse

from publishing.models import Publishable
from publishing.registry import Declaration, SearchResults, SitemapEntry
from publishing.search import SearchIndexed, SearchVectorIndex


class Notice(SearchIndexed, Publishable):
    SEARCH_FIELDS = {"A": ("title",), "C": ("body",)}
    PUBLISHING = Declaration(
        url_name="notices:detail",
        search=SearchResults(kind="notice", label="Notis", snippet_fields=("body",)),
        link_fields=("url",),
        markdown_fields=("body",),
        in_review_queue=True,
        sitemap=SitemapEntry(changefreq="daily", priority=0.3),
        feedback_per_version=True,
    )

    title = models.CharField("rubrik", max_length=200)
    slug = models.SlugField("adress", unique=True)
    body = models.TextField("brödtext", blank=True)
    url = models.URLField("länk", blank=True)

    class Meta(Publishable.Meta):
        ordering = ["title"]
        verbose_name = "notis"
        verbose_name_plural = "notiser"
        permissions = [("publish_notice", "Kan publicera notiser")]
        indexes = [SearchVectorIndex(fields=["search_vector"], name="notice_search_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("notices:detail", kwargs={"slug": self.slug})
