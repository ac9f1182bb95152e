"""The media library in the admin: upload, see where to use it, copy its short code."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html

from media.forms import DocumentForm, FilmForm, ImageForm
from media.models import Document, Film, Image
from publishing.admin import PublishableAdmin


class LabelledFileWidget(AdminFileWidget):
    """The admin's file input with a real <label for>, not a <fieldset> and <legend>.

    Django's admin wraps file inputs in a fieldset whose legend names the group, which
    leaves the input itself without a label (axe: "Form elements must have labels").
    """

    use_fieldset = False


class EmbedCodeMixin:
    formfield_overrides = {
        models.FileField: {"widget": LabelledFileWidget},
        models.ImageField: {"widget": LabelledFileWidget},
    }

    def delete_queryset(self, request, queryset):
        # One by one, so each row's files leave the storage with it.
        for obj in queryset:
            obj.delete()

    @admin.display(description="kod att klistra in i texten")
    def embed_column(self, obj):
        return format_html("<code>{}</code>", obj.embed_code) if obj.pk else "–"


@admin.register(Image)
class ImageAdmin(EmbedCodeMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = ["title", "thumbnail", "alt", "decorative", "embed_column", "updated_at"]
    search_fields = ["title", "alt"]
    readonly_fields = ["thumbnail", "size_column", "embed_column"]
    fieldsets = [
        (None, {"fields": ["title", "file", "thumbnail", "size_column"]}),
        (
            "Tillgänglighet",
            {
                "fields": ["alt", "decorative"],
                "description": "Alternativtexten läses upp för den som inte ser bilden. "
                "Lämna den tom bara för en dekorativ bild.",
            },
        ),
        (
            "Använd bilden",
            {
                "fields": ["embed_column"],
                "description": "Klistra in koden på en egen rad i en brödtext, eller välj "
                "bilden som bild för ett AI-initiativ.",
            },
        ),
    ]

    @admin.display(description="bild")
    def thumbnail(self, obj):
        if not obj.pk or not obj.renditions:
            return "–"
        smallest = obj.renditions[0]
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="media-thumbnail">',
            obj.file.storage.url(smallest["name"]),
            160,
            round(160 * smallest["height"] / smallest["width"]),
        )

    @admin.display(description="storlek i bildpunkter")
    def size_column(self, obj):
        return f"{obj.width} × {obj.height}" if obj.pk else "–"


@admin.register(Document)
class DocumentAdmin(EmbedCodeMixin, admin.ModelAdmin):
    form = DocumentForm
    list_display = ["title", "label_column", "address_column", "embed_column", "updated_at"]
    search_fields = ["title"]
    readonly_fields = ["label_column", "address_column", "embed_column"]
    fields = ["title", "file", "label_column", "address_column", "embed_column"]

    @admin.display(description="så står det i länken")
    def label_column(self, obj):
        return f"{obj.title} {obj.label}" if obj.pk else "–"

    @admin.display(description="adress")
    def address_column(self, obj):
        if not obj.pk:
            return "Adressen skapas när dokumentet sparas och ändras inte när filen byts."
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())


@admin.register(Film)
class FilmAdmin(EmbedCodeMixin, PublishableAdmin):
    form = FilmForm
    list_display = ["title", "film_id", "state_column", "embed_column", "updated_at"]
    search_fields = ["title", "film_id", "description"]
    readonly_fields = [*PublishableAdmin.readonly_fields, "embed_column"]
    fieldsets = [
        (None, {"fields": ["title", "film_id", "description"]}),
        (
            "Filer",
            {
                "fields": ["video", "poster", "captions"],
                "description": "Filmen spelas med webbläsarens egna knappar. Undertexter "
                "krävs för inspelad film.",
            },
        ),
        (
            "Använd filmen",
            {
                "fields": ["embed_column"],
                "description": "Klistra in koden på en egen rad i sidans brödtext, t.ex. på "
                "sidan om webbinariet. Bara publicerade filmer visas och räknas i statistiken.",
            },
        ),
        PublishableAdmin.publication_fieldset,
    ]

    def _editor_context(self, request, obj=None):
        # A film has no page of its own to preview: it is shown where its code is placed.
        return {**super()._editor_context(request), "preview_url": ""}
