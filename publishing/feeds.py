"""What every content feed shares: the newest published items, in Swedish, from Digg."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

FEED_SIZE = 20


class PublishedContentFeed(Feed):
    """RSS of the newest published rows of `model`; subclasses name the model and texts."""

    feed_type = Rss201rev2Feed
    language = "sv"
    author_name = "Myndigheten för digital förvaltning (Digg)"
    model = None
    list_url_name = ""

    def link(self):
        return reverse(self.list_url_name)

    def items(self):
        published = self.model.objects.published().with_listing_data()
        return published.order_by("-published_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
