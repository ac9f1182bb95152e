"""What the start page shows: the newest live StartPage, or in a preview the one asked for.

Editors write the start page in the admin (portal.StartPage with its entry points and
featured initiatives); the template holds only the structure. With no start page at all
(a database without the data migration's row, or every one unpublished) the page still
works: the site's name as heading and the latest initiatives.
"""

from dataclasses import dataclass

from initiatives.models import Initiative
from portal.models import StartPage
from publishing.models import latest_update
from publishing.preview import visible
from publishing.templatetags.text import swedish_number

FEATURED_FALLBACK = 3


@dataclass(frozen=True)
class Entry:
    title: str
    text: str
    url: str


def current(request) -> StartPage | None:
    """The start page this request sees: the newest live one; a draft in an editor's preview."""
    pages = visible(request, StartPage.objects)
    if getattr(request, "is_preview", False):
        wanted = request.GET.get(StartPage.PREVIEW_PARAMETER, "")
        if wanted.isdigit():
            chosen = pages.filter(pk=int(wanted)).first()
            if chosen is not None:
                return chosen
        return pages.order_by("-updated_at", "-pk").first()
    return pages.order_by("-published_at", "-pk").first()


def entries(start_page: StartPage | None, counts: dict[str, int]) -> list[Entry]:
    """The entry points in order, with the counts filled into their texts (Swedish style:
    "elva", "1 000")."""
    if start_page is None:
        return []
    result = []
    for entry in start_page.entry_points.all():
        text = entry.text
        for name, value in counts.items():
            text = text.replace(f"{{{name}}}", swedish_number(value))
        if text != entry.text and entry.text.startswith("{"):
            text = text[:1].upper() + text[1:]  # "Elva kommuner berättar …"
        result.append(Entry(entry.title, text, entry.url))
    return result


def featured(start_page: StartPage | None, initiatives) -> list[Initiative]:
    """The chosen published initiatives in the editors' order; else the latest three."""
    if start_page is not None and start_page.pk is not None:
        order = list(
            start_page.featured.order_by("order", "id").values_list("initiative_id", flat=True)
        )
        if order:
            found = {i.pk: i for i in initiatives.filter(pk__in=order)}
            chosen = [found[pk] for pk in order if pk in found]
            if chosen:
                return chosen
    return list(initiatives[:FEATURED_FALLBACK])


def last_updated(start_page: StartPage | None, *shown):
    """ "Senast uppdaterad": the newest change of the start page's texts or what it shows."""
    own = [start_page.updated_at] if start_page is not None and start_page.pk else []
    listed = latest_update(*shown)
    return max([*own, *([listed] if listed else [])], default=None)
