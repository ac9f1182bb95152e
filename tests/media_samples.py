"""Small media made on the spot for tests: nothing is downloaded.

Images come from Pillow; the PDF is written by hand; the office files are zip packages
with just the parts their formats are recognised by; the films are only their first bytes
(a real, playable film is recorded by the browser itself in tests/browser/test_media.py).
"""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

# EXIF tags: Orientation, Make, Model, GPSInfo.
ORIENTATION, MAKE, MODEL, GPS = 0x0112, 0x010F, 0x0110, 0x8825


def jpeg_bytes(width=1200, height=800, *, orientation=None, camera=True, colour=(30, 90, 160)):
    picture = PillowImage.new("RGB", (width, height), colour)
    # A marker in the top left corner, so tests can see which way is up.
    picture.paste((250, 250, 0), (0, 0, width // 4, height // 4))
    exif = PillowImage.Exif()
    if orientation:
        exif[ORIENTATION] = orientation
    if camera:
        exif[MAKE] = "Kamerafabriken"
        exif[MODEL] = "Modell 7"
        exif[GPS] = {1: "N", 2: (59.0, 19.0, 48.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes(width=400, height=300):
    out = io.BytesIO()
    PillowImage.new("RGBA", (width, height), (0, 128, 0, 128)).save(out, "PNG")
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_bytes(padding=0):
    """A minimal one-page PDF, hand-written; `padding` bytes of comment make it bigger."""
    body = (
        b"%PDF-1.4\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    )
    body += b"%" + b"x" * padding + b"\n" if padding else b""
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def _zip(entries, *, stored_first=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1])
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def ooxml_bytes(folder="word/"):
    return _zip({"[Content_Types].xml": "<Types/>", f"{folder}document.xml": "<w/>"})


def odf_bytes(kind="text"):
    return _zip(
        {"content.xml": "<office:document-content/>"},
        stored_first=("mimetype", f"application/vnd.oasis.opendocument.{kind}"),
    )


CFB_BYTES = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
WEBM_HEAD = bytes.fromhex("1A45DFA3") + b"\x00" * 60
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 40
VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nVälkomna till webbinariet.\n".encode()
