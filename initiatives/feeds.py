"""RSS and Atom feeds of newly published initiatives."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from initiatives.models import Initiative

FEED_SIZE = 20


class InitiativeFeed(Feed):
    feed_type = Rss201rev2Feed
    title = f"Nya AI-initiativ – {settings.SITE_NAME}"
    description = (
        "Kommuner som berättar hur de utforskar AI i socialtjänsten, senast publicerade först."
    )
    language = "sv"
    author_name = "Myndigheten för digital förvaltning (Digg)"

    def link(self):
        return reverse("initiatives:list")

    def items(self):
        return (
            Initiative.objects.published().with_listing_data().order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.municipality.display_name}: {item.ingress}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class InitiativeAtomFeed(InitiativeFeed):
    feed_type = Atom1Feed
    subtitle = InitiativeFeed.description
