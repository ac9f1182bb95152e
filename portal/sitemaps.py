"""sitemap.xml: every public address, drafts never (they all go through published())."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from publishing import registry
from publishing.models import published_q


class StaticViewSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "portal:home",
            "initiatives:list",
            "resources:category_list",
            "resources:list",
            "portal:tag_list",
            "portal:open_data",
        ]

    def location(self, item):
        return reverse(item)


class ContentSitemap(Sitemap):
    """The published rows of one declared content type (its `SitemapEntry`)."""

    def __init__(self, content_type):
        self.content_type = content_type
        self.changefreq = content_type.declaration.sitemap.changefreq
        self.priority = content_type.declaration.sitemap.priority

    def items(self):
        return self.content_type.sitemap_items()

    def lastmod(self, item):
        return self.content_type.sitemap_lastmod(item)


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        # A tag used only by drafts has no public page (see portal.views.tag_detail).
        return (
            Tag.objects.filter(published_q("initiative__") | published_q("resource__"))
            .distinct()
            .order_by("name")
        )

    def location(self, item):
        return reverse("portal:tag", kwargs={"slug": item.slug})


def sitemaps() -> dict[str, Sitemap]:
    """The site's own addresses, every content type that asks for it, and the tag pages."""
    return {
        "sidor": StaticViewSitemap(),
        **{ct.model._meta.model_name: ContentSitemap(ct) for ct in registry.in_sitemap()},
        "amnen": TagSitemap(),
    }
