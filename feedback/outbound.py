"""Outbound links: a counted address on our own domain for each external link we show.

A resource's or an initiative's link (the URL fields its content type declares in
`Declaration.link_fields`, publishing/registry.py) is shown as `/ut/<type>/<id>/<field>/`
with the real address beside it (the link's title). Following it counts one click for
that item, per day and unique per visitor the way page views are (feedback/viewcounts.py:
in the cache, no query to count), and redirects to the address stored in our content,
never to one taken from the request: there is no open redirect. Anything else (an unknown
type or field, an id that is not a published item, an empty or non-http address) is a 404.

The redirect says `X-Robots-Tag: noindex` and robots.txt disallows /ut/, so search engines
index the real addresses, not ours.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import reverse

from publishing import registry

SEPARATOR = "/"
MAX_ID = 2**63  # a larger id is no row of ours (and more than a bigint column takes)


@dataclass(frozen=True)
class Link:
    label: str  # "resources.resource"
    pk: int
    field: str

    @property
    def key(self) -> str:
        """The statistics key of this link: "resources.resource/12/url"."""
        return SEPARATOR.join([self.label, str(self.pk), self.field])

    @classmethod
    def from_key(cls, key: str) -> "Link | None":
        label, _, rest = key.partition(SEPARATOR)
        pk, _, field = rest.partition(SEPARATOR)
        return cls(label, int(pk), field) if pk.isdigit() and field else None

    def get_absolute_url(self) -> str:
        return reverse("outbound:follow", args=[self.label, self.pk, self.field])


def link_for(obj, field: str) -> Link:
    return Link(obj._meta.label_lower, obj.pk, field)


def is_web_address(value) -> bool:
    if not isinstance(value, str) or not value:
        return False
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def target(label: str, pk: int, field: str) -> str | None:
    """The address stored for this published item's link field, or None if there is none."""
    ct = registry.by_label(label)
    if ct is None or not 0 < pk < MAX_ID or field not in ct.declaration.link_fields:
        return None
    value = ct.published().filter(pk=pk).values_list(field, flat=True).first()
    return value if is_web_address(value) else None
