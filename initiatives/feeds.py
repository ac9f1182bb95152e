"""RSS and Atom feeds of newly published initiatives."""

from django.conf import settings
from django.utils.feedgenerator import Atom1Feed

from initiatives.models import Initiative
from publishing.feeds import PublishedContentFeed


class InitiativeFeed(PublishedContentFeed):
    model = Initiative
    list_url_name = "initiatives:list"
    title = f"Nya AI-initiativ – {settings.SITE_NAME}"
    description = (
        "Kommuner som berättar hur de utforskar AI i socialtjänsten, senast publicerade först."
    )

    def item_description(self, item):
        return f"{item.municipality.display_name}: {item.ingress}"

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class InitiativeAtomFeed(InitiativeFeed):
    feed_type = Atom1Feed
    subtitle = InitiativeFeed.description
