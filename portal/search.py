"""Site search over every content type that declares search results (publishing.registry).

PostgreSQL: the query goes through websearch_to_tsquery, which accepts any text without
raising, against the search vectors publishing/search.py keeps; it is ranked with ts_rank
and highlighted with ts_headline.

SQLite (the embedded default): the FTS5 index of Snowball Swedish stems that
publishing/search_sqlite.py keeps, ranked with bm25 by the same weights, with the same
query syntax and prefix fallback.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, F, Func, Value, Window
from django.utils.safestring import SafeString, mark_safe

from portal import sitefacts
from publishing import generation, registry, search_sqlite
from publishing.markdown import EMBED_RE
from publishing.search import CONFIG, is_postgresql

MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50

# ts_headline marks matches with these private-use characters. They cannot be HTML, so the
# snippet is escaped first and only then are the markers turned into <mark> elements:
# nothing an editor or a visitor wrote can reach the page as markup.
START_SEL = "\ue000"
STOP_SEL = "\ue001"
MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)
WORD = re.compile(r"[^\W_]+")


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
    language: str = ""  # the title's language where the content type records one ("en")


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


def search(query: str, *, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """Published content matching `query`, best first, at most `limit` results.

    Runs one query per kind of content, however many results there are. The answer depends
    only on published content, so it is remembered per content generation in this process
    (publishing/generation.py): a popular search costs its queries once per change.
    """
    cleaned = clean_query(query)
    if not cleaned.has_words:
        return SearchResults(query=cleaned.text)
    return generation.remember(f"search:{limit}:{cleaned.text}", lambda: _search(cleaned, limit))


def _search(cleaned: CleanQuery, limit: int) -> SearchResults:
    if not is_postgresql():
        return _sqlite_search(cleaned.text, limit)

    websearch = SearchQuery(cleaned.text, search_type="websearch", config=CONFIG)
    results = _merge(
        cleaned.text, [_pg_search(s, websearch, limit) for s in registry.searched()], limit
    )
    if results.total == 0:
        # Every word as the start of a word; only letters and digits reach the raw tsquery.
        words = WORD.findall(cleaned.text)[:10]
        prefix = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config=CONFIG)
        results = _merge(
            cleaned.text, [_pg_search(s, prefix, limit) for s in registry.searched()], limit
        )
        results.prefix_match = results.total > 0
    return results


def _merge(text, per_source, limit) -> SearchResults:
    found = [result for results, _ in per_source for result in results]
    found.sort(key=lambda r: -r.rank)  # stable: ties keep the registry's order
    return SearchResults(query=text, results=found[:limit], total=sum(t for _, t in per_source))


def _pg_search(source, query, limit):
    parts = [part for name in source.snippet_fields for part in (F(name), Value(" \n "))][:-1]
    # One CONCAT() rather than Django's Concat, which nests a pair of COALESCEs per part:
    # the same text (CONCAT() reads NULL as ''), at a fraction of the cost of compiling a
    # fifteen-part tree for every query.
    document = (
        Func(*parts, function="CONCAT", output_field=models.TextField())
        if len(parts) > 1
        else parts[0]
    )
    rows = list(
        source.search_queryset()
        .only(*source.result_fields)
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
        # The primary key last: hits that tie (one resource in two categories) keep an order.
        .order_by("-rank", source.title_field, "pk")[:limit]
    )
    results = [_result(source, row, highlight_markers(row.headline)) for row in rows]
    return results, (rows[0].total if rows else 0)


def _result(source, row, snippet):
    return SearchResult(
        kind=source.kind,
        kind_label=source.search_label,
        title=getattr(row, source.title_field),
        url=row.get_absolute_url(),
        snippet=sitefacts.fill_snippet(snippet),
        rank=float(row.rank),
        language=getattr(row, source.language_field) if source.language_field else "",
    )


def _sqlite_search(text, limit):
    """The same search on SQLite's FTS5 index; words as beginnings when none matched whole."""
    by_label = {source.model._meta.label: source for source in registry.searched()}
    querysets = {label: source.search_queryset() for label, source in by_label.items()}
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
    text = EMBED_RE.sub(" ", sitefacts.fill_text(text or ""))  # [[bild:12]]: library codes
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = MARKDOWN_SYNTAX.sub(" ", text)
    return " ".join(text.split())


def highlight_markers(headline: str) -> SafeString:
    """Escape a ts_headline result, then turn its markers into <mark>."""
    html = escape(plain(headline), quote=True)
    html = MARKED.sub(r"<mark>\1</mark>", html)
    return mark_safe(html.replace(START_SEL, "").replace(STOP_SEL, ""))
