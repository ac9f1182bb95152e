"""The media library: images, documents and films that editors upload once and place anywhere.

Each kind is declared to the publishing registry, so editors get their rights, the page
cache goes stale when one changes, and (for films) the statistics know which films exist.
"""

import uuid
from pathlib import PurePosixPath

import reversion
from django.core.files.base import ContentFile
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from media import files, images
from publishing.models import ContentQuerySet, Publishable
from publishing.registry import Declaration


def _folder(kind: str, filename: str) -> str:
    # A fresh folder per upload: names never collide and an old address is never reused.
    name = PurePosixPath(filename).name
    return f"{kind}/{uuid.uuid4().hex}/{name}"


def image_path(instance, filename):
    return _folder("bilder", filename)


def document_path(instance, filename):
    return _folder("dokument", filename)


def film_path(instance, filename):
    return _folder("film", filename)


class Image(models.Model):
    """A picture with its alternative text and the responsive versions made at upload."""

    PUBLISHING = Declaration()

    title = models.CharField(
        "namn", max_length=200, help_text="För redaktionen: syns inte för besökarna."
    )
    file = models.ImageField(
        "bildfil",
        upload_to=image_path,
        width_field="width",
        height_field="height",
        help_text="JPEG, PNG eller WebP. Plats- och kamerauppgifter tas bort när bilden sparas.",
    )
    alt = models.CharField(
        "alternativtext",
        max_length=300,
        blank=True,
        help_text="Beskriv vad bilden visar för den som inte ser den.",
    )
    decorative = models.BooleanField(
        "dekorativ bild",
        default=False,
        help_text="Bara om bilden inte tillför någon information. Den får då ingen "
        "alternativtext och hoppas över av skärmläsare.",
    )
    width = models.PositiveIntegerField("bredd", editable=False, default=0)
    height = models.PositiveIntegerField("höjd", editable=False, default=0)
    # [{"width": 640, "height": 427, "format": "WEBP", "name": "bilder/…/namn-640.webp"}, …]
    renditions = models.JSONField("versioner", default=list, editable=False)
    updated_at = models.DateTimeField("senast ändrad", auto_now=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = "bild"
        verbose_name_plural = "bilder"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decorative=True) | ~models.Q(alt=""),
                name="media_image_alt_or_decorative",
                violation_error_message="Skriv en alternativtext, eller markera bilden som "
                "dekorativ.",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fresh = bool(self.file) and not self.file._committed
        old = self._stored_files() if fresh and self.pk else []
        if fresh:
            cleaned = images.clean(self.file.file)
            stem = PurePosixPath(self.file.name).stem
            self.file = ContentFile(cleaned.content, name=f"{stem}.{cleaned.extension}")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if fresh:
                self.renditions = self._make_renditions()
                super().save(update_fields=["renditions"])
        for name in old:
            self.file.storage.delete(name)

    def delete(self, *args, **kwargs):
        stored = self._stored_files()
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: [self.file.storage.delete(name) for name in stored])
        return result

    def _stored_files(self) -> list[str]:
        stored = Image.objects.filter(pk=self.pk).values_list("file", "renditions").first()
        if not stored:
            return []
        return [stored[0], *(r["name"] for r in stored[1])]

    def _make_renditions(self) -> list[dict]:
        storage = self.file.storage
        with storage.open(self.file.name) as original:
            content = original.read()
        extension = PurePosixPath(self.file.name).suffix.lstrip(".")
        source_format = {ext: fmt for fmt, (ext, _, _) in images.FORMATS.items()}[extension]
        folder = PurePosixPath(self.file.name).parent
        stem = PurePosixPath(self.file.name).stem
        made = []
        for width, height, out_format, data in images.renditions(content, source_format):
            extension = images.FORMATS[out_format][0]
            name = storage.save(str(folder / f"{stem}-{width}.{extension}"), ContentFile(data))
            made.append({"width": width, "height": height, "format": out_format, "name": name})
        return made

    @property
    def alt_text(self) -> str:
        return "" if self.decorative else self.alt

    def srcset(self, fmt: str) -> str:
        storage = self.file.storage
        return ", ".join(
            f"{storage.url(r['name'])} {r['width']}w" for r in self.renditions if r["format"] == fmt
        )

    def render(self, *, sizes="(min-width: 48rem) 46rem, 100vw", css_class="", lazy=True) -> str:
        """The image as <picture> with WebP and the original's format, each in every width."""
        own = [r for r in self.renditions if r["format"] != images.WEBP] or self.renditions
        return render_to_string(
            "media/picture.html",
            {
                "image": self,
                "webp_srcset": self.srcset(images.WEBP),
                "srcset": self.srcset(own[0]["format"]) if own else "",
                "sizes": sizes,
                "css_class": css_class,
                "lazy": lazy,
            },
        ).strip()

    @property
    def embed_code(self) -> str:
        return f"[[bild:{self.pk}]]"


class Document(models.Model):
    """A PDF or office file, always at the same address however often it is replaced."""

    PUBLISHING = Declaration()

    title = models.CharField(
        "titel", max_length=300, help_text="Länktexten, t.ex. ”Vägledning om AI-förordningen”."
    )
    file = models.FileField(
        "fil",
        upload_to=document_path,
        help_text="PDF, Word, Excel, PowerPoint eller OpenDocument. En ny fil ersätter den "
        "gamla på samma adress.",
    )
    extension = models.CharField("filtyp", max_length=8, editable=False)
    size = models.PositiveBigIntegerField("storlek (byte)", editable=False, default=0)
    updated_at = models.DateTimeField("senast ändrad", auto_now=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = "dokument"
        verbose_name_plural = "dokument"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fresh = bool(self.file) and not self.file._committed
        old = None
        if fresh and self.pk:
            old = Document.objects.filter(pk=self.pk).values_list("file", flat=True).first()
        if fresh:
            kind = files.document_kind(self.file.file, self.file.name)
            self.extension = kind.extension if kind else self.extension
            self.size = self.file.size
        super().save(*args, **kwargs)
        if old and old != self.file.name:
            self.file.storage.delete(old)

    def get_absolute_url(self):
        return reverse(
            "media:document", kwargs={"pk": self.pk, "slug": self.slug, "ext": self.extension}
        )

    def delete(self, *args, **kwargs):
        name, storage = self.file.name, self.file.storage
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: storage.delete(name) if name else None)
        return result

    @property
    def slug(self) -> str:
        return slugify(self.title)[:80] or "dokument"

    @property
    def kind(self) -> files.Kind | None:
        return files.DOCUMENT_KINDS.get(self.extension)

    @property
    def label(self) -> str:
        """How the link says what it leads to: "(pdf, 1,2 MB)"."""
        return f"({self.extension}, {files.size_label(self.size)})"

    @property
    def embed_code(self) -> str:
        return f"[[dokument:{self.pk}]]"


film_id_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,99}$",
    "Använd bara små bokstäver a–z, siffror, bindestreck och understreck.",
)


@reversion.register()
class Film(Publishable):
    """A recorded film (the webinar) with its poster and required captions."""

    PUBLISHING = Declaration(film_id_field="film_id")

    title = models.CharField("titel", max_length=200)
    film_id = models.CharField(
        "film-id",
        max_length=100,
        unique=True,
        validators=[film_id_validator],
        help_text="Filmens namn i statistiken, t.ex. ”webbinarium-2024-del-1”. Ändra det "
        "inte efter publiceringen: visningarna räknas på det.",
    )
    video = models.FileField("filmfil", upload_to=film_path, help_text="MP4 (H.264) eller WebM.")
    poster = models.ImageField(
        "affischbild",
        upload_to=film_path,
        help_text="Bilden som visas innan filmen startar (JPEG, PNG eller WebP).",
    )
    captions = models.FileField(
        "undertexter (WebVTT)",
        upload_to=film_path,
        help_text="Krävs: inspelad film ska ha undertexter (lagen om tillgänglighet till "
        "digital offentlig service). En .vtt-fil som börjar med WEBVTT.",
    )
    description = models.TextField(
        "beskrivning",
        blank=True,
        help_text="Visas under filmen, t.ex. vilka som medverkar.",
    )

    class Meta(Publishable.Meta):
        ordering = ["title"]
        verbose_name = "film"
        verbose_name_plural = "filmer"
        permissions = [("publish_film", "Kan publicera film")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.poster and not self.poster._committed:
            cleaned = images.clean(self.poster.file)
            stem = PurePosixPath(self.poster.name).stem
            self.poster = ContentFile(cleaned.content, name=f"{stem}.{cleaned.extension}")
        super().save(*args, **kwargs)

    @property
    def video_type(self) -> str:
        return files.FILM_KINDS.get(self.video_extension, "")

    @property
    def video_extension(self) -> str:
        return PurePosixPath(self.video.name).suffix.lstrip(".").lower()

    @property
    def video_size(self) -> str:
        try:
            return files.size_label(self.video.size)
        except OSError:  # the file is missing from storage: say nothing rather than fail
            return ""

    def render(self) -> str:
        return render_to_string("media/film.html", {"film": self}).strip()

    @property
    def embed_code(self) -> str:
        return f"[[film:{self.film_id}]]"
