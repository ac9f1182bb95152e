"""Visitor feedback ("Hjälpte denna information dig?") and page-view statistics.

Nothing here identifies a visitor: no IP address, cookie or user agent is stored.
Feedback rows hold the page, the answer and a redacted comment; page views, film
plays and outbound clicks are kept only as daily counts per page, film or link, and
search terms only as daily counts per (redacted) term.
"""

import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Greatest, Least
from django.utils import timezone

from feedback.redaction import redact

COMMENT_MAX_LENGTH = 1000


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class RedactingQuerySet(models.QuerySet):
    """The write paths that bypass Model.save() redact the model's free text too.

    For a model with `RedactsFreeText`: its `REDACTED_FIELD` is cleaned of personal data
    however it is written, and `redacted` remembers that something was removed.
    """

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.redact()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        if self.model.REDACTED_FIELD in fields:
            for obj in objs:
                obj.redact()
            fields = list({*fields, "redacted"})
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        field = self.model.REDACTED_FIELD
        if isinstance(kwargs.get(field), str):
            result = redact(kwargs[field])
            kwargs[field] = result.text
            if result.changed:
                kwargs["redacted"] = True
        return super().update(**kwargs)


class RedactsFreeText:
    """A model whose free text (`REDACTED_FIELD`) is redacted whenever it is saved."""

    REDACTED_FIELD = ""

    def save(self, *args, **kwargs):
        self.redact()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.REDACTED_FIELD in update_fields:
            kwargs["update_fields"] = {*update_fields, "redacted"}
        super().save(*args, **kwargs)

    def redact(self):
        """Remove personal data from the free text; remember that something was removed."""
        result = redact(getattr(self, self.REDACTED_FIELD) or "")
        setattr(self, self.REDACTED_FIELD, result.text)
        self.redacted = self.redacted or result.changed


class FeedbackQuerySet(RedactingQuerySet):
    """Every way rows are written through the ORM runs the redactor first."""

    def between(self, start: datetime.date | None = None, end: datetime.date | None = None):
        """Feedback given on the days from `start` to `end`, both included, local time."""
        qs = self
        if start:
            qs = qs.filter(created_at__gte=_start_of_day(start))
        if end:
            qs = qs.filter(created_at__lt=_start_of_day(end + datetime.timedelta(days=1)))
        return qs

    def for_page(self, page: str | None):
        return self.filter(page=page) if page else self

    def with_comment(self):
        return self.exclude(comment="")

    def older_than(self, cutoff: datetime.datetime):
        return self.filter(created_at__lt=cutoff)

    def summary_by_page(self):
        """Ja, Nej and comments per page in one grouped query."""
        return (
            self.order_by()
            .values("page")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)),
                no=Count("pk", filter=Q(helpful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
        )

    def counts_per_version(self, version_ids) -> dict[int, tuple[int, int]]:
        """(Ja, Nej) per version id, in one grouped query; versions without answers are left out."""
        rows = (
            self.filter(version_id__in=list(version_ids))
            .order_by()
            .values("version_id")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            .values_list("version_id", "yes", "no")
        )
        return {version_id: (yes, no) for version_id, yes, no in rows}


class Feedback(RedactsFreeText, models.Model):
    """One visitor's answer to "Hjälpte denna information dig?", with an optional comment."""

    REDACTED_FIELD = "comment"

    class Status(models.TextChoices):
        NEW = "new", "Ny"
        HANDLED = "handled", "Hanterad"
        NOT_ACTIONABLE = "not_actionable", "Går inte att åtgärda"

    page = models.CharField(
        "sida", max_length=300, db_index=True, help_text="Adressen till sidan svaret gäller."
    )
    helpful = models.BooleanField("hjälpte informationen?", choices=[(True, "Ja"), (False, "Nej")])
    comment = models.TextField(
        "kommentar",
        blank=True,
        help_text="Personnummer, telefonnummer och e-postadresser tas bort innan den sparas.",
    )
    redacted = models.BooleanField(
        "uppgifter borttagna",
        default=False,
        help_text="Kommentaren innehöll personnummer, telefonnummer eller e-post som togs bort.",
    )
    status = models.CharField(
        "status", max_length=16, choices=Status, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField("lämnad", default=timezone.now, db_index=True)
    # The number only, not a ForeignKey: reversion's cleanup may delete old versions,
    # and the answer must keep saying which version it was given on.
    version_id = models.PositiveBigIntegerField(
        "version",
        null=True,
        blank=True,
        db_index=True,
        help_text="Den sparade version av sidans innehåll som besökaren svarade på; "
        "tom om sidan saknar versionshistorik.",
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "återkoppling"
        verbose_name_plural = "återkopplingar"
        permissions = [("export_feedback", "Kan exportera återkoppling och statistik")]

    def __str__(self):
        answer = "Ja" if self.helpful else "Nej"
        return f"{answer} på {self.page} ({timezone.localtime(self.created_at):%Y-%m-%d})"

    def get_absolute_url(self):
        return self.page


class PageViewDayQuerySet(models.QuerySet):
    def pages(self):
        return self.filter(kind=PageViewDay.Kind.PAGE)

    def films(self):
        return self.filter(kind=PageViewDay.Kind.FILM)

    def links(self):
        return self.filter(kind=PageViewDay.Kind.LINK)

    def between(self, start: datetime.date | None = None, end: datetime.date | None = None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def totals_by_key(self):
        """Views and unique views per page or film, summed over the days, in one query."""
        return (
            self.order_by()
            .values("key")
            .annotate(total_views=Sum("views"), total_unique=Sum("unique_views"))
        )

    def record(self, *, kind: str, key: str, date: datetime.date, unique: bool) -> None:
        """Add one view to the day's count: one UPDATE, an INSERT only on the day's first view."""
        self.add(kind=kind, key=key, date=date, views=1, unique=int(unique))

    def add(
        self,
        *,
        kind: str,
        key: str,
        date: datetime.date,
        views: int,
        unique: int = 0,
        unique_at_least: int | None = None,
    ) -> None:
        """Add `views` (and `unique` visitors) to the day's row, or raise its unique count.

        `unique_at_least` is the day's unique visitors so far (a HyperLogLog's count, which
        does not add up over several flushes): the row keeps the larger of the two, never
        more than its views.
        """
        increments = {"views": F("views") + views}
        if unique_at_least is not None:
            increments["unique_views"] = Least(
                Greatest(F("unique_views"), Value(unique_at_least)), F("views") + views
            )
        elif unique:
            increments["unique_views"] = F("unique_views") + unique
        if self.filter(kind=kind, key=key, date=date).update(**increments):
            return
        first_unique = min(views, unique_at_least if unique_at_least is not None else unique)
        try:
            with transaction.atomic():
                self.create(kind=kind, key=key, date=date, views=views, unique_views=first_unique)
        except IntegrityError:
            # Another process created the day's row between our UPDATE and INSERT.
            self.filter(kind=kind, key=key, date=date).update(**increments)


class PageViewDay(models.Model):
    """How often a page was viewed, or a film played, on one day; never who did it."""

    class Kind(models.TextChoices):
        PAGE = "page", "Sidvisning"
        FILM = "film", "Filmvisning"
        LINK = "link", "Klick på extern länk"

    kind = models.CharField("typ", max_length=8, choices=Kind, default=Kind.PAGE)
    key = models.CharField(
        "sida, film eller länk",
        max_length=300,
        help_text="Sidans adress, filmens id eller länkens innehåll "
        "(innehållstyp/id/fält, t.ex. resources.resource/12/url).",
    )
    date = models.DateField("datum")
    views = models.PositiveIntegerField("visningar", default=0)
    unique_views = models.PositiveIntegerField(
        "unika besökare",
        default=0,
        help_text="Besökare räknas en gång per sida och dag, utan cookies och utan att sparas.",
    )

    objects = PageViewDayQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "kind", "key"]
        verbose_name = "besöksstatistik per dag"
        verbose_name_plural = "besöksstatistik per dag"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "date"], name="one_count_per_key_day"),
            models.CheckConstraint(
                condition=Q(unique_views__lte=F("views")), name="unique_views_within_views"
            ),
        ]
        indexes = [
            # The summary reads every key of one kind over a period: an index-only scan of
            # this index on PostgreSQL, no table reads (bench/analytics_summary.py). Plain
            # key columns, not INCLUDE, so SQLite builds the same index.
            models.Index(
                fields=["kind", "date", "key", "views", "unique_views"],
                name="pageviewday_kind_date",
            ),
        ]

    def __str__(self):
        return f"{self.key} {self.date:%Y-%m-%d}: {self.views} ({self.unique_views} unika)"


# --- Search terms ----------------------------------------------------------------------------

SEARCH_TERM_MAX_LENGTH = 100


class SearchTermDayQuerySet(models.QuerySet):
    def between(self, start: datetime.date | None = None, end: datetime.date | None = None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def older_than(self, day: datetime.date):
        return self.filter(date__lt=day)

    def add(
        self, *, term: str, date: datetime.date, searches: int, without_results: int, results: int
    ) -> None:
        """Add a day's searches for `term` to its row (one UPDATE, an INSERT the first time)."""
        increments = {
            "searches": F("searches") + searches,
            "without_results": F("without_results") + without_results,
            "results": results,
        }
        if self.filter(term=term, date=date).update(**increments):
            return
        try:
            with transaction.atomic():
                self.create(
                    term=term,
                    date=date,
                    searches=searches,
                    without_results=without_results,
                    results=results,
                )
        except IntegrityError:
            self.filter(term=term, date=date).update(**increments)


class SearchTermDay(models.Model):
    """How often a term was searched for on one day, and what it found; never by whom.

    The term is normalised (lower case, spaces squeezed) and redacted like comments
    (feedback/redaction.py) before it is counted anywhere, the cache included.
    """

    term = models.CharField("sökord", max_length=SEARCH_TERM_MAX_LENGTH)
    date = models.DateField("datum")
    searches = models.PositiveIntegerField("sökningar", default=0)
    without_results = models.PositiveIntegerField(
        "sökningar utan träffar", default=0, help_text="Sökningar som inte hittade något."
    )
    results = models.PositiveIntegerField(
        "träffar", default=0, help_text="Antal träffar vid dagens senaste sökning."
    )

    objects = SearchTermDayQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-searches", "term"]
        verbose_name = "sökord per dag"
        verbose_name_plural = "sökord per dag"
        constraints = [
            models.UniqueConstraint(fields=["date", "term"], name="one_count_per_term_day"),
            models.CheckConstraint(
                condition=Q(without_results__lte=F("searches")),
                name="searches_without_results_within_searches",
            ),
        ]
        indexes = [
            models.Index(  # the summary's period, read from the index alone
                fields=["date", "term", "searches", "without_results", "results"],
                name="searchtermday_date",
            ),
        ]

    def __str__(self):
        return f"”{self.term}” {self.date:%Y-%m-%d}: {self.searches} sökningar"
