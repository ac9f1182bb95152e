"""The kinds of content the site publishes, each declared once, on its own model.

A content type states what the site needs to know about it in one class attribute,
the way Wagtail page models carry `search_fields`:

    class Initiative(SearchIndexed, Publishable):
        PUBLISHING = Declaration(
            url_name="initiatives:detail",
            search=SearchResults(kind="initiative", label="AI-initiativ", ...),
            link_fields=("source_url",),
            in_review_queue=True,
            ...
        )

Everything that spans content types (search, the sitemap, open data, link checking, the
review queue, version history and feedback per version, the page cache's invalidation, the
editorial roles) asks this module instead of keeping a list of its own. A new content type
therefore needs its model, this declaration, an admin and a template: nothing else is
edited. The declarations are read from Django's app registry at run time.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from django.apps import apps
from django.db import models
from django.urls import Resolver404, ResolverMatch, get_resolver, resolve
from django.utils.module_loading import import_string

from publishing.models import Publishable


@dataclass(frozen=True)
class SearchResults:
    """How the site search shows this content type's hits."""

    kind: str  # a stable identifier for templates and tests: "initiative"
    label: str  # what the result says it is: "AI-initiativ"
    title_field: str = "title"
    snippet_fields: tuple[str, ...] = ()  # the text a highlighted snippet is cut from
    select_related: tuple[str, ...] = ()  # what get_absolute_url() needs
    # The fields get_absolute_url() reads ("category__slug" through select_related): a hit
    # is read with these and its title only, not with every long text the snippet is cut
    # from (the database cuts the snippet).
    url_fields: tuple[str, ...] = ("slug",)
    # A field holding the language of the title ("en"), if titles may be in another
    # language than the site's: the result's title is then marked with lang="…".
    language_field: str | None = None


@dataclass(frozen=True)
class SitemapEntry:
    changefreq: str = "monthly"
    priority: float = 0.5
    # The rows listed and their last change; default: published rows and `updated_at`.
    items: Callable[[], models.QuerySet] | None = None
    lastmod: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Declaration:
    """What the site needs to know about one content type."""

    # The URL name of the content's own public page, found by its `slug` keyword argument.
    # None for content shown on another type's page (a resource on its category's page).
    url_name: str | None = None
    search: SearchResults | None = None
    # URL fields and Markdown fields whose external links `manage.py check_links` checks.
    # A URL field's link is shown through the site's counted outbound address.
    link_fields: tuple[str, ...] = ()
    # What analysts group this content's outbound clicks by (fields or foreign keys, shown
    # by their text): ("category", "sender") counts clicks per category and per sender.
    click_groups: tuple[str, ...] = ()
    markdown_fields: tuple[str, ...] = ()
    # Listed in "Innehåll att granska" (needs the review date of `Publishable`).
    in_review_queue: bool = False
    sitemap: SitemapEntry | None = None
    # Dotted path to the content type's `publishing.opendata.Dataset`, imported when used.
    open_data: str | None = None
    # Visitors' answers to "Hjälpte denna information dig?" on the content's own page are
    # counted per saved version on its history page. Needs `url_name`.
    feedback_per_version: bool = False
    # Models edited together with this one ("app_label.Model"): editors get the same rights.
    parts: tuple[str, ...] = ()
    # A film library: the field holding the id a page marks a film with
    # (`<video data-film-id>`); plays are counted for the published rows' ids only.
    film_id_field: str | None = None


@dataclass(frozen=True)
class ContentKind:
    """A declared model, with the questions the rest of the site asks about it."""

    model: type[models.Model]
    declaration: Declaration = field(repr=False)

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    def published(self) -> models.QuerySet:
        return self.model._default_manager.published()

    @cached_property
    def part_models(self) -> list[type[models.Model]]:
        return [apps.get_model(label) for label in self.declaration.parts]

    @cached_property
    def dataset(self):
        path = self.declaration.open_data
        return import_string(path) if path else None

    # Search.

    @property
    def kind(self) -> str:
        return self.declaration.search.kind

    @property
    def search_label(self) -> str:
        return self.declaration.search.label

    @property
    def title_field(self) -> str:
        return self.declaration.search.title_field

    @property
    def language_field(self) -> str | None:
        return self.declaration.search.language_field

    @property
    def snippet_fields(self) -> tuple[str, ...]:
        return self.declaration.search.snippet_fields

    @property
    def result_fields(self) -> tuple[str, ...]:
        """What a search result reads from a hit: its title, language and address."""
        language = (self.language_field,) if self.language_field else ()
        return (self.title_field, *language, *self.declaration.search.url_fields)

    def search_queryset(self) -> models.QuerySet:
        queryset = self.published().defer("search_vector")
        related = self.declaration.search.select_related
        if related:  # select_related() without names would follow every foreign key
            queryset = queryset.select_related(*related)
        return queryset

    # Sitemap.

    def sitemap_items(self):
        entry = self.declaration.sitemap
        return entry.items() if entry.items else self.published().order_by("pk")

    def sitemap_lastmod(self, obj):
        entry = self.declaration.sitemap
        return entry.lastmod(obj) if entry.lastmod else obj.updated_at


def content_types() -> tuple[ContentKind, ...]:
    """Every declared content type, in the order of INSTALLED_APPS and of their models."""
    return _content_types(tuple(apps.get_models()))


@cache
def _content_types(models_: tuple[type[models.Model], ...]) -> tuple[ContentKind, ...]:
    # Asked on every request (visitor pages, feedback, the page cache): found once per set
    # of installed models, so each kind's looked-up parts and dataset are kept too.
    return tuple(
        ContentKind(model, model.PUBLISHING)
        for model in models_
        if isinstance(getattr(model, "PUBLISHING", None), Declaration)
    )


def get(model: type[models.Model]) -> ContentKind | None:
    declaration = getattr(model, "PUBLISHING", None)
    return ContentKind(model, declaration) if isinstance(declaration, Declaration) else None


def publishable() -> list[ContentKind]:
    """Content types with a publication state: drafts, schedules, review dates."""
    return [ct for ct in content_types() if issubclass(ct.model, Publishable)]


def searched() -> list[ContentKind]:
    return [ct for ct in content_types() if ct.declaration.search]


def with_links() -> list[ContentKind]:
    return [
        ct for ct in content_types() if ct.declaration.link_fields or ct.declaration.markdown_fields
    ]


def in_review_queue() -> list[ContentKind]:
    return [ct for ct in content_types() if ct.declaration.in_review_queue]


def in_sitemap() -> list[ContentKind]:
    return [ct for ct in content_types() if ct.declaration.sitemap]


def datasets() -> list:
    return [ct.dataset for ct in content_types() if ct.declaration.open_data]


def with_link_fields() -> list[ContentKind]:
    """Content types whose URL fields link out (the counted outbound addresses)."""
    return [ct for ct in content_types() if ct.declaration.link_fields]


def by_label(label: str) -> ContentKind | None:
    """The declared content type "app_label.model_name", if there is one."""
    for ct in content_types():
        if ct.label == label:
            return ct
    return None


def with_own_page() -> list[ContentKind]:
    return [ct for ct in content_types() if ct.declaration.url_name]


def counts_feedback_per_version(model: type[models.Model]) -> bool:
    ct = get(model)
    return bool(ct and ct.declaration.feedback_per_version and ct.declaration.url_name)


def film_ids() -> set[str]:
    """The ids (lower case) of every published film, whichever content type holds films."""
    ids = set()
    for ct in content_types():
        field = ct.declaration.film_id_field
        if field:
            ids.update(value.lower() for value in ct.published().values_list(field, flat=True))
    return ids


def content_app_labels() -> set[str]:
    """The apps whose rows a visitor's page may show: declared types and their parts."""
    labels = set()
    for ct in content_types():
        labels.add(ct.model._meta.app_label)
        labels.update(part._meta.app_label for part in ct.part_models)
    return labels


# --- Public addresses ------------------------------------------------------------------------


def content_type_at(path: str) -> tuple[ContentKind, str] | None:
    """The content type whose own page `path` is, and the slug in it; no database query."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if "slug" not in match.kwargs:
        return None
    for ct in with_own_page():
        if ct.declaration.url_name == match.view_name:
            return ct, match.kwargs["slug"]
    return None


def resolved(path_info: str, urlconf=None) -> ResolverMatch:
    """resolve(), remembered per address: a page served from the page cache is resolved
    over and over for the same few addresses (its query parameters, whether it counts as
    a view). Raises Resolver404 as resolve() does; an address that resolves to nothing is
    not remembered, so made-up addresses cannot fill the memo."""
    return _resolved(get_resolver(urlconf), path_info)


@lru_cache(maxsize=1024)
def _resolved(resolver, path_info: str) -> ResolverMatch:
    # Keyed on the resolver itself, which Django replaces when the URLconf changes.
    return resolver.resolve(path_info)


# --- Visitor pages ---------------------------------------------------------------------------
# The HTML pages visitors see are the only ones that take feedback and count views; anything
# else an address resolves to (open-data files, robots.txt, feeds, the sitemap, the feedback
# endpoints) is not a page. A view says it is one: the publishing view bases do so for every
# content page, a function view with `@visitor_page`.


def visitor_page(
    view=None,
    *,
    exists: Callable[..., bool] | None = None,
    query_params: tuple[str, ...] = (),
    title: str | Callable[[list[dict]], list[str | None]] | None = None,
    section: str | None = None,
):
    """Mark a function view as an HTML page visitors see.

    `exists(**url_kwargs)`, for a page that shows one thing without being a content type's
    own page (a tag page), tells whether it exists for visitors right now. `query_params`
    names the parameters the page reads (the search page's `q`): the page cache keys on
    those and no others. `title` and `section` name the page in analysts' statistics
    (`describe_pages`): `title` is text, or for a page that shows one thing a function
    taking many pages' URL arguments and returning their titles in one go (tag pages).
    """

    def decorate(view):
        view.visitor_page = True
        view.page_exists = exists
        view.query_params = frozenset(query_params)
        view.page_title = title
        view.page_section = section
        return view

    return decorate(view) if view is not None else decorate


def query_params(match: ResolverMatch) -> frozenset[str]:
    """The query parameters the page at `match` reads; any other changes nothing on it."""
    view_class = getattr(match.func, "view_class", None)
    if view_class is not None and hasattr(view_class, "read_query_params"):
        return frozenset(view_class.read_query_params())
    return getattr(match.func, "query_params", frozenset())


def is_visitor_page(match: ResolverMatch) -> bool:
    view_class = getattr(match.func, "view_class", None)
    return bool(
        getattr(match.func, "visitor_page", False) or getattr(view_class, "visitor_page", False)
    )


def visible_page_exists(match: ResolverMatch) -> bool:
    """Whether a resolved address is a visitor page showing something visible right now.

    Content pages exist when their object is published; pages with an `exists` check ask
    it; any other visitor page (lists, the start page) exists whenever it resolves.
    """
    if not is_visitor_page(match):
        return False
    for ct in with_own_page():
        if ct.declaration.url_name == match.view_name:
            return ct.published().filter(slug=match.kwargs.get("slug")).exists()
    check = getattr(match.func, "page_exists", None)
    return check(**match.kwargs) if check else True


# --- Pages by name, for analysts ----------------------------------------------------------------


@dataclass(frozen=True)
class PageDescription:
    title: str  # what the page is called: the content's title, the list's name
    section: str | None  # the part of the site it belongs to ("AI-initiativ"), None: other


def _section(match: ResolverMatch) -> str | None:
    """A page's section is the first step of its breadcrumb trail, or the list it is."""
    view_class = getattr(match.func, "view_class", None)
    if view_class is None:
        return getattr(match.func, "page_section", None)
    parents = getattr(view_class, "parent_breadcrumbs", ())
    return parents[0][0] if parents else (getattr(view_class, "title", "") or None)


def _title_fields(ct: ContentKind) -> str | None:
    if ct.declaration.search:
        return ct.title_field
    names = {f.name for f in ct.model._meta.concrete_fields}
    return next((name for name in ("title", "name") if name in names), None)


def display_title(obj) -> str:
    """What an item of a declared content type is called: its title field, or its text."""
    ct = get(type(obj))
    field_name = _title_fields(ct) if ct else None
    return str(getattr(obj, field_name)) if field_name else str(obj)


def describe_pages(paths) -> dict[str, PageDescription]:
    """Title and section of each visitor page address (one query per content type).

    Content pages are named by their content (unpublished content too: its statistics
    stay, deleted content gets no title), lists and other pages by what their view declares;
    an address that no longer resolves to a visitor page is left out.
    """
    described: dict[str, PageDescription] = {}
    slugs: dict[ContentKind, dict[str, list[str]]] = {}
    asked: dict[Callable, list[tuple[str, dict]]] = {}
    own_pages = {ct.declaration.url_name: ct for ct in with_own_page()}
    for path in paths:
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if not is_visitor_page(match):
            continue
        section = _section(match)
        ct = own_pages.get(match.view_name)
        if ct is not None and "slug" in match.kwargs:
            slugs.setdefault(ct, {}).setdefault(match.kwargs["slug"], []).append(path)
            described[path] = PageDescription(match.kwargs["slug"], section)
            continue
        view_class = getattr(match.func, "view_class", None)
        title = getattr(view_class, "title", None) or getattr(match.func, "page_title", None)
        if callable(title):
            asked.setdefault(title, []).append((path, match.kwargs))
            title = None
        described[path] = PageDescription(title or path, section)
    for titles, pages in asked.items():  # one call for all the pages of one kind
        for (path, _), title in zip(pages, titles([kwargs for _, kwargs in pages]), strict=True):
            described[path] = PageDescription(title or path, described[path].section)
    for ct, by_slug in slugs.items():
        field_name = _title_fields(ct)
        queryset = ct.model._default_manager.filter(slug__in=list(by_slug))
        if field_name:
            names = dict(queryset.values_list("slug", field_name))
        else:
            names = {obj.slug: str(obj) for obj in queryset}
        for slug, paths_ in by_slug.items():
            for path in paths_:
                # Content deleted since: no title, the address alone names it.
                described[path] = PageDescription(names.get(slug, ""), described[path].section)
    return described
