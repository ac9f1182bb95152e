"""RSS and Atom feeds of newly published support and tools."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from resources.models import Resource

FEED_SIZE = 20


class ResourceFeed(Feed):
    feed_type = Rss201rev2Feed
    title = f"Nya stöd och verktyg – {settings.SITE_NAME}"
    description = (
        "Vägledningar, rapporter, utbildningar och verktyg om AI i socialtjänsten, "
        "senast publicerade först. Länkarna leder till andra organisationers webbplatser."
    )
    language = "sv"
    author_name = "Myndigheten för digital förvaltning (Digg)"

    def link(self):
        return reverse("resources:list")

    def items(self):
        return (
            Resource.objects.published().with_listing_data().order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.description} (Avsändare: {item.sender}. Kategori: {item.category.name}.)"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name, *(tag.name for tag in item.tags.all())]


class ResourceAtomFeed(ResourceFeed):
    feed_type = Atom1Feed
    subtitle = ResourceFeed.description
