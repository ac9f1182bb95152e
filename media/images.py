"""Uploaded images: cleaned once, and the responsive versions made once, at upload.

The original is turned upright (its EXIF orientation applied) and saved again without any
metadata, so no location, camera or owner reaches visitors. Renditions are made at a few
widths no wider than the original, each in the original's format and in WebP beside it.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError

# Pillow is imported where an upload is processed, not when the app starts: a worker that
# only serves pages never loads it (see bench/README.md, worker memory).

# Formats taken, and how each is saved again.
FORMATS = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 80}),
}
WEBP = "WEBP"
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
# A decompression bomb (a tiny file that opens as a vast picture) is refused.
MAX_PIXELS = 50_000_000


@dataclass(frozen=True)
class Cleaned:
    content: bytes
    format: str  # "JPEG", "PNG", "WEBP"
    width: int
    height: int

    @property
    def extension(self) -> str:
        return FORMATS[self.format][0]


def _open(file):
    from PIL import Image as PillowImage
    from PIL import UnidentifiedImageError

    file.seek(0)
    try:
        picture = PillowImage.open(file)
        if picture.format not in FORMATS:
            raise ValidationError(
                "Bilden måste vara en JPEG-, PNG- eller WebP-fil.", code="image_format"
            )
        if picture.width * picture.height > MAX_PIXELS:
            raise ValidationError("Bilden har för många bildpunkter.", code="image_too_large")
        picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, PillowImage.DecompressionBombError):
        raise ValidationError(
            "Filen är ingen bild som går att läsa. Ladda upp en JPEG-, PNG- eller WebP-fil.",
            code="image_invalid",
        ) from None
    finally:
        file.seek(0)
    return picture


def _encode(picture, fmt: str) -> bytes:
    if fmt == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    out = io.BytesIO()
    # No exif=, no text chunks: the new file carries no metadata beyond its colour profile.
    options = dict(FORMATS[fmt][2])
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    picture.save(out, format=fmt, **options)
    return out.getvalue()


def clean(file) -> Cleaned:
    """The upright image without metadata, or a Swedish ValidationError."""
    from PIL import ImageOps

    picture = _open(file)
    fmt = picture.format
    upright = ImageOps.exif_transpose(picture)
    stripped = upright.copy()
    # Keep only what draws the picture: its colour profile and transparency.
    stripped.info = {k: v for k, v in upright.info.items() if k in ("icc_profile", "transparency")}
    return Cleaned(_encode(stripped, fmt), fmt, stripped.width, stripped.height)


def renditions(content: bytes, fmt: str):
    """(width, height, format, bytes) for each size, in `fmt` and in WebP."""
    from PIL import Image as PillowImage

    picture = PillowImage.open(io.BytesIO(content))
    picture.load()
    widths = [w for w in RENDITION_WIDTHS if w < picture.width] + [picture.width]
    for width in widths:
        height = max(1, round(picture.height * width / picture.width))
        resized = picture if width == picture.width else picture.resize((width, height))
        for out_format in dict.fromkeys((fmt, WEBP)):
            yield width, height, out_format, _encode(resized, out_format)
