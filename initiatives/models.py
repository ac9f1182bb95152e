"""Case studies: how a municipality explores AI in its social services."""

import re

import reversion
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from media.models import Image
from publishing import generation
from publishing.models import (
    KeepsOldAddresses,
    Publishable,
    PublishableQuerySet,
    RendersMarkdown,
)
from publishing.registry import Declaration, SearchResults, SitemapEntry
from publishing.search import SearchIndexed, SearchVectorIndex
from publishing.tags import TaggedQuerySet


class County(models.TextChoices):
    """Sweden's 21 län."""

    BLEKINGE = "blekinge", "Blekinge län"
    DALARNA = "dalarna", "Dalarnas län"
    GOTLAND = "gotland", "Gotlands län"
    GAVLEBORG = "gavleborg", "Gävleborgs län"
    HALLAND = "halland", "Hallands län"
    JAMTLAND = "jamtland", "Jämtlands län"
    JONKOPING = "jonkoping", "Jönköpings län"
    KALMAR = "kalmar", "Kalmar län"
    KRONOBERG = "kronoberg", "Kronobergs län"
    NORRBOTTEN = "norrbotten", "Norrbottens län"
    SKANE = "skane", "Skåne län"
    STOCKHOLM = "stockholm", "Stockholms län"
    SODERMANLAND = "sodermanland", "Södermanlands län"
    UPPSALA = "uppsala", "Uppsala län"
    VARMLAND = "varmland", "Värmlands län"
    VASTERBOTTEN = "vasterbotten", "Västerbottens län"
    VASTERNORRLAND = "vasternorrland", "Västernorrlands län"
    VASTMANLAND = "vastmanland", "Västmanlands län"
    VASTRA_GOTALAND = "vastra_gotaland", "Västra Götalands län"
    OREBRO = "orebro", "Örebro län"
    OSTERGOTLAND = "ostergotland", "Östergötlands län"


@reversion.register()
class Municipality(models.Model):
    name = models.CharField("kommun", max_length=100, unique=True)
    slug = models.SlugField("adress", max_length=100, unique=True)
    county = models.CharField("län", max_length=32, choices=County)
    organisation = models.CharField(
        "organisationens namn",
        max_length=150,
        blank=True,
        help_text="Som kommunen själv skriver det, t.ex. ”Helsingborgs stad”.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "kommun"
        verbose_name_plural = "kommuner"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Initiatives are found by their municipality's name.
        self.initiatives.all().refresh_search_vector()

    @property
    def display_name(self):
        return self.organisation or f"{self.name} kommun"


# The long texts of a case study: its own page and the open data show them, a card does not.
CASE_STUDY_TEXTS = (
    "body",
    "purpose",
    "legal_basis",
    "human_oversight",
    "results",
    "goals",
    "implementation",
    "technology",
    "law_and_ethics",
    "lessons_learned",
    "contact",
    "other_sources",
    "editor_note",
)


class InitiativeQuerySet(TaggedQuerySet, PublishableQuerySet):
    def for_area(self, area):
        return self.filter(area=area)

    def in_phase(self, phase):
        return self.filter(phase=phase)

    def with_listing_data(self):
        """Everything a list or card needs, in a fixed number of queries."""
        # The search index and the rendered sections are for search and the initiative's
        # own page, not for lists and cards.
        return (
            self.select_related("municipality", "image")
            .with_tags()
            .defer("search_vector", "rendered_markdown")
        )

    def for_page(self):
        """Everything an initiative's own page shows."""
        return (
            self.select_related("municipality", "image")
            .with_tags(on_first_use=True)
            .defer("search_vector")
        )

    def for_cards(self):
        """`with_listing_data()` without the case study's long texts, which no card shows."""
        return self.with_listing_data().defer(*CASE_STUDY_TEXTS)

    def sharing_tags(self, tag_ids):
        """Initiatives with any of the tags, most shared tags first."""
        return (
            self.filter(tags__in=tag_ids)
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "-published_at", "title")
        )


@reversion.register()
class Initiative(KeepsOldAddresses, RendersMarkdown, SearchIndexed, Publishable):
    """One municipality's AI initiative, told as a case study with a fact box."""

    # The case study's sections, in the order the page shows them; empty ones are not shown.
    SECTIONS = (
        ("goals", "Mål och syfte"),
        ("implementation", "Genomförande"),
        ("technology", "Teknik"),
        ("law_and_ethics", "Juridik och etik"),
        ("lessons_learned", "Lärdomar"),
    )
    MARKDOWN_FIELDS = ("body", *(field for field, _ in SECTIONS), "results")
    # What an initiative's page shows outside the fragments it remembers (title, the
    # description, review notes, the preview banner, "Senast uppdaterad").
    PAGE_FRAME_FIELDS = (
        "title",
        "slug",
        "ingress",
        "status",
        "published_at",
        "unpublish_at",
        "review_by",
        "reviewed_at",
        "updated_at",
    )
    # The standard facts that are free text (the choices are filters, not words to find).
    FACT_TEXT_FIELDS = ("purpose", "legal_basis", "human_oversight", "data_used")

    SEARCH_FIELDS = {
        "A": ("title",),
        "B": ("ingress", "tags", "municipality__name", "municipality__organisation"),
        "C": (*MARKDOWN_FIELDS, *FACT_TEXT_FIELDS),
    }
    PUBLISHING = Declaration(
        url_name="initiatives:detail",
        search=SearchResults(
            kind="initiative", label="AI-initiativ", snippet_fields=("ingress", *MARKDOWN_FIELDS)
        ),
        link_fields=("source_url",),
        click_groups=("municipality",),  # outbound clicks per municipality
        # The further sources are rendered and their links checked, but not searched.
        markdown_fields=(*MARKDOWN_FIELDS, "other_sources"),
        in_review_queue=True,
        sitemap=SitemapEntry(changefreq="monthly", priority=0.7),
        open_data="initiatives.opendata.DATASET",
        feedback_per_version=True,
        parts=("initiatives.InitiativePhaseChange", "initiatives.Municipality"),
    )

    class Area(models.TextChoices):
        ELDERLY_CARE = "aldreomsorg", "Äldreomsorg"
        INDIVIDUAL_FAMILY = "individ_familj", "Individ- och familjeomsorg"
        DISABILITY = "funktionshinder", "Funktionshinder"
        FINANCIAL_SUPPORT = "ekonomiskt_bistand", "Ekonomiskt bistånd och arbetsmarknad"
        HEALTH_CARE = "halso_sjukvard", "Kommunal hälso- och sjukvård"
        WHOLE_SERVICE = "hela_socialtjansten", "Hela socialtjänsten"

    class Phase(models.TextChoices):
        EXPLORING = "utforskande", "Utforskande"
        PLANNING = "planering", "Planering"
        DEVELOPMENT = "utveckling", "Utveckling"
        PILOT = "test", "Test/pilot"
        IN_PRODUCTION = "i_drift", "I drift"
        ENDED = "avslutad", "Avslutad"

        @property
        def is_ongoing(self):
            return self != self.ENDED

    class Technique(models.TextChoices):
        LANGUAGE_MODEL = "sprakmodell", "Språkmodell och textanalys"
        SPEECH = "tal", "Taligenkänning och översättning"
        CHATBOT = "chattbot", "Chattbot"
        PREDICTION = "prediktion", "Prognoser och prediktion"
        OPTIMISATION = "optimering", "Optimering och planering"
        SENSORS = "sensorer", "Sensorer och bildanalys"
        MACHINE_LEARNING = "maskininlarning", "Maskininlärning på verksamhetsdata"
        PLATFORM = "plattform", "Plattform och infrastruktur"
        ORGANISATION = "organisation", "Organisation och förberedelser"

    class ImpactAssessment(models.TextChoices):
        """Whether a data protection impact assessment (DPIA, GDPR art. 35) has been made."""

        DONE = "genomford", "Genomförd"
        PLANNED = "planerad", "Planerad"
        NOT_DONE = "ej_gjord", "Inte gjord"
        UNKNOWN = "okand", "Uppgift saknas"

    class Sourcing(models.TextChoices):
        """How the solution was brought about."""

        IN_HOUSE = "egen", "Egenutvecklad"
        BOUGHT = "kopt", "Köpt/upphandlad"
        JOINT = "tillsammans", "Tillsammans med andra"
        UNKNOWN = "okand", "Uppgift saknas"

    title = models.CharField("rubrik", max_length=200)
    slug = models.SlugField("adress", max_length=200, unique=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name="kommun",
    )
    ingress = models.TextField("ingress", help_text="Kort sammanfattning, visas i listor.")
    body = models.TextField("brödtext", blank=True, help_text="Markdown.")

    # The fact box ("Fakta").
    area = models.CharField("verksamhetsområde", max_length=32, choices=Area, db_index=True)
    phase = models.CharField("fas", max_length=16, choices=Phase, db_index=True)
    technique = models.CharField(
        "AI-teknik/förmåga", max_length=32, choices=Technique, db_index=True
    )
    data_used = models.CharField("data som används", max_length=300, blank=True)
    period = models.CharField("period", max_length=100, blank=True, help_text="T.ex. ”2023–”.")

    # The standard facts every initiative is described by, as the municipality states them.
    # Empty ones read "Uppgift saknas" on the page.
    purpose = models.TextField(
        "syfte",
        blank=True,
        help_text="Vad initiativet ska åstadkomma, i en eller ett par meningar.",
    )
    legal_basis = models.TextField(
        "rättslig grund (som kommunen anger den)",
        blank=True,
        help_text="Med kommunens egna ord, t.ex. lagrum eller beslut. Skriv inte personuppgifter.",
    )
    impact_assessment = models.CharField(
        "konsekvensbedömning avseende dataskydd",
        max_length=16,
        choices=ImpactAssessment,
        default=ImpactAssessment.UNKNOWN,
        db_index=True,
    )
    human_oversight = models.TextField(
        "mänsklig kontroll",
        blank=True,
        help_text="Hur människor granskar och tar ansvar för det systemet föreslår. "
        "Skriv inte personuppgifter.",
    )
    sourcing = models.CharField(
        "hur lösningen tagits fram",
        max_length=16,
        choices=Sourcing,
        default=Sourcing.UNKNOWN,
        db_index=True,
    )
    started_on = models.DateField(
        "startdatum",
        null=True,
        blank=True,
        help_text="Bara om källan anger ett datum; ett år eller en termin skrivs under Period.",
    )
    results = models.TextField(
        "resultat hittills",
        blank=True,
        help_text="Markdown. Vad som har kommit ut av initiativet hittills. "
        "Skriv inte personuppgifter.",
    )
    contact_email = models.EmailField(
        "kontakt: e-post (funktionsbrevlåda)",
        blank=True,
        help_text="En funktionsbrevlåda, t.ex. socialtjansten@kommun.se – inte en persons adress.",
    )
    contact_phone = models.CharField(
        "kontakt: telefon",
        max_length=40,
        blank=True,
        help_text="Växel eller funktionsnummer – inte en persons mobilnummer.",
    )
    confirmed_on = models.DateField(
        "senast bekräftad av kommunen",
        null=True,
        blank=True,
        help_text="Dagen då kommunen senast bekräftade uppgifterna. Lämna tomt annars.",
    )

    # The sections of the case study; empty ones are not shown.
    goals = models.TextField("mål och syfte", blank=True, help_text="Markdown.")
    implementation = models.TextField("genomförande", blank=True, help_text="Markdown.")
    technology = models.TextField("teknik", blank=True, help_text="Markdown.")
    law_and_ethics = models.TextField("juridik och etik", blank=True, help_text="Markdown.")
    lessons_learned = models.TextField("lärdomar", blank=True, help_text="Markdown.")
    contact = models.TextField(
        "kontakt",
        blank=True,
        help_text="Funktion eller förvaltning att vända sig till. Skriv inte privata uppgifter.",
    )
    source_url = models.URLField("källa (länk)", max_length=500, blank=True)
    source_title = models.CharField("källa (namn)", max_length=300, blank=True)
    other_sources = models.TextField(
        "fler källor",
        blank=True,
        help_text="Markdown: en punktlista med en länk per källa, t.ex. "
        "”- [Slutrapporten (digg.se)](https://www.digg.se/…)”. Visas under Källa.",
    )
    editor_note = models.TextField(
        "intern anteckning",
        blank=True,
        help_text="Visas inte för besökarna och finns inte i öppna data: t.ex. vad källan "
        "inte säger eller vad som behöver kontrolleras med kommunen.",
    )
    image = models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bild",
        help_text="Visas på kortet i listor och överst på sidan. Ladda upp den under Bilder.",
    )

    tags = TaggableManager("ämnen", blank=True, help_text="Kommaseparerade ämnen.")

    objects = InitiativeQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-published_at", "title"]
        verbose_name = "AI-initiativ"
        verbose_name_plural = "AI-initiativ"
        permissions = [("publish_initiative", "Kan publicera AI-initiativ")]
        indexes = [SearchVectorIndex(fields=["search_vector"], name="initiative_search_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The phase log is written here, next to the value it compares with, rather than
        # in a signal: every save that changes the phase records it, in the same transaction.
        stored_phase = None
        if self.pk is not None:
            stored_phase = (
                Initiative._base_manager.filter(pk=self.pk).values_list("phase", flat=True).first()
            )
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.record_phase_change(previous_phase=stored_phase)

    def record_phase_change(self, *, previous_phase):
        """Log the current phase if it differs from `previous_phase` (None: a new initiative)."""
        if previous_phase == self.phase:
            return
        self.phase_changes.create(
            phase=self.phase,
            # A new initiative has been in its phase since it was first told about;
            # a later change happens today.
            changed_on=timezone.localdate(self.published_at)
            if previous_phase is None
            else timezone.localdate(),
        )

    def restored_from(self, before):
        """After a restore (publishing.services): log the phase if the restore changed it."""
        self.record_phase_change(previous_phase=before.phase)

    @property
    def published_on(self):
        return timezone.localdate(self.published_at) if self.published_at else None

    def phase_log(self):
        """The phase changes, newest first ("Status över tid")."""
        return list(self.phase_changes.all())

    def get_absolute_url(self):
        return reverse("initiatives:detail", kwargs={"slug": self.slug})

    @property
    def body_html(self):
        return self.markdown_html("body")

    @property
    def impact_assessment_known(self):
        return self.impact_assessment != self.ImpactAssessment.UNKNOWN

    @property
    def sourcing_known(self):
        return self.sourcing != self.Sourcing.UNKNOWN

    @property
    def has_contact(self):
        return bool(self.contact.strip() or self.contact_email or self.contact_phone.strip())

    @property
    def contact_phone_uri(self):
        """A tel: address for the phone number, or "" if it holds no digits to dial."""
        digits = re.sub(r"[^\d+]", "", self.contact_phone)
        return f"tel:{digits}" if re.search(r"\d", digits) else ""

    @property
    def results_html(self):
        return self.markdown_html("results")

    @property
    def other_sources_html(self):
        return self.markdown_html("other_sources")

    @property
    def is_ended(self):
        return self.phase == self.Phase.ENDED

    def sections(self):
        """The case-study sections that have content, as (anchor, heading, html)."""
        return [
            (field, heading, self.markdown_html(field))
            for field, heading in self.SECTIONS
            if getattr(self, field).strip()
        ]

    def related(self, limit=3):
        """Published initiatives sharing tags or area, most shared tags first.

        Remembered per content generation (publishing/generation.py), keyed by what the
        answer depends on, so a preview of a draft with other tags gets its own.
        """
        tag_ids = sorted(tag.pk for tag in self.tags.all())  # prefetched on the page
        return generation.remember(
            f"related-initiatives-of:{self.pk}:{self.area}:{tag_ids}:{limit}",
            lambda: self._related(tag_ids, limit),
        )

    def _related(self, tag_ids, limit):
        candidates = (
            Initiative.objects.published()
            .exclude(pk=self.pk)
            .filter(models.Q(tags__in=tag_ids) | models.Q(area=self.area))
            .annotate(shared=models.Count("tags", filter=models.Q(tags__in=tag_ids)))
            .order_by("-shared", "-published_at")
            .distinct()
        )
        return list(candidates.for_cards()[:limit])


class InitiativePhaseChange(models.Model):
    """The day an initiative entered a phase, e.g. when a pilot was stopped."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="phase_changes",
        verbose_name="AI-initiativ",
    )
    phase = models.CharField("fas", max_length=16, choices=Initiative.Phase)
    changed_on = models.DateField("datum", default=timezone.localdate)
    note = models.CharField(
        "kommentar",
        max_length=300,
        blank=True,
        help_text="Visas för besökarna, t.ex. ”Piloten avbröts efter utvärderingen.”",
    )

    class Meta:
        ordering = ["-changed_on", "-id"]
        verbose_name = "fasändring"
        verbose_name_plural = "status över tid"

    def __str__(self):
        return f"{self.get_phase_display()} ({self.changed_on:%Y-%m-%d})"
