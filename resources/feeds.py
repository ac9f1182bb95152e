"""RSS and Atom feeds of newly published support and tools."""

from django.conf import settings
from django.utils.feedgenerator import Atom1Feed

from publishing.feeds import PublishedContentFeed
from resources.models import Resource


class ResourceFeed(PublishedContentFeed):
    model = Resource
    list_url_name = "resources:list"
    title = f"Nya stöd och verktyg – {settings.SITE_NAME}"
    description = (
        "Vägledningar, rapporter, utbildningar och verktyg om AI i socialtjänsten, "
        "senast publicerade först. Länkarna leder till andra organisationers webbplatser."
    )

    def item_description(self, item):
        language = (
            ""
            if item.language == Resource.Language.SWEDISH
            else (f" Språk: {item.get_language_display().lower()}.")
        )
        return (
            f"{item.description} (Avsändare: {item.publisher}. Kategori: {item.category.name}."
            f"{language})"
        )

    def item_categories(self, item):
        return [item.category.name, *(tag.name for tag in item.tags.all())]


class ResourceAtomFeed(ResourceFeed):
    feed_type = Atom1Feed
    subtitle = ResourceFeed.description
