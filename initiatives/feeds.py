"""RSS and Atom feeds of newly published initiatives."""

from django.conf import settings
from django.utils.feedgenerator import Atom1Feed

from initiatives.models import Initiative
from publishing.feeds import FEED_SIZE, PublishedContentFeed


class InitiativeFeed(PublishedContentFeed):
    model = Initiative
    list_url_name = "initiatives:list"
    title = f"Nya AI-initiativ – {settings.SITE_NAME}"
    description = (
        "Kommuner som berättar hur de utforskar AI i socialtjänsten, senast publicerade först."
    )

    # The ingress and the fact box with every standard fact, as HTML for the feed reader.
    description_template = "initiatives/feeds/item_description.html"

    def items(self):
        # Not the list's `with_listing_data()`: the facts need the rendered Markdown and
        # the phase log, fetched here for all items at once.
        published = (
            Initiative.objects.published()
            .select_related("municipality")
            .with_tags()
            .prefetch_related("phase_changes")
            .defer("search_vector")
        )
        return published.order_by("-published_at")[:FEED_SIZE]

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class InitiativeAtomFeed(InitiativeFeed):
    feed_type = Atom1Feed
    subtitle = InitiativeFeed.description
