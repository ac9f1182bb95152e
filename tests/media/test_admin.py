"""The media library in the admin, as an editor uses it."""

import pytest

from media.models import Document, Film, Image
from tests import media_samples as samples
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editors_may_manage_the_library_and_publish_films(editor):
    for model in (Image, Document, Film):
        name = model._meta.model_name
        assert all(
            editor.has_perm(f"media.{action}_{name}") for action in ("add", "change", "delete")
        )
    assert editor.has_perm("media.publish_film")


def test_a_wrong_file_is_refused_in_swedish_and_the_title_stays(editor_client):
    response = editor_client.post(
        "/admin/media/document/add/",
        {"title": "Min vägledning", "file": samples.upload("v.pdf", b"GIF89a not a pdf")},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "PDF-, Word-, Excel-, PowerPoint- eller OpenDocument-fil" in html
    assert 'value="Min vägledning"' in html
    assert not Document.objects.exists()


def test_replacing_a_document_in_the_admin_keeps_its_address(editor_client):
    document = DocumentFactory(title="Checklista")
    address = document.get_absolute_url()
    response = editor_client.post(
        f"/admin/media/document/{document.pk}/change/",
        {"title": "Checklista", "file": samples.upload("ny.docx", samples.ooxml_bytes())},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extension == "docx"
    # A new kind of file gets the new extension; the old address leads there.
    assert editor_client.get(address)["Location"] == document.get_absolute_url()
    assert document.get_absolute_url() == address.removesuffix(".pdf") + ".docx"


def test_the_image_list_shows_the_code_to_paste(editor_client):
    editor_client.post(
        "/admin/media/image/add/",
        {
            "title": "Handläggare",
            "alt": "Två handläggare",
            "file": samples.upload("f.jpg", samples.jpeg_bytes(400, 300)),
        },
    )
    image = Image.objects.get()
    assert (
        f"<code>[[bild:{image.pk}]]</code>"
        in editor_client.get("/admin/media/image/").content.decode()
    )
