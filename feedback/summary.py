"""The statistics for analysts: pages, weekly trends, search terms and outbound clicks.

Every figure comes from grouped queries whose number does not grow with the number of
pages, terms or links (bench/analytics_summary.py times a year of data for every page);
merging and sorting happen in Python on one row per page, term or link.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.text import capfirst

from feedback import exports, outbound, searchterms, viewcounts
from feedback.models import Feedback, PageViewDay, SearchTermDay
from publishing import registry

COLUMNS = {
    "page": "Sida",
    "views": "Visningar",
    "unique": "Unika besökare",
    "yes": "Ja",
    "no": "Nej",
    "share": "Andel Ja (%)",
    "comments": "Kommentarer",
}
# Added after the columns analysts' spreadsheets already use, so those keep their place.
EXTRA_CSV_COLUMNS = [
    "Rubrik",
    "Avsnitt",
    "Visningar föregående period",
    "Andel Ja (%) föregående period",
]
DEFAULT_SORT = "-unique"
OTHER_SECTION = "Övrigt"
# A share of Ja is shown as "lowest" or "dropped" only with at least this many answers.
MIN_ANSWERS = 5
# A page stands out when Ja on its newest version is this many points below the versions before.
DROP_POINTS = 15
HIGHLIGHTS = 5


def flush() -> None:
    """Move what the cache counted (views, plays, clicks, searches) into the database."""
    viewcounts.flush()
    searchterms.flush()


def share_of(yes: int, no: int) -> float | None:
    answers = yes + no
    return round(100 * yes / answers, 1) if answers else None


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


@dataclass
class ShareDrop:
    """Ja on a page's newest answered version against the versions answered before it."""

    version_id: int
    before: float
    after: float
    answers_before: int
    answers_after: int

    @property
    def points(self) -> float:
        return round(self.before - self.after, 1)


@dataclass
class PageRow:
    page: str
    views: int = 0
    unique: int = 0
    yes: int = 0
    no: int = 0
    comments: int = 0
    title: str = ""
    section: str = OTHER_SECTION
    previous: "PageRow | None" = None
    drop: ShareDrop | None = None

    @property
    def share(self) -> float | None:
        return share_of(self.yes, self.no)

    @property
    def answers(self) -> int:
        return self.yes + self.no

    @property
    def label(self) -> str:
        return self.title or self.page

    @property
    def views_change(self) -> int | None:
        return None if self.previous is None else self.views - self.previous.views

    @property
    def share_change(self) -> float | None:
        if self.previous is None or self.share is None or self.previous.share is None:
            return None
        return round(self.share - self.previous.share, 1)


def previous_period(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The period of the same length that ends the day before `start`."""
    length = end - start
    return start - length - datetime.timedelta(days=1), start - datetime.timedelta(days=1)


def _page_rows(start, end) -> tuple[dict[str, PageRow], dict[str, PageRow], dict]:
    """This period's rows, the period before's, and answers per version over both.

    Two grouped queries over both periods, whatever the number of pages: each sums this
    period and the one before side by side (FILTER), and the answers are grouped per
    version too, for the drop after an edit.
    """
    previous_start, _ = previous_period(start, end)
    rows: dict[str, PageRow] = {}
    previous: dict[str, PageRow] = {}
    now = Q(date__gte=start)
    views = (
        PageViewDay.objects.pages()
        .between(previous_start, end)
        .order_by()
        .values_list("key")
        .annotate(
            n_views=Sum("views", filter=now),
            n_unique=Sum("unique_views", filter=now),
            n_views_before=Sum("views", filter=~now),
            n_unique_before=Sum("unique_views", filter=~now),
        )
    )
    for key, total, unique, total_before, unique_before in views:
        if total is not None:
            rows[key] = PageRow(key, views=total, unique=unique)
        if total_before is not None:
            previous[key] = PageRow(key, views=total_before, unique=unique_before)
    now = Q(created_at__gte=_start_of_day(start))
    yes, no, comment = Q(helpful=True), Q(helpful=False), ~Q(comment="")
    answers = (
        Feedback.objects.between(previous_start, end)
        .order_by()
        .values_list("page", "version_id")
        .annotate(
            n_yes=Count("pk", filter=yes & now),
            n_no=Count("pk", filter=no & now),
            n_comments=Count("pk", filter=comment & now),
            n_yes_before=Count("pk", filter=yes & ~now),
            n_no_before=Count("pk", filter=no & ~now),
            n_comments_before=Count("pk", filter=comment & ~now),
        )
    )
    per_version: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for page, version_id, *counts in answers:
        for target, (n_yes, n_no, n_comments) in ((rows, counts[:3]), (previous, counts[3:])):
            if n_yes or n_no:
                row = target.setdefault(page, PageRow(page))
                row.yes += n_yes
                row.no += n_no
                row.comments += n_comments
        if version_id is not None:
            per_version[page].append((version_id, counts[0] + counts[3], counts[1] + counts[4]))
    return rows, previous, per_version


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def page_summary(start: datetime.date, end: datetime.date, sort: str = DEFAULT_SORT):
    """One row per page over the period, named and compared with the period before."""
    flush()
    rows, previous, per_version = _page_rows(start, end)
    for page, row in rows.items():
        row.previous = previous.get(page, PageRow(page))
    describe(rows.values())
    for page, drop in _drops(per_version).items():
        if page in rows:
            rows[page].drop = drop
    return sort_rows(list(rows.values()), sort)


def describe(rows) -> None:
    """Give each row its page's title and section (publishing.registry.describe_pages)."""
    rows = list(rows)
    described = registry.describe_pages(row.page for row in rows)
    for row in rows:
        description = described.get(row.page)
        if description is not None:
            row.title = description.title
            row.section = description.section or OTHER_SECTION


def share_drops(start, end, *, pages=None) -> dict[str, ShareDrop]:
    """Pages whose newest answered version gets clearly fewer Ja than the versions before.

    Answers know the version of the content they were given on (feedback/content.py); one
    grouped query over the period.
    """
    per_version: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    rows = (
        Feedback.objects.between(start, end)
        .exclude(version_id=None)
        .order_by()
        .values_list("page", "version_id")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    for page, version_id, yes, no in rows:
        if pages is None or page in pages:
            per_version[page].append((version_id, yes, no))
    return _drops(per_version)


def _drops(per_version: dict[str, list[tuple[int, int, int]]]) -> dict[str, ShareDrop]:
    drops = {}
    for page, versions in per_version.items():
        if len(versions) < 2:
            continue
        versions = sorted(versions)
        newest = versions[-1]
        yes_before = sum(yes for _, yes, _ in versions[:-1])
        no_before = sum(no for _, _, no in versions[:-1])
        before, after = share_of(yes_before, no_before), share_of(newest[1], newest[2])
        if (
            yes_before + no_before >= MIN_ANSWERS
            and newest[1] + newest[2] >= MIN_ANSWERS
            and before - after >= DROP_POINTS
        ):
            drops[page] = ShareDrop(
                newest[0], before, after, yes_before + no_before, newest[1] + newest[2]
            )
    return drops


def sort_rows(rows: list[PageRow], sort: str) -> list[PageRow]:
    column = sort.removeprefix("-")
    if column not in COLUMNS:
        column, sort = DEFAULT_SORT.removeprefix("-"), DEFAULT_SORT
    descending = sort.startswith("-")
    rows.sort(key=lambda row: row.page)  # stable tie-break by page
    if column == "page":
        return sorted(rows, key=lambda row: row.page, reverse=descending)
    # Pages without answers have no share: they go last whichever way the column is sorted.
    known = [row for row in rows if getattr(row, column) is not None]
    unknown = [row for row in rows if getattr(row, column) is None]
    return sorted(known, key=lambda row: getattr(row, column), reverse=descending) + unknown


@dataclass
class Section:
    name: str
    rows: list[PageRow]

    @property
    def unique(self) -> int:
        return sum(row.unique for row in self.rows)


def sections(rows: list[PageRow]) -> list[Section]:
    """The rows by section (in their order), the most visited section first, Övrigt last."""
    grouped: dict[str, list[PageRow]] = {}
    for row in rows:
        grouped.setdefault(row.section, []).append(row)
    found = [Section(name, section_rows) for name, section_rows in grouped.items()]
    return sorted(found, key=lambda s: (s.name == OTHER_SECTION, -s.unique, s.name))


def highlights(rows: list[PageRow]) -> dict[str, list[PageRow]]:
    """What an analyst looks at first: most visited, lowest Ja, Ja dropped after an edit."""
    answered = [row for row in rows if row.answers >= MIN_ANSWERS]
    return {
        "most_viewed": sorted(rows, key=lambda r: (-r.unique, -r.views, r.page))[:HIGHLIGHTS],
        "lowest_share": sorted(answered, key=lambda r: (r.share, -r.answers, r.page))[:HIGHLIGHTS],
        "dropped": sorted((r for r in rows if r.drop), key=lambda r: -r.drop.points),
    }


def film_summary(start: datetime.date, end: datetime.date):
    viewcounts.flush()
    return list(PageViewDay.objects.films().between(start, end).totals_by_key().order_by("key"))


def csv_lines(rows: list[PageRow]):
    return exports.csv_lines(
        [*COLUMNS.values(), *EXTRA_CSV_COLUMNS],
        (
            [
                row.page,
                row.views,
                row.unique,
                row.yes,
                row.no,
                percent_text(row.share),
                row.comments,
                row.title,
                row.section,
                "" if row.previous is None else row.previous.views,
                "" if row.previous is None else percent_text(row.previous.share),
            ]
            for row in rows
        ),
    )


# --- Weekly trends ---------------------------------------------------------------------------


@dataclass
class WeekRow:
    start: datetime.date  # the Monday
    views: int = 0
    unique: int = 0
    yes: int = 0
    no: int = 0
    comments: int = 0

    @property
    def share(self) -> float | None:
        return share_of(self.yes, self.no)

    @property
    def week(self) -> int:
        return self.start.isocalendar().week

    @property
    def label(self) -> str:
        return f"v. {self.week}"


def monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def weekly(start: datetime.date, end: datetime.date, page: str | None = None) -> list[WeekRow]:
    """Views, unique visitors, Ja, Nej and comments per week (Monday to Sunday) of the period.

    For one page, or the whole site when `page` is None. Weeks at the ends are cut to the
    period. Two grouped queries, per day, summed into weeks here.
    """
    flush()
    weeks: dict[datetime.date, WeekRow] = {}
    day = monday(start)
    while day <= end:
        weeks[day] = WeekRow(day)
        day += datetime.timedelta(days=7)
    views = PageViewDay.objects.pages().between(start, end)
    if page:
        views = views.filter(key=page)
    for date, total, unique in (
        views.order_by()
        .values("date")
        .annotate(v=Sum("views"), u=Sum("unique_views"))
        .values_list("date", "v", "u")
    ):
        row = weeks[monday(date)]
        row.views += total or 0
        row.unique += unique or 0
    answers = Feedback.objects.between(start, end).for_page(page)
    for date, yes, no, comments in (
        answers.order_by()
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(comment="")),
        )
        .values_list("day", "yes", "no", "comments")
    ):
        row = weeks.get(monday(date))
        if row is not None:
            row.yes += yes
            row.no += no
            row.comments += comments
    return list(weeks.values())


def period_totals(weeks: list[WeekRow], page: str = "") -> PageRow:
    return PageRow(
        page,
        views=sum(w.views for w in weeks),
        unique=sum(w.unique for w in weeks),
        yes=sum(w.yes for w in weeks),
        no=sum(w.no for w in weeks),
        comments=sum(w.comments for w in weeks),
    )


def answers_per_version(start, end, page: str) -> list[dict]:
    """Ja and Nej per version of the page's content over the period, oldest first."""
    rows = (
        Feedback.objects.between(start, end)
        .for_page(page)
        .exclude(version_id=None)
        .order_by()
        .values_list("version_id")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .order_by("version_id")
    )
    return [
        {"version_id": version_id, "yes": yes, "no": no, "share": share_of(yes, no)}
        for version_id, yes, no in rows
    ]


def weekly_csv_lines(weeks: list[WeekRow]):
    return exports.csv_lines(
        [
            "Vecka",
            "Från och med",
            "Visningar",
            "Unika besökare",
            "Ja",
            "Nej",
            "Andel Ja (%)",
            "Kommentarer",
        ],
        (
            [
                f"{w.start.isocalendar().year}-V{w.week:02d}",
                w.start.isoformat(),
                w.views,
                w.unique,
                w.yes,
                w.no,
                percent_text(w.share),
                w.comments,
            ]
            for w in weeks
        ),
    )


# --- Search terms ----------------------------------------------------------------------------

TOP_TERMS = 20


@dataclass
class TermRow:
    term: str
    searches: int
    without_results: int
    results: int | None = None  # what the term found on the last day it was searched for


def search_terms(start: datetime.date, end: datetime.date) -> dict:
    """The most searched terms and the terms that found nothing, with the period's totals.

    One grouped query for every term of the period (sorted here), one for the latest
    results of the terms shown.
    """
    searchterms.flush()
    period = SearchTermDay.objects.between(start, end)
    grouped = [
        TermRow(term, searches, without_results)
        for term, searches, without_results in period.order_by()
        .values_list("term")
        .annotate(n_searches=Sum("searches"), n_without=Sum("without_results"))
    ]
    top = sorted(grouped, key=lambda r: (-r.searches, r.term))[:TOP_TERMS]
    nothing = sorted(
        (r for r in grouped if r.without_results), key=lambda r: (-r.without_results, r.term)
    )[:TOP_TERMS]
    shown = {row.term for row in top + nothing}
    latest: dict[str, int] = {}
    for term, results in (
        period.filter(term__in=shown).order_by("term", "-date").values_list("term", "results")
    ):
        latest.setdefault(term, results)
    for row in top + nothing:
        row.results = latest.get(row.term)
    return {
        "searches": sum(r.searches for r in grouped),
        "without_results": sum(r.without_results for r in grouped),
        "terms": len(grouped),
        "top": top,
        "nothing": nothing,
    }


def search_terms_csv_lines(start: datetime.date, end: datetime.date):
    """Every term per day of the period: searches, searches without results, results."""
    searchterms.flush()
    rows = (
        SearchTermDay.objects.between(start, end)
        .order_by("date", "-searches", "term")
        .values_list("date", "term", "searches", "without_results", "results")
        .iterator(chunk_size=2000)
    )
    return exports.csv_lines(
        ["Datum", "Sökord", "Sökningar", "Sökningar utan träffar", "Träffar"],
        ([date.isoformat(), term, n, empty, found] for date, term, n, empty, found in rows),
    )


# --- Outbound clicks -------------------------------------------------------------------------


@dataclass
class ClickRow:
    key: str
    clicks: int
    unique: int
    kind: str = ""  # "resurs", "AI-initiativ": the content type's name
    title: str = ""
    url: str = ""
    groups: dict[str, str] = field(default_factory=dict)  # "Kategori" → "Juridik"


@dataclass
class GroupRow:
    value: str
    clicks: int = 0
    unique: int = 0


def clicks(start: datetime.date, end: datetime.date) -> dict:
    """Clicks on outbound links per item, and per each group its type declares.

    The groups (a resource's category and publisher, an initiative's municipality) are what
    the content type declares in `Declaration.click_groups`: a field or a foreign key,
    shown by its text (a Publisher by its display name): the grouping is declared in one place.
    One query for the counts and one per content type that was clicked.
    """
    viewcounts.flush()
    rows: list[ClickRow] = []
    by_label: dict[str, dict[int, ClickRow]] = defaultdict(dict)
    for item in PageViewDay.objects.links().between(start, end).totals_by_key():
        row = ClickRow(item["key"], item["total_views"] or 0, item["total_unique"] or 0)
        rows.append(row)
        link = outbound.Link.from_key(row.key)
        if link is not None:
            by_label[link.label][link.pk] = row
    groups: dict[str, dict[str, GroupRow]] = {}
    for label, by_pk in by_label.items():
        ct = registry.by_label(label)
        if ct is None:
            continue
        group_fields = [ct.model._meta.get_field(name) for name in ct.declaration.click_groups]
        related = [f.name for f in group_fields if f.is_relation]
        queryset = ct.model._default_manager.filter(pk__in=list(by_pk))
        if related:
            queryset = queryset.select_related(*related)
        for obj in queryset:
            row = by_pk[obj.pk]
            link = outbound.Link.from_key(row.key)
            row.kind = capfirst(ct.verbose_name)
            row.title = registry.display_title(obj)
            row.url = getattr(obj, link.field, "") or ""
            for group_field in group_fields:
                value = getattr(obj, group_field.name)
                text = str(value) if value not in (None, "") else "–"
                name = capfirst(group_field.verbose_name)
                row.groups[name] = text
                total = groups.setdefault(name, {}).setdefault(text, GroupRow(text))
                total.clicks += row.clicks
                total.unique += row.unique
    rows.sort(key=lambda r: (-r.clicks, -r.unique, r.title, r.key))
    return {
        "rows": rows,
        "total": sum(r.clicks for r in rows),
        "groups": {
            name: sorted(values.values(), key=lambda g: (-g.clicks, g.value))
            for name, values in groups.items()
        },
    }


def clicks_csv_lines(summary: dict):
    names = list(summary["groups"])
    return exports.csv_lines(
        ["Typ", "Rubrik", "Länk", *names, "Klick", "Unika besökare", "Nyckel"],
        (
            [
                row.kind,
                row.title,
                row.url,
                *(row.groups.get(name, "") for name in names),
                row.clicks,
                row.unique,
                row.key,
            ]
            for row in summary["rows"]
        ),
    )


def click_groups_csv_lines(summary: dict):
    return exports.csv_lines(
        ["Gruppering", "Värde", "Klick", "Unika besökare"],
        (
            [name, group.value, group.clicks, group.unique]
            for name, values in summary["groups"].items()
            for group in values
        ),
    )


# --- Charts drawn on the server as SVG: no script, no external service -----------------------

CHART_WIDTH = 760
LABEL_WIDTH = 300
BAR_AREA = 380
BAR_HEIGHT = 18
ROW_HEIGHT = 28
MAX_BARS = 20


def bar_chart(rows: list[PageRow], attribute: str, *, maximum: float | None = None, unit=""):
    """Horizontal bars, one per row (at most 20), labelled with the page's title."""
    shown = [row for row in rows if getattr(row, attribute) is not None][:MAX_BARS]
    top = maximum or max((getattr(row, attribute) for row in shown), default=0) or 1
    bars = []
    for index, row in enumerate(shown):
        value = getattr(row, attribute)
        y = index * ROW_HEIGHT + 6
        width = round(BAR_AREA * value / top, 1)
        label = row.label if len(row.label) <= 40 else row.label[:39] + "…"
        text = f"{value:g}{unit}".replace(".", ",")
        bars.append(
            {
                "label": label,
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
                "value": text,
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(1, len(bars)) * ROW_HEIGHT + 12,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
    }


COLUMN_AREA_HEIGHT = 160
COLUMN_TOP = 24  # room for the value above the tallest column
COLUMN_LABEL_HEIGHT = 24


def column_chart(weeks: list[WeekRow], attribute: str, *, maximum: float | None = None, unit=""):
    """Vertical columns, one per week, each with its value above and its week below."""
    values = [getattr(week, attribute) for week in weeks]
    top = maximum or max((v for v in values if v is not None), default=0) or 1
    slot = max(12.0, min(60.0, (CHART_WIDTH - 20) / max(1, len(weeks))))
    width = round(slot * 0.7, 1)
    base = COLUMN_TOP + COLUMN_AREA_HEIGHT
    columns = []
    for index, (week, value) in enumerate(zip(weeks, values, strict=True)):
        x = round(10 + index * slot, 1)
        height = 0 if value is None else round(COLUMN_AREA_HEIGHT * value / top, 1)
        columns.append(
            {
                "x": x,
                "y": round(base - height, 1),
                "height": height,
                "width": width,
                "center": round(x + width / 2, 1),
                "value_y": round(base - height - 4, 1),
                "value": "–" if value is None else f"{value:g}{unit}".replace(".", ","),
                "label": week.label,
                "show_label": len(weeks) <= 16 or index % max(1, len(weeks) // 12) == 0,
            }
        )
    return {
        "columns": columns,
        "width": round(max(CHART_WIDTH, 20 + slot * len(weeks)), 1),
        "height": base + COLUMN_LABEL_HEIGHT,
        "base": base,
        "label_y": base + 16,
        "font_size": 11 if len(weeks) > 16 else 13,
    }
