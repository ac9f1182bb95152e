"""Documents: checked by content, labelled "(pdf, 1,2 MB)", at an address that never changes."""

import pytest

from media.forms import DocumentForm
from publishing.markdown import render_markdown
from tests import media_samples as samples
from tests.factories import CategoryFactory, DocumentFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_document_is_served_at_its_own_address(client):
    document = DocumentFactory(title="Vägledning om AI-förordningen")
    assert (
        document.get_absolute_url() == f"/dokument/{document.pk}/vagledning-om-ai-forordningen.pdf"
    )
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == samples.pdf_bytes()
    assert "inline" in response["Content-Disposition"]


def test_replacing_the_file_keeps_the_address(client):
    document = DocumentFactory()
    address, old_file = document.get_absolute_url(), document.file.name
    document.file = samples.upload("ny-version.pdf", samples.pdf_bytes(padding=2000))
    document.save()
    assert document.get_absolute_url() == address
    assert document.file.name != old_file
    response = client.get(address)
    assert b"".join(response.streaming_content) == samples.pdf_bytes(padding=2000)
    assert not document.file.storage.exists(old_file)


def test_an_outdated_slug_or_extension_redirects_to_the_current_address(client):
    document = DocumentFactory(title="Gammal titel")
    old = document.get_absolute_url()
    document.title = "Ny titel"
    document.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == document.get_absolute_url()
    assert client.get(f"/dokument/{document.pk}/ny-titel.docx").status_code == 301
    assert client.get("/dokument/999/ny-titel.pdf").status_code == 404


def test_the_file_itself_is_reached_only_through_the_stable_address(client):
    document = DocumentFactory()
    assert client.get(document.file.url).status_code == 404


def test_office_files_are_downloaded_with_their_type(client):
    document = DocumentFactory(file=samples.upload("tabell.xlsx", samples.ooxml_bytes("xl/")))
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert document.get_absolute_url().endswith(".xlsx")


def test_a_document_link_says_type_and_size_the_swedish_way():
    document = DocumentFactory(
        title="Rapport", file=samples.upload("r.pdf", samples.pdf_bytes(padding=1_234_000))
    )
    assert document.label == "(pdf, 1,2 MB)"
    html = render_markdown(f"Läs [[dokument:{document.pk}]] först.")
    assert (
        f'<a href="{document.get_absolute_url()}" class="document-link">Rapport (pdf, 1,2 MB)</a>'
        in html
    )


def test_a_resource_can_point_to_a_document(client, site_pages):
    category = CategoryFactory()
    document = DocumentFactory(title="Checklista")
    ResourceFactory(category=category, url="", document=document)
    html = client.get(category.get_absolute_url()).content.decode()
    assert f'href="{document.get_absolute_url()}"' in html
    assert "Checklista (pdf, " in html and " kB)" in html


def form(file, title="Vägledning"):
    return DocumentForm(data={"title": title}, files={"file": file})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("vagledning.pdf", b"<html><script>alert(1)</script></html>"),
        ("vagledning.docx", samples.pdf_bytes()),
        ("bild.png", samples.png_bytes()),
    ],
)
def test_a_wrong_file_type_gets_a_swedish_error_and_keeps_the_title(name, content):
    bad = form(samples.upload(name, content))
    assert not bad.is_valid()
    assert "PDF-, Word-, Excel-, PowerPoint- eller OpenDocument-fil" in bad.errors["file"][0]
    assert bad["title"].value() == "Vägledning"


def test_a_document_over_the_limit_gets_a_swedish_error(settings):
    settings.MEDIA_MAX_DOCUMENT_BYTES = 2_000_000
    bad = form(samples.upload("stor.pdf", samples.pdf_bytes(padding=2_600_000)))
    assert not bad.is_valid()
    assert bad.errors["file"] == ["Filen är för stor (2,6 MB). Den får vara högst 2,0 MB."]


@pytest.mark.parametrize(
    "path",
    [
        "/dokument/99999999999999999999999/x.pdf",
        "/dokument/0/x.pdf",
        "/media/../portal/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/bilder/%00.jpg",
        "/media/bilder/",
        "/media/dokument",
        "/media/finns-inte.jpg",
    ],
)
def test_hostile_media_addresses_answer_404(client, path):
    assert client.get(path).status_code == 404


def test_media_answer_only_safe_methods(client):
    document = DocumentFactory()
    assert client.post(document.get_absolute_url()).status_code == 405
