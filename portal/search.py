"""Site search over initiatives, resources, pages and the webinar's questions and answers.

PostgreSQL: every searchable model keeps a `search_vector` (a tsvector built with the
'swedish' configuration, so "socialtjänsten" finds "socialtjänst") with a GIN index. Its
weights follow `SEARCH_FIELDS` on the model: A for titles, B for ingress, tags and sender,
C for body text. The vector is rebuilt by one UPDATE (`refresh_search_vector()`) when a row
is saved, when its tags change and when a related name it includes changes. A visitor's
query goes through websearch_to_tsquery, which accepts any text without raising, is ranked
with ts_rank and highlighted with ts_headline.

SQLite (the embedded default): an FTS5 index of Snowball Swedish stems, kept by the same
calls, ranked with bm25 by the same weights, with the same query syntax and prefix
fallback (portal/search_sqlite.py).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Count, F, OuterRef, StringAgg, Subquery, Value, Window
from django.db.models.functions import Concat
from django.utils.safestring import SafeString, mark_safe

from portal import search_sqlite

CONFIG = "swedish"
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
TAGS = "tags"  # the pseudo-field in SEARCH_FIELDS for django-taggit's tag names

# ts_headline marks matches with these private-use characters. They cannot be HTML, so the
# snippet is escaped first and only then are the markers turned into <mark> elements:
# nothing an editor or a visitor wrote can reach the page as markup.
START_SEL = "\ue000"
STOP_SEL = "\ue001"
MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)
WORD = re.compile(r"[^\W_]+")


# --- The index ---------------------------------------------------------------------------


def is_postgresql(using="default") -> bool:
    return connections[using].vendor == "postgresql"


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; a plain index elsewhere, where `USING gin` is no SQL."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


def _text(model, path):
    """An expression for one entry of SEARCH_FIELDS, usable inside an UPDATE of `model`.

    UPDATE cannot join, so a related name ("municipality__name") and the tag names are
    read through correlated subqueries.
    """
    if path == TAGS:
        through = model._meta.get_field(TAGS).remote_field.through
        names = (
            through.objects.filter(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                object_id=OuterRef("pk"),
            )
            .order_by()
            .values("object_id")
            .annotate(names=StringAgg("tag__name", Value(" ")))
            .values("names")
        )
        return Subquery(names, output_field=models.TextField())
    if "__" in path:
        relation, rest = path.split("__", 1)
        fk = model._meta.get_field(relation)
        related = fk.related_model.objects.filter(pk=OuterRef(fk.attname)).values(rest)[:1]
        return Subquery(related)
    return F(path)


def search_vector_expression(model):
    """The weighted tsvector of one row of `model`, from `model.SEARCH_FIELDS`."""
    vectors = [
        SearchVector(*[_text(model, path) for path in paths], weight=weight, config=CONFIG)
        for weight, paths in model.SEARCH_FIELDS.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


class SearchIndexedQuerySet(models.QuerySet):
    def refresh_search_vector(self) -> int:
        """Reindex every row: one UPDATE of the vector on PostgreSQL, FTS5 rows on SQLite."""
        if not is_postgresql(self.db):
            return search_sqlite.index(self)
        return self.update(search_vector=search_vector_expression(self.model))


class SearchIndexed(models.Model):
    """A model the site search finds. Subclasses set SEARCH_FIELDS and a SearchVectorIndex.

    SEARCH_FIELDS maps a weight ("A", "B", "C") to field names, "relation__field" paths and
    TAGS. The manager's queryset must include SearchIndexedQuerySet.
    """

    SEARCH_FIELDS: dict[str, tuple[str, ...]] = {}

    search_vector = SearchVectorField("sökindex", null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        type(self)._default_manager.filter(pk=self.pk).refresh_search_vector()


# django-taggit sets tags after the row is saved (the admin form's save_m2m, `tags.set()`
# in a loader), so save() alone would index stale tags. These receivers are index upkeep,
# not business logic: they keep derived data in step however the tags were changed.
# PortalConfig.ready() connects them.


def refresh_after_tag_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    if pk_set is not None and not pk_set:
        return  # add() or remove() of nothing new
    if isinstance(instance, SearchIndexed):
        type(instance)._default_manager.filter(pk=instance.pk).refresh_search_vector()


def _tagged_models():
    return [model for model in searchable_models() if TAGS in _all_paths(model)]


def refresh_after_tag_rename(sender, instance, created, **kwargs):
    if not created:
        for model in _tagged_models():
            model._default_manager.filter(tags=instance).refresh_search_vector()


def remember_tagged_before_delete(sender, instance, **kwargs):
    instance._search_tagged = [
        (model, list(model._default_manager.filter(tags=instance).values_list("pk", flat=True)))
        for model in _tagged_models()
    ]


def refresh_after_tag_delete(sender, instance, **kwargs):
    for model, pks in getattr(instance, "_search_tagged", []):
        model._default_manager.filter(pk__in=pks).refresh_search_vector()


def _all_paths(model):
    return [path for paths in model.SEARCH_FIELDS.values() for path in paths]


def searchable_models():
    return [model for model in apps.get_models() if issubclass(model, SearchIndexed)]


def rebuild_index() -> dict[str, int]:
    """Rebuild every search vector; for databases that had content before the index."""
    if not is_postgresql():
        search_sqlite.clear()  # also drops rows of content deleted behind the ORM's back
    return {
        model._meta.label: model._default_manager.all().refresh_search_vector()
        for model in searchable_models()
    }


# --- The query ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanQuery:
    """A visitor's query made safe to search with, and what we did to it."""

    text: str
    truncated: bool = False

    @property
    def has_words(self) -> bool:
        return bool(WORD.search(self.text))


def clean_query(raw: str | None) -> CleanQuery:
    """Drop control characters (PostgreSQL rejects NUL), squeeze spaces, cap the length."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in raw or ""
    )
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return CleanQuery(text)
    return CleanQuery(text[:MAX_QUERY_LENGTH].rstrip(), truncated=True)


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "initiative", "resource", "page" or "question"
    kind_label: str
    title: str
    url: str
    snippet: SafeString
    rank: float


@dataclass
class SearchResults:
    query: str
    results: list[SearchResult] = field(default_factory=list)
    total: int = 0
    # True when no word matched whole and the words were tried as beginnings of words
    # ("schema" finds "schemaläggning"): Swedish compounds make this common.
    prefix_match: bool = False

    def __iter__(self):
        return iter(self.results)

    def __len__(self):
        return len(self.results)

    @property
    def has_more(self) -> bool:
        return self.total > len(self.results)


@dataclass(frozen=True)
class Source:
    """One kind of content the search covers."""

    kind: str
    label: str
    model_label: str
    title_field: str
    snippet_fields: tuple[str, ...]
    select_related: tuple[str, ...] = ()

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def queryset(self):
        queryset = self.model._default_manager.published().defer("search_vector")
        if self.select_related:  # select_related() without names would follow every FK
            queryset = queryset.select_related(*self.select_related)
        return queryset


SOURCES = (
    Source(
        "initiative",
        "AI-initiativ",
        "initiatives.Initiative",
        "title",
        (
            "ingress",
            "body",
            "goals",
            "implementation",
            "technology",
            "law_and_ethics",
            "lessons_learned",
        ),
    ),
    Source(
        "resource",
        "Stöd och verktyg",
        "resources.Resource",
        "title",
        ("description",),
        ("category",),
    ),
    Source("page", "Sida", "portal.Page", "title", ("ingress", "body")),
    Source("question", "Fråga och svar", "portal.Question", "question", ("answer",), ("page",)),
)


def search(query: str, *, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """Published content matching `query`, best first, at most `limit` results.

    Runs one query per kind of content, however many results there are.
    """
    cleaned = clean_query(query)
    if not cleaned.has_words:
        return SearchResults(query=cleaned.text)
    if not is_postgresql():
        return _sqlite_search(cleaned.text, limit)

    websearch = SearchQuery(cleaned.text, search_type="websearch", config=CONFIG)
    results = _merge(cleaned.text, [_pg_search(s, websearch, limit) for s in SOURCES], limit)
    if results.total == 0:
        # Every word as the start of a word; only letters and digits reach the raw tsquery.
        words = WORD.findall(cleaned.text)[:10]
        prefix = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config=CONFIG)
        results = _merge(cleaned.text, [_pg_search(s, prefix, limit) for s in SOURCES], limit)
        results.prefix_match = results.total > 0
    return results


def _merge(text, per_source, limit) -> SearchResults:
    found = [result for results, _ in per_source for result in results]
    found.sort(key=lambda r: -r.rank)  # stable: ties keep the order of SOURCES
    return SearchResults(query=text, results=found[:limit], total=sum(t for _, t in per_source))


def _pg_search(source, query, limit):
    parts = [part for name in source.snippet_fields for part in (F(name), Value(" \n "))][:-1]
    document = Concat(*parts, output_field=models.TextField()) if len(parts) > 1 else parts[0]
    rows = list(
        source.queryset()
        .filter(search_vector=query)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            headline=SearchHeadline(
                document,
                query,
                config=CONFIG,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
            total=Window(Count("pk")),
        )
        .order_by("-rank", source.title_field)[:limit]
    )
    results = [_result(source, row, highlight_markers(row.headline)) for row in rows]
    return results, (rows[0].total if rows else 0)


def _result(source, row, snippet):
    return SearchResult(
        kind=source.kind,
        kind_label=source.label,
        title=getattr(row, source.title_field),
        url=row.get_absolute_url(),
        snippet=snippet,
        rank=float(row.rank),
    )


def _sqlite_search(text, limit):
    """The same search on SQLite's FTS5 index; words as beginnings when none matched whole."""
    by_label = {source.model_label: source for source in SOURCES}
    querysets = {label: source.queryset() for label, source in by_label.items()}
    results = SearchResults(query=text)
    exact = search_sqlite.Match.parse(text)
    if exact is None:  # only stop words or excluded words: nothing to look for
        return results
    for match in (exact, search_sqlite.Match.prefixes(text)):
        found, totals = search_sqlite.find(match, querysets, limit)
        results.total = sum(totals.values())
        if results.total:
            results.prefix_match = match.prefix
            for label, row, rank in found:
                source = by_label[label]
                texts = [plain(getattr(row, name)) for name in source.snippet_fields]
                row.rank = rank
                results.results.append(_result(source, row, search_sqlite.snippet(texts, match)))
            break
    return results


# --- Snippets ----------------------------------------------------------------------------

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Also the halves of a link that a headline fragment cut in two: "[Läs" or "](https://…)".
MARKDOWN_SYNTAX = re.compile(r"\]\(\S*\)?|(^|\s)(#{1,6}|>)\s|[*_`|\[\]]{1,3}")


def plain(text: str) -> str:
    """Markdown as the plain words a snippet shows: no link targets, no syntax."""
    text = MARKDOWN_LINK.sub(r"\1", text or "")
    text = MARKDOWN_SYNTAX.sub(" ", text)
    return " ".join(text.split())


def highlight_markers(headline: str) -> SafeString:
    """Escape a ts_headline result, then turn its markers into <mark>."""
    html = escape(plain(headline), quote=True)
    html = MARKED.sub(r"<mark>\1</mark>", html)
    return mark_safe(html.replace(START_SEL, "").replace(STOP_SEL, ""))
