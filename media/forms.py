"""The admin's upload forms: every file is checked by its content, with Swedish errors.

A refused file never costs the editor the rest of the form: the admin shows the form again
with everything else as typed (a browser never refills a file field, so only the file is
chosen again).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from media import files, images
from media.models import Document, Film, Image


def _new_upload(value) -> bool:
    return isinstance(value, UploadedFile)


def check_size(upload, setting: str) -> None:
    limit = getattr(settings, setting)
    if upload.size > limit:
        raise ValidationError(
            "Filen är för stor (%(size)s). Den får vara högst %(limit)s.",
            code="file_too_large",
            params={"size": files.size_label(upload.size), "limit": files.size_label(limit)},
        )


def check_image(upload, setting="MEDIA_MAX_IMAGE_BYTES") -> None:
    check_size(upload, setting)
    images.clean(upload)  # raises the Swedish ValidationError for what cannot be read


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["title", "file", "alt", "decorative"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if _new_upload(upload):
            check_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("decorative") and not cleaned.get("alt", "").strip():
            self.add_error(
                "alt",
                ValidationError(
                    "Skriv en alternativtext som beskriver bilden, eller kryssa i ”dekorativ "
                    "bild” om den inte tillför någon information.",
                    code="alt_required",
                ),
            )
        if cleaned.get("decorative"):
            cleaned["alt"] = ""
        return cleaned


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if _new_upload(upload):
            check_size(upload, "MEDIA_MAX_DOCUMENT_BYTES")
            if files.document_kind(upload, upload.name) is None:
                raise ValidationError(
                    "Filen är inte en PDF-, Word-, Excel-, PowerPoint- eller OpenDocument-fil "
                    "(eller så stämmer filnamnets ändelse inte med innehållet). Välj en "
                    "sådan fil.",
                    code="document_type",
                )
        return upload


class FilmForm(forms.ModelForm):
    class Meta:
        model = Film
        fields = [
            "title",
            "film_id",
            "description",
            "video",
            "poster",
            "captions",
            "status",
            "published_at",
            "unpublish_at",
        ]

    def clean_film_id(self):
        return self.cleaned_data["film_id"].strip().lower()

    def clean_video(self):
        upload = self.cleaned_data.get("video")
        if _new_upload(upload):
            check_size(upload, "MEDIA_MAX_FILM_BYTES")
            kind = files.film_kind(upload)
            extension = upload.name.rsplit(".", 1)[-1].lower()
            if kind is None or kind != extension:
                raise ValidationError("Filmen måste vara en MP4- eller WebM-fil.", code="film_type")
        return upload

    def clean_poster(self):
        upload = self.cleaned_data.get("poster")
        if _new_upload(upload):
            check_image(upload)
        return upload

    def clean_captions(self):
        upload = self.cleaned_data.get("captions")
        if _new_upload(upload):
            check_size(upload, "MEDIA_MAX_CAPTIONS_BYTES")
            if not upload.name.lower().endswith(".vtt") or not files.is_webvtt(upload):
                raise ValidationError(
                    "Undertexterna måste vara en WebVTT-fil (.vtt) som börjar med ”WEBVTT”.",
                    code="captions_type",
                )
        return upload
