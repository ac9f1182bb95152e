"""Filters with counts ("facets") for list pages, kept in the query string.

Each facet is one GET parameter that may be given several times (?fas=test&fas=i_drift).
Values within a facet are alternatives (OR); facets combine (AND). Each option shows how
many results it would give together with the other facets' current choices: one
aggregate query per facet, whatever the number of options or results. Plain GET forms,
so the state is shareable and everything works without JavaScript.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Q

from publishing import generation
from publishing.params import clean_values

# Options beyond this many hide behind "Visa fler" (a <details>, no JavaScript needed).
VISIBLE_OPTIONS = 10
MAX_VALUES = 50  # per facet: a longer list in a URL is not a visitor's choice
MAX_VALUE_LENGTH = 200  # longer than any slug or label an option can have
# Counts for a combination of choices are remembered per generation when its key is at most
# this long: any real visitor's few choices, never a crafted list of fifty long values.
MAX_MEMO_KEY = 300

SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """Sort as a Swedish reader expects: å, ä, ö after z."""
    return (text or "").casefold().translate(SWEDISH_ORDER)


@dataclass(frozen=True)
class Facet:
    param: str  # the GET parameter, Swedish and ASCII: "fas", "amne"
    legend: str
    lookup: str  # the field path whose values are the options
    choices: tuple[tuple[str, str], ...] | None = None  # fixed options, shown in this order
    label_lookup: str | None = None  # where a data-driven option gets its label
    sort_lookup: str | None = None  # how data-driven options are ordered (else by label)
    show_empty: bool = True  # list fixed options that would give nothing
    many: bool = False  # the lookup crosses a many-valued relation (tags)

    def condition(self, model, values) -> Q:
        if self.many:
            # A subquery instead of a join: an item with two chosen tags is still one row.
            matching = model._default_manager.filter(**{f"{self.lookup}__in": values})
            return Q(pk__in=matching.values("pk"))
        return Q(**{f"{self.lookup}__in": values})


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool
    html_id: str


@dataclass(frozen=True)
class FacetGroup:
    facet: Facet
    options: list[Option]

    @property
    def visible_options(self):
        return self.options[:VISIBLE_OPTIONS]

    @property
    def more_options(self):
        return self.options[VISIBLE_OPTIONS:]

    @property
    def more_open(self):
        return any(option.selected for option in self.more_options)


@dataclass(frozen=True)
class ActiveFilter:
    legend: str
    label: str
    remove_query: str  # the query string without this choice


class Filters:
    """The facets of one list page, applied to `queryset` from the request's GET data."""

    def __init__(self, queryset, facets, params, memo_key=""):
        """`memo_key` names the list, when its counts may be remembered per generation."""
        self.queryset = queryset
        self.memo_key = memo_key
        self.facets = facets
        self.params = params
        self.selected: dict[str, list[str]] = {}
        for facet in facets:
            values = clean_values(
                params, facet.param, max_values=MAX_VALUES, max_length=MAX_VALUE_LENGTH
            )
            if facet.choices is not None:
                known = {value for value, _ in facet.choices}
                values = [v for v in values if v in known]  # stale or made-up values
            if values:
                self.selected[facet.param] = values

    @property
    def is_active(self) -> bool:
        return bool(self.selected)

    def _filtered(self, *, leave_out=None):
        queryset = self.queryset
        for facet in self.facets:
            if facet.param != leave_out and facet.param in self.selected:
                queryset = queryset.filter(
                    facet.condition(queryset.model, self.selected[facet.param])
                )
        return queryset

    def results(self):
        return self._filtered()

    @cached_property
    def cache_key(self) -> str | None:
        """What the counts and the filter form depend on besides published content.

        None when they may not be remembered: no memo key given, or a crafted address
        whose choices would take up memory.
        """
        if not self.memo_key:
            return None
        choices = sorted((param, sorted(values)) for param, values in self.selected.items())
        key = f"{self.memo_key}:{choices}"
        return key if len(key) <= MAX_MEMO_KEY else None

    @cached_property
    def count(self) -> int:
        """How many results the current choices give: remembered like the options' counts."""
        if self.cache_key is None:
            return self.results().count()
        return generation.remember(f"{self.cache_key}:count", lambda: self.results().count())

    @cached_property
    def groups(self) -> list[FacetGroup]:
        if self.cache_key is None:
            return self._groups()
        return generation.remember(self.cache_key, self._groups)

    def _groups(self) -> list[FacetGroup]:
        return [self._group(facet) for facet in self.facets]

    def _group(self, facet) -> FacetGroup:
        paths = [facet.lookup, facet.label_lookup, facet.sort_lookup]
        paths = list(dict.fromkeys(p for p in paths if p))
        rows = (
            self._filtered(leave_out=facet.param)
            .order_by()
            .values(*paths)
            .annotate(n=Count("pk", distinct=True))
        )
        counts, labels, sort_keys = {}, {}, {}
        for row in rows:
            value = row[facet.lookup]
            if value is None:
                continue
            value = str(value)
            counts[value] = row["n"]
            labels[value] = str(row[facet.label_lookup]) if facet.label_lookup else value
            sort_keys[value] = row[facet.sort_lookup] if facet.sort_lookup else None
        chosen = self.selected.get(facet.param, [])

        if facet.choices is not None:
            entries = [
                (value, label)
                for value, label in facet.choices
                if facet.show_empty or counts.get(value) or value in chosen
            ]
        else:
            present = [(value, labels[value]) for value in counts]
            if facet.sort_lookup:
                present.sort(key=lambda entry: (sort_keys[entry[0]], entry[1]))
            else:
                present.sort(key=lambda entry: swedish_sort_key(entry[1]))
            # A chosen value no result has any longer still shows, so it can be unticked.
            entries = present + [(value, value) for value in chosen if value not in counts]

        options = [
            Option(
                value=value,
                label=label,
                count=counts.get(value, 0),
                selected=value in chosen,
                html_id=f"filter-{facet.param}-{index}",
            )
            for index, (value, label) in enumerate(entries, start=1)
        ]
        return FacetGroup(facet=facet, options=options)

    @cached_property
    def active(self) -> list[ActiveFilter]:
        """The current choices, each with the query string that removes it."""
        active = []
        for group in self.groups:
            for option in group.options:
                if option.selected:
                    params = self.params.copy()
                    params.setlist(
                        group.facet.param,
                        [v for v in params.getlist(group.facet.param) if v != option.value],
                    )
                    params.pop("page", None)
                    active.append(
                        ActiveFilter(group.facet.legend, option.label, params.urlencode())
                    )
        return active
