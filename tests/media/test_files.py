"""What an uploaded file is, read from its bytes (media/files.py)."""

import io

import pytest

from media import files
from tests import media_samples as samples


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("rapport.pdf", samples.pdf_bytes(), "pdf"),
        ("Rapport.PDF", samples.pdf_bytes(), "pdf"),
        ("gammal.doc", samples.CFB_BYTES, "doc"),
        ("tabell.xls", samples.CFB_BYTES, "xls"),
        ("bilder.ppt", samples.CFB_BYTES, "ppt"),
        ("text.docx", samples.ooxml_bytes("word/"), "docx"),
        ("kalkyl.xlsx", samples.ooxml_bytes("xl/"), "xlsx"),
        ("presentation.pptx", samples.ooxml_bytes("ppt/"), "pptx"),
        ("text.odt", samples.odf_bytes("text"), "odt"),
        ("kalkyl.ods", samples.odf_bytes("spreadsheet"), "ods"),
        ("presentation.odp", samples.odf_bytes("presentation"), "odp"),
    ],
)
def test_documents_are_recognised_by_their_content(name, content, extension):
    assert files.document_kind(io.BytesIO(content), name).extension == extension


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", b"<html>not a pdf</html>"),  # right name, wrong content
        ("rapport.docx", samples.pdf_bytes()),  # a PDF named as Word
        ("text.pdf", samples.ooxml_bytes()),  # Word named as PDF
        ("arkiv.zip", samples._zip({"a.txt": "a"})),  # a zip that is no office file
        ("text.docx", samples._zip({"word/document.xml": "<w/>"})),  # no [Content_Types].xml
        ("gammal.exe", samples.CFB_BYTES),
        ("skript.pdf", b"MZ\x90\x00"),
        ("trasig.docx", b"PK\x03\x04 broken"),
        ("tom.pdf", b""),
        ("utan-andelse", samples.pdf_bytes()),
    ],
)
def test_anything_else_is_refused(name, content):
    assert files.document_kind(io.BytesIO(content), name) is None


def test_films_and_captions_are_recognised_by_their_content():
    assert files.film_kind(io.BytesIO(samples.WEBM_HEAD)) == "webm"
    assert files.film_kind(io.BytesIO(samples.MP4_HEAD)) == "mp4"
    assert files.film_kind(io.BytesIO(samples.pdf_bytes())) is None
    assert files.is_webvtt(io.BytesIO(samples.VTT))
    assert files.is_webvtt(io.BytesIO(b"\xef\xbb\xbfWEBVTT\n"))
    assert not files.is_webvtt(io.BytesIO(b"1\n00:00:00,000 --> 00:00:01,000\nSRT\n"))
    assert not files.is_webvtt(io.BytesIO(b"WEBVTTX\n"))


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (1, "1 kB"),
        (840_000, "840 kB"),
        (999_400, "999 kB"),
        (999_600, "1,0 MB"),
        (1_234_567, "1,2 MB"),
        (25_000_000, "25,0 MB"),
        (150_000_000, "150 MB"),
    ],
)
def test_sizes_are_written_the_swedish_way(size, label):
    assert files.size_label(size) == label
