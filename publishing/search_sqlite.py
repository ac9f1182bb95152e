"""Swedish full-text search on SQLite: an FTS5 index of Snowball stems.

The embedded default (SQLite) should find what the production site (PostgreSQL with the
'swedish' configuration) finds. FTS5 has no Swedish tokenizer, so Python does the language
work on both sides: every word is lowercased, PostgreSQL's Swedish stop words are dropped
and the rest stemmed with the Snowball Swedish stemmer, both before a row is indexed and
before a visitor's query runs. "socialtjänsten", "chattbotar" and "kommunens" become
"socialtjänst", "chattbot" and "kommun".

One table holds a row per searchable object of every model: the model's label, its
primary key and one column of stems per weight of SEARCH_FIELDS (A titles … D); an FTS5
index over it (external content, kept in step by triggers) does the matching. bm25 ranks
with the weights ts_rank gives A–D; snippets are cut from the original text in Python and
mark the words whose stem the query asked for. Migration publishing 0002 creates both tables.
"""

import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django.db import connections
from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

DOCUMENTS = "publishing_search_document"
FTS = "publishing_search_fts"
# ts_rank's default weights for A, B, C and D, so ranks order as on PostgreSQL.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
COLUMNS = {weight: weight.lower() for weight in WEIGHTS}
WORD = re.compile(r"[^\W_]+")
# Addresses are not words: PostgreSQL's parser keeps a URL or path as one token, so neither
# database should find "digitala tolken" in the link target /ai-initiativ/digitala-tolken/.
ADDRESS = re.compile(r"\]\([^)\s]*\)|\b(?:https?://|www\.)\S+")
MAX_TERMS = 10

# PostgreSQL's Swedish stop list (src/backend/snowball/stopwords/swedish.stop, Snowball's),
# so a query such as "hjälp med schema" needs the same words on both databases.
STOP_WORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
    något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
    någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
    blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom
    mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra
    ert era vilkas
    """.split()  # noqa: SIM905 - reads like the list it copies
)

# A Snowball stemmer keeps the word it works on in its own state: one per thread.
_local = threading.local()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Swedish stem of one lowercased word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer  # only the SQLite search stems: PostgreSQL's workers never load it

        stemmer = _local.stemmer = snowballstemmer.stemmer("swedish")
    return stemmer.stemWord(word)


def terms(text: str | None) -> list[str]:
    """The stems of `text`'s words in order, stop words left out."""
    words = (word.lower() for word in WORD.findall(text or ""))
    return [stem(word) for word in words if word not in STOP_WORDS]


# --- The index ---------------------------------------------------------------------------


# One row per object; saving an object again replaces its row (the triggers update FTS5).
UPSERT = (
    f"INSERT INTO {DOCUMENTS} (model, object_id, {', '.join(COLUMNS.values())}) "
    f"VALUES (%s, %s, {', '.join(['%s'] * len(COLUMNS))}) "
    "ON CONFLICT (model, object_id) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS.values())
)


def index(queryset) -> int:
    """(Re)index every row of `queryset` from its model's SEARCH_FIELDS; the row count."""
    model = queryset.model
    queryset = queryset.order_by()
    paths = [path for group in model.SEARCH_FIELDS.values() for path in group]
    # Tags: the names of the related objects, read by one query per many-to-many entry.
    many = [p for p in paths if "__" not in p and model._meta.get_field(p).many_to_many]
    single = [p for p in paths if p not in many]

    documents = {
        row[0]: dict(zip(single, row[1:], strict=True))
        for row in queryset.values_list("pk", *single)
    }
    for path in many:
        for document in documents.values():
            document[path] = ""
        for pk, name in queryset.values_list("pk", f"{path}__name"):
            if name:
                documents[pk][path] += f" {name}"

    rows = []
    for pk, document in documents.items():
        columns = dict.fromkeys(COLUMNS.values(), "")
        for weight, group in model.SEARCH_FIELDS.items():
            text = ADDRESS.sub(" ", " ".join(document[path] or "" for path in group))
            columns[COLUMNS[weight]] = " ".join(terms(text))
        rows.append((model._meta.label, pk, *columns.values()))
    with connections[queryset.db].cursor() as cursor:
        cursor.executemany(UPSERT, rows)
    return len(rows)


def forget_deleted(sender, instance, using, **kwargs):
    """post_delete receiver: a deleted row leaves the index (PortalConfig.ready connects it)."""
    if connections[using].vendor == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {DOCUMENTS} WHERE model = %s AND object_id = %s",
                [sender._meta.label, instance.pk],
            )


def clear(using="default"):
    """Empty the index, so a rebuild leaves no rows behind for content deleted with raw SQL."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {DOCUMENTS}")


# --- The query ---------------------------------------------------------------------------

# A chunk of the visitor's text: an optionally negated "quoted phrase", or a run of
# non-space characters (optionally negated) such as a word or "AI-förordningen".
CHUNK = re.compile(r'(?P<neg>-*)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class Match:
    """A visitor's query as an FTS5 expression over stems, and the stems to highlight."""

    expression: str
    stems: frozenset[str]
    prefix: bool = False

    @classmethod
    def parse(cls, text: str) -> "Match | None":
        """websearch_to_tsquery's syntax: words (all must match), "a phrase", or, -word."""
        groups, group, count = [], ([], []), 0
        for chunk in CHUNK.finditer(text):
            if chunk["word"] is not None and chunk["word"].lower() == "or" and not chunk["neg"]:
                groups.append(group)
                group = ([], [])
                continue
            # Words joined by punctuation ("AI-förordningen") must follow each other too.
            stems = terms(chunk["phrase"] if chunk["phrase"] is not None else chunk["word"])
            if not stems or count >= MAX_TERMS:
                continue
            count += 1
            group[1 if chunk["neg"] else 0].append(stems)
        groups.append(group)

        expressions, highlighted = [], set()
        for positive, negative in groups:
            if not positive:
                continue  # "-word" alone: FTS5 cannot list what lacks a word
            expression = " AND ".join(_phrase(stems) for stems in positive)
            if negative:
                expression = f"({expression}) NOT ({' OR '.join(map(_phrase, negative))})"
            expressions.append(f"({expression})")
            highlighted.update(stem for stems in positive for stem in stems)
        if not expressions:
            return None
        return cls(" OR ".join(expressions), frozenset(highlighted))

    @classmethod
    def prefixes(cls, text: str) -> "Match | None":
        """Every word as the beginning of a word: "schema" finds "schemaläggning"."""
        stems = terms(text)[:MAX_TERMS]
        if not stems:
            return None
        return cls(" AND ".join(f"{_phrase([s])}*" for s in stems), frozenset(stems), True)

    def highlights(self, word: str) -> bool:
        """Whether the query asked for `word` (any form of it)."""
        word = word.lower()
        if word in STOP_WORDS:
            return False
        found = stem(word)
        if self.prefix:
            return any(found.startswith(s) for s in self.stems)
        return found in self.stems


def _phrase(stems):
    # Stems hold letters and digits only; doubling quotes keeps that true whatever changes.
    return '"' + " ".join(stems).replace('"', '""') + '"'


def find(match: Match, querysets: dict[str, QuerySet], limit: int):
    """The `limit` best rows of `querysets` (by model label) that `match`, and counts per label.

    One query ranks every match that the given querysets select (the published rows), then
    one query per label fetches its rows among the best.
    """
    weights = ", ".join(str(WEIGHTS[weight]) for weight in COLUMNS)
    conditions, params = [], [match.expression]
    for label, queryset in querysets.items():
        published = queryset.order_by().values("pk")
        sql, sub_params = published.query.get_compiler(using=published.db).as_sql()
        conditions.append(f"(document.model = %s AND document.object_id IN ({sql}))")
        params += [label, *sub_params]
    using = next(iter(querysets.values())).db
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT document.model, document.object_id, -bm25({FTS}, {weights}) "
            f"FROM {FTS} JOIN {DOCUMENTS} AS document ON document.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND ({' OR '.join(conditions)})",
            params,
        )
        hits = cursor.fetchall()

    totals = dict.fromkeys(querysets, 0)
    for label, _, _ in hits:
        totals[label] += 1
    order = list(querysets)
    hits.sort(key=lambda hit: (-hit[2], order.index(hit[0]), hit[1]))
    best = hits[:limit]
    rows = {}
    for label, queryset in querysets.items():
        pks = [pk for hit_label, pk, _ in best if hit_label == label]
        if pks:
            rows[label] = queryset.in_bulk(pks)
    found = [
        (label, rows[label][pk], rank)
        for label, pk, rank in best
        if pk in rows[label]  # unless unpublished or deleted in between
    ]
    return found, totals


# --- Snippets ----------------------------------------------------------------------------


def snippet(texts, match: Match, width=220) -> SafeString:
    """Plain text where most of the asked-for words meet, those words in <mark>.

    Each piece of text is escaped on its own and only <mark> is added, so nothing an editor
    or a visitor wrote can reach the page as markup.
    """
    texts = [text for text in texts if text and text.strip()]
    if not texts:
        return mark_safe("")
    text, anchor, best = texts[0], 0, 0
    for candidate in texts:
        position, covered = _densest(candidate, match, width * 2 // 3)
        if covered > best:
            text, anchor, best = candidate, position, covered
    # Begin and end on whole words, the first asked-for word a third into the excerpt.
    start, end = max(0, anchor - width // 3), max(0, anchor - width // 3) + width
    if start > 0 and (space := text.find(" ", start, anchor)) != -1:
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", anchor, end)) != -1:
        end = space
    excerpt = text[start:end]

    pieces, position = [], 0
    for word in WORD.finditer(excerpt):
        if match.highlights(word[0]):
            pieces.append(escape(excerpt[position : word.start()], quote=True))
            pieces.append(f"<mark>{escape(word[0], quote=True)}</mark>")
            position = word.end()
    pieces.append(escape(excerpt[position:], quote=True))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces).strip() + suffix)


def _densest(text, match, span):
    """The first place where `span` characters of `text` hold the most asked-for stems."""
    found = [
        (word.start(), stem(word[0].lower()))
        for word in WORD.finditer(text)
        if match.highlights(word[0])
    ]
    best_position, best, counts, end = 0, 0, Counter(), 0
    for position, found_stem in found:  # a window from each found word on
        while end < len(found) and found[end][0] < position + span:
            counts[found[end][1]] += 1
            end += 1
        if len(counts) > best:
            best_position, best = position, len(counts)
        counts[found_stem] -= 1
        if not counts[found_stem]:
            del counts[found_stem]
    return best_position, best
