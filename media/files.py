"""What an uploaded file is, read from its bytes rather than its name.

Documents: PDF, the old binary Office formats, Office Open XML and OpenDocument. Films:
MP4 and WebM. Captions: WebVTT. The checks are small and pure (no libmagic): a file's
first bytes, and for the zip-based formats the zip's own table of contents.
"""

import zipfile
from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
# Compound File Binary: Word 97–2003 (.doc), Excel (.xls), PowerPoint (.ppt).
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Kind:
    extension: str  # what the address and the label say: "pdf", "docx"
    content_type: str
    label: str  # what an editor reads: "PDF", "Word"


DOCUMENT_KINDS = {
    kind.extension: kind
    for kind in (
        Kind("pdf", "application/pdf", "PDF"),
        Kind("doc", "application/msword", "Word"),
        Kind("xls", "application/vnd.ms-excel", "Excel"),
        Kind("ppt", "application/vnd.ms-powerpoint", "PowerPoint"),
        Kind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word",
        ),
        Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        Kind(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint",
        ),
        Kind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument-text"),
        Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-kalkyl"),
        Kind("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument-presentation"),
    )
}
# The folder inside an Office Open XML package that says which application wrote it.
OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_MIMETYPES = {DOCUMENT_KINDS[ext].content_type: ext for ext in ("odt", "ods", "odp")}

FILM_KINDS = {"mp4": "video/mp4", "webm": "video/webm"}


def _head(file, size=16) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def document_kind(file, name: str) -> Kind | None:
    """The document kind of `file` (uploaded as `name`), or None if it is none we take.

    The content decides; the name only tells the three binary Office formats apart,
    which share one container, and must agree with the content.
    """
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    head = _head(file)
    if head.startswith(PDF_MAGIC):
        found = "pdf"
    elif head.startswith(CFB_MAGIC):
        found = extension if extension in {"doc", "xls", "ppt"} else None
    elif head.startswith(ZIP_MAGIC):
        found = _zip_kind(file)
    else:
        found = None
    if found is None or extension != found:
        return None
    return DOCUMENT_KINDS[found]


def _zip_kind(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" in names:
                for prefix, extension in OOXML_PARTS.items():
                    if any(n.startswith(prefix) for n in names):
                        return extension
                return None
            if names and names[0] == "mimetype":
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return ODF_MIMETYPES.get(mimetype)
            return None
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def film_kind(file) -> str | None:
    """ "mp4" or "webm" when the bytes are one of them, else None."""
    head = _head(file, 12)
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(bytes.fromhex("1A45DFA3")):  # EBML: WebM (and Matroska)
        return "webm"
    return None


def is_webvtt(file) -> bool:
    """A WebVTT file starts with "WEBVTT" (after an optional byte-order mark)."""
    head = _head(file, 10).removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and (len(head) == 6 or head[6:7] in b" \t\r\n")


def size_label(size: int) -> str:
    """A file size as Swedish agencies write it: "840 kB", "1,2 MB"."""
    kilobytes = max(1, round(size / 1000))
    if kilobytes < 1000:
        return f"{kilobytes} kB"
    megabytes = size / 1000 / 1000
    text = f"{megabytes:.1f}" if megabytes < 100 else f"{megabytes:.0f}"
    return f"{text.replace('.', ',')} MB"
