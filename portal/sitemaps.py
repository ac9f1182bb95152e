"""sitemap.xml: every public address, drafts never (they all go through published())."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from taggit.models import Tag

from initiatives.models import Initiative
from portal.models import Page, published_q
from resources.models import Category


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


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Initiative.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Page.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    """Resources have no page of their own: they are listed on their category's page."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Category.objects.annotate(
            latest_resource=Max("resources__updated_at", filter=published_q("resources__"))
        ).order_by("order", "name")

    def lastmod(self, item):
        return max(filter(None, [item.updated_at, item.latest_resource]))


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


SITEMAPS = {
    "sidor": StaticViewSitemap,
    "initiativ": InitiativeSitemap,
    "innehall": PageSitemap,
    "kategorier": CategorySitemap,
    "amnen": TagSitemap,
}
