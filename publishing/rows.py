"""The rows of one page of a list, read in full only when a fragment must be rendered.

A list page shows each row through a fragment remembered per content generation (the
cards, the resource items: `{% remembered "initiative-card" initiative.pk %}`). Once the
fragments are remembered, the page needs nothing of its rows but their primary keys, yet
building the full objects (joined relations, tags, related content) cost about half of an
uncached list page's time (bench/profile_pages.py).

`RowsOnDemand` runs the page's own query on every request — the visitor's filters, the
order and the slice — but selects only the primary keys. Each row is a `Row` that knows
its pk; the first time a template reads anything else from any row (a fragment that is
not remembered yet, or an editor's preview, which never remembers), every row of the page
is loaded in full at once, in the fixed number of queries `load` needs. So nothing is
remembered here that the page would not otherwise show: it is the same rows, read lazily.
"""

import hashlib
from collections.abc import Callable, Iterator


class Row:
    """One row of the page: its pk at once, everything else from the loaded object."""

    __slots__ = ("_rows", "pk")

    def __init__(self, pk, rows: "RowsOnDemand"):
        self.pk = pk
        self._rows = rows

    def __getattr__(self, name):
        # Only called for what the stand-in does not have itself: anything but the pk.
        if name in Row.__slots__:  # not set yet (a copy being built): never load for it
            raise AttributeError(name)
        return getattr(self._rows.instance(self.pk), name)

    def __str__(self):
        return str(self._rows.instance(self.pk))

    def __repr__(self):
        return f"<Row {self.pk}>"


class RowsOnDemand:
    """The page's rows (`queryset` already filtered, ordered and sliced) as `Row`s.

    `load(queryset)` turns a queryset of the rows into one that brings what a fragment
    needs (e.g. `with_listing_data()`); functions given to `after_load` add what is
    computed for the whole page at once (the related initiatives of a page of resources).
    """

    def __init__(self, queryset, load: Callable):
        self.model = queryset.model
        self._load = load
        self._after_load: list[Callable[[list], object]] = []
        self._instances = None
        self.rows = [Row(pk, self) for pk in queryset.values_list("pk", flat=True)]

    def after_load(self, then: Callable[[list], object]) -> "RowsOnDemand":
        """Call `then(objects)` once the rows are loaded (at once if they already are)."""
        if self._instances is None:
            self._after_load.append(then)
        else:
            then(self.objects())
        return self

    def instance(self, pk):
        return self._loaded()[pk]

    def objects(self) -> list:
        """The rows as full objects, in the page's order, loaded if need be."""
        loaded = self._loaded()
        return [loaded[row.pk] for row in self.rows if row.pk in loaded]

    def _loaded(self) -> dict:
        if self._instances is None:
            # By primary key, not the page's filtered query again: a row that was on the
            # page when its pk was read is shown. The default manager: `load` speaks the
            # model's own queryset (`with_listing_data()`).
            pks = [row.pk for row in self.rows]
            queryset = self._load(self.model._default_manager.filter(pk__in=pks).order_by())
            self._instances = {obj.pk: obj for obj in queryset} if pks else {}
            for then in self._after_load:
                then(self.objects())
        return self._instances

    @property
    def signature(self) -> str:
        """Which rows, in which order: a `{% remembered %}` part for markup showing exactly
        these rows (the rows are still read per request; only their markup is kept)."""
        return hashlib.sha256(repr([row.pk for row in self.rows]).encode()).hexdigest()[:32]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]
