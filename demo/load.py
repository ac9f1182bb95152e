"""Write the demo content to the database without touching what is already there.

Each row is looked up by a stable key (a municipality's name, a slug, a resource's
category and title, a page's questions) and created only when missing. Existing rows
are left exactly as they are, so an editor's changes in the admin survive every run
of `manage.py load_demo_content`, and running it twice gives the same rows.

Dates are the sources' dates, not the day of the load: a new row's "Senast uppdaterad"
(`updated_at`, and `created_at`) is its publication date, or the `updated_at` its data
gives, so a page never claims a change on the day the demo was loaded. Its review date
follows from the publication date as for any content.

Each row it creates starts its version history (django-reversion) with a version of
its own, so visitor answers on demo content are counted per version from the start.
One revision per row, not one for the whole run: the history's comparison lists what
was saved in the same revision, and a page's questions belong with the page alone.
"""

from collections import Counter
from contextlib import contextmanager

import reversion
from django.db import transaction
from django.utils.text import slugify

from initiatives.models import Initiative, Municipality
from portal.models import Page, Question, SiteLink
from publishing.models import Publishable
from resources.models import Category, Publisher, Resource

from . import LAUNCHED_AT
from .categories import CATEGORY_BODIES
from .initiatives import INITIATIVES, MUNICIPALITIES
from .pages import PAGES, QUESTIONS
from .resources import PUBLISHERS, RESOURCES

PUBLISHED = {"status": Publishable.Status.PUBLISHED, "published_at": LAUNCHED_AT}
REVISION_COMMENT = "Demoinnehåll från slutrapporten"


@contextmanager
def _first_version():
    """A revision for what is saved inside; none at all if nothing is (the row existed)."""
    with reversion.create_revision():
        reversion.set_comment(REVISION_COMMENT)
        yield


def _get_or_create(model, lookup, defaults, tags=()):
    """Return (row, created). New rows are validated like the admin would before saving."""
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    defaults = dict(defaults)
    updated_at = defaults.pop("updated_at", None)
    row = model(**lookup, **defaults)
    row.full_clean()
    with _first_version():
        row.save()
        if tags:
            row.tags.add(*tags)
            # Serialise the row again now that it has its tags, as the admin does.
            reversion.add_to_revision(row)
    _date_from_sources(row, updated_at or getattr(row, "published_at", None))
    return row, True


def _date_from_sources(row, when):
    """Give a new row the date its source gives instead of today's (`auto_now` sets today)."""
    if when is None:
        return
    fields = {name: when for name in ("created_at", "updated_at") if _has_field(row, name)}
    if fields:
        type(row).objects.filter(pk=row.pk).update(**fields)
        for name, value in fields.items():
            setattr(row, name, value)


def _has_field(row, name) -> bool:
    return any(field.name == name for field in row._meta.concrete_fields)


def _add_footer_link(label, page) -> int:
    """Link a new page from the footer, after the links already there; 0 if it is linked."""
    url = page.get_absolute_url()
    footer = SiteLink.objects.in_place(SiteLink.Place.FOOTER)
    if footer.filter(url=url).exists():
        return 0
    last = footer.order_by("-order").values_list("order", flat=True).first() or 0
    link = SiteLink(place=SiteLink.Place.FOOTER, label=label, url=url, order=last + 10, **PUBLISHED)
    link.full_clean()
    with _first_version():
        link.save()
    _date_from_sources(link, page.published_at)
    return 1


@transaction.atomic
def load_demo_content() -> Counter:
    """Create whatever demo content is missing; return how many rows of each kind were new."""
    created = Counter()

    municipalities = {}
    for name, county, organisation in MUNICIPALITIES:
        municipalities[name], new = _get_or_create(
            Municipality,
            {"name": name},
            {"slug": slugify(name), "county": county, "organisation": organisation},
        )
        created["municipalities"] += new

    for data in INITIATIVES:
        data = dict(data)
        tags = data.pop("tags")
        municipality = municipalities[data.pop("municipality")]
        slug = data.pop("slug")
        _, new = _get_or_create(
            Initiative,
            {"slug": slug},
            {**PUBLISHED, **data, "municipality": municipality},
            tags=tags,
        )
        created["initiatives"] += new

    publishers = {}
    for display_name, organisation in PUBLISHERS.items():
        organisation = dict(organisation)
        name = organisation.pop("name")
        existing = Publisher.objects.filter(name__iexact=name).first()
        if existing is None:
            slug = slugify(organisation["short_name"] or name)[:100]
            existing = Publisher(name=name, slug=slug, **organisation)
            existing.full_clean()
            with _first_version():
                existing.save()
            created["publishers"] += 1
        publishers[display_name] = existing

    categories = {category.slug: category for category in Category.objects.all()}
    missing = sorted(set(RESOURCES) - set(categories))
    if missing:
        # The eight categories come from a data migration, never from this loader.
        raise LookupError(f"Categories missing (run migrate first): {', '.join(missing)}")
    for category_slug, entries in RESOURCES.items():
        for data in entries:
            data = dict(data)
            tags = data.pop("tags")
            title = data.pop("title")
            data["publisher"] = publishers[data["publisher"]]
            _, new = _get_or_create(
                Resource,
                {"category": categories[category_slug], "title": title},
                {**PUBLISHED, **data},
                tags=tags,
            )
            created["resources"] += new

    for slug, body in CATEGORY_BODIES.items():
        category = categories[slug]
        # A category's text is written once; an editor's text is never replaced.
        if not category.body:
            category.body = body
            with _first_version():
                category.save()
            # The text comes from the sources the site launched with.
            _date_from_sources(category, LAUNCHED_AT)
            created["category texts"] += 1

    for data in PAGES:
        data = dict(data)
        slug = data.pop("slug")
        footer_label = data.pop("footer_link", None)
        # One revision for a new page and its questions, as when an editor saves both.
        with _first_version():
            page, new = _get_or_create(Page, {"slug": slug}, {**PUBLISHED, **data})
            created["pages"] += new
            # Questions have no key an editor cannot change; seed them only onto a page
            # that has none, so a re-run never duplicates an edited question.
            if not page.questions.exists():
                for question in QUESTIONS.get(slug, []):
                    Question.objects.create(page=page, **question)
                    created["questions"] += 1
        if new and footer_label:
            created["footer links"] += _add_footer_link(footer_label, page)

    return created
