"""The per-page summary for analysts: views, unique visitors, Ja, Nej, share helpful, comments.

Two grouped queries whatever the number of pages; merging and sorting happen in Python
on one row per page.
"""

import datetime
from dataclasses import dataclass

from feedback import exports, viewcounts
from feedback.models import Feedback, PageViewDay

COLUMNS = {
    "page": "Sida",
    "views": "Visningar",
    "unique": "Unika besökare",
    "yes": "Ja",
    "no": "Nej",
    "share": "Andel Ja (%)",
    "comments": "Kommentarer",
}
DEFAULT_SORT = "-unique"


@dataclass
class PageRow:
    page: str
    views: int = 0
    unique: int = 0
    yes: int = 0
    no: int = 0
    comments: int = 0

    @property
    def share(self) -> float | None:
        answers = self.yes + self.no
        return round(100 * self.yes / answers, 1) if answers else None


def page_summary(start: datetime.date, end: datetime.date, sort: str = DEFAULT_SORT):
    viewcounts.flush()  # the views counted in the cache since the last flush
    rows: dict[str, PageRow] = {}
    views = PageViewDay.objects.pages().between(start, end).totals_by_key()
    for item in views:
        row = rows.setdefault(item["key"], PageRow(item["key"]))
        row.views, row.unique = item["total_views"] or 0, item["total_unique"] or 0
    for item in Feedback.objects.between(start, end).summary_by_page():
        row = rows.setdefault(item["page"], PageRow(item["page"]))
        row.yes, row.no, row.comments = item["yes"], item["no"], item["comments"]
    return sort_rows(list(rows.values()), sort)


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


def film_summary(start: datetime.date, end: datetime.date):
    viewcounts.flush()
    return list(PageViewDay.objects.films().between(start, end).totals_by_key().order_by("key"))


def csv_lines(rows: list[PageRow]):
    return exports.csv_lines(
        list(COLUMNS.values()),
        (
            [
                row.page,
                row.views,
                row.unique,
                row.yes,
                row.no,
                "" if row.share is None else f"{row.share:.1f}".replace(".", ","),
                row.comments,
            ]
            for row in rows
        ),
    )


# A horizontal bar chart drawn on the server as SVG: no script, no external service.
CHART_WIDTH = 760
LABEL_WIDTH = 300
BAR_AREA = 380
BAR_HEIGHT = 18
ROW_HEIGHT = 28
MAX_BARS = 20


def bar_chart(rows: list[PageRow], attribute: str, *, maximum: float | None = None, unit=""):
    shown = [row for row in rows if getattr(row, attribute) is not None][:MAX_BARS]
    top = maximum or max((getattr(row, attribute) for row in shown), default=0) or 1
    bars = []
    for index, row in enumerate(shown):
        value = getattr(row, attribute)
        y = index * ROW_HEIGHT + 6
        width = round(BAR_AREA * value / top, 1)
        label = row.page if len(row.page) <= 40 else row.page[:39] + "…"
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
