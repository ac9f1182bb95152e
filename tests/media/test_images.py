"""Images: cleaned and made responsive once at upload, shown with srcset, width and height."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.db.models import ProtectedError
from PIL import Image as PillowImage

from media.forms import ImageForm
from media.models import Image
from portal.search import plain
from publishing.markdown import render_markdown
from tests import media_samples as samples
from tests.factories import ImageFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def stored(name):
    with default_storage.open(name) as handle:
        return PillowImage.open(io.BytesIO(handle.read()))


def test_location_and_camera_are_stripped_and_the_picture_stands_upright():
    # Orientation 6: the camera was turned; the pixels lie on their side.
    image = ImageFactory(
        file=samples.upload("semester.jpg", samples.jpeg_bytes(1200, 800, orientation=6))
    )
    assert (image.width, image.height) == (800, 1200)
    for name in [image.file.name, *(r["name"] for r in image.renditions)]:
        picture = stored(name)
        exif = picture.getexif()
        assert samples.GPS not in exif and samples.MAKE not in exif and samples.MODEL not in exif
        assert samples.ORIENTATION not in exif
        assert picture.width < picture.height  # upright, so no viewer turns it again


def test_renditions_are_made_once_in_the_original_format_and_in_webp():
    image = ImageFactory(file=samples.upload("foto.jpg", samples.jpeg_bytes(1000, 500)))
    made = {(r["width"], r["format"]) for r in image.renditions}
    assert made == {(w, f) for w in (320, 640, 960, 1000) for f in ("JPEG", "WEBP")}
    for rendition in image.renditions:
        picture = stored(rendition["name"])
        assert picture.format == rendition["format"]
        assert (picture.width, picture.height) == (rendition["width"], rendition["height"])


def test_a_small_image_is_never_enlarged():
    image = ImageFactory(file=samples.upload("liten.png", samples.png_bytes(200, 100)))
    assert {(r["width"], r["format"]) for r in image.renditions} == {(200, "PNG"), (200, "WEBP")}


def test_replacing_the_file_removes_the_old_versions():
    image = ImageFactory()
    old = [image.file.name, *(r["name"] for r in image.renditions)]
    image.file = samples.upload("ny.png", samples.png_bytes())
    image.save()
    assert not any(default_storage.exists(name) for name in old)
    assert default_storage.exists(image.file.name)


def test_an_image_in_markdown_has_srcset_sizes_width_height_and_alt():
    image = ImageFactory(alt="Handläggare vid skärm")
    html = render_markdown(f"Inledning.\n\n[[bild:{image.pk}]]\n\nSlut.")
    assert '<source type="image/webp" srcset="' in html
    img = re.search(r"<img [^>]+>", html)[0]
    assert 'srcset="' in img and 'sizes="' in img
    assert f'width="{image.width}"' in img and f'height="{image.height}"' in img
    assert 'alt="Handläggare vid skärm"' in img
    assert "<p><picture>" not in html  # the paragraph around the code is replaced


def test_the_code_of_a_missing_image_shows_nothing_and_markup_stays_sanitised():
    html = render_markdown('[[bild:999]]\n\n<img src="x" onerror="alert(1)">[[bild:abc]]')
    assert "<img" not in html and "[[" not in html.replace("[[bild:abc]]", "")


def test_a_decorative_image_has_an_empty_alt():
    image = ImageFactory(alt="", decorative=True)
    assert 'alt=""' in render_markdown(f"[[bild:{image.pk}]]")


def test_an_initiative_shows_its_image_on_its_card_and_page(client, site_pages):
    image = ImageFactory(alt="Robotarm i ett kök")
    initiative = InitiativeFactory(image=image)
    for url in (initiative.get_absolute_url(), "/ai-initiativ/"):
        html = client.get(url).content.decode()
        assert 'alt="Robotarm i ett kök"' in html
        assert image.srcset("WEBP") in html


def test_the_rendition_files_are_served(client):
    image = ImageFactory()
    response = client.get(default_storage.url(image.renditions[0]["name"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def form(data, file):
    return ImageForm(data=data, files={"file": file} if file else {})


def test_alt_text_is_required_unless_the_image_is_decorative():
    upload = samples.upload("foto.jpg", samples.jpeg_bytes())
    bad = form({"title": "Foto", "alt": "  "}, upload)
    assert not bad.is_valid()
    assert "alternativtext" in bad.errors["alt"][0]
    assert bad.data["title"] == "Foto"  # what the editor typed is shown again
    upload.seek(0)
    assert form({"title": "Foto", "decorative": "on"}, upload).is_valid()


@pytest.mark.parametrize(
    ("name", "content"),
    [("foto.jpg", b"not an image at all"), ("dokument.jpg", samples.pdf_bytes())],
)
def test_a_file_that_is_no_image_gets_a_swedish_error(name, content):
    bad = form({"title": "Foto", "alt": "Text"}, samples.upload(name, content))
    assert not bad.is_valid()
    assert "bild" in " ".join(bad.errors["file"]).lower()


def test_an_image_over_the_limit_gets_a_swedish_error(settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 1000
    bad = form({"title": "Foto", "alt": "Text"}, samples.upload("f.jpg", samples.jpeg_bytes()))
    assert not bad.is_valid()
    assert "för stor" in bad.errors["file"][0] and "1 kB" in bad.errors["file"][0]


def test_the_database_refuses_an_image_without_alt_text():
    image = ImageFactory()
    with pytest.raises(IntegrityError):
        Image.objects.filter(pk=image.pk).update(alt="")


def test_a_huge_number_in_a_code_shows_nothing():
    assert render_markdown("[[bild:99999999999999999999999]] [[dokument:9223372036854775808]]") == (
        "<p> </p>"
    )


def test_deleting_an_image_removes_its_files(django_capture_on_commit_callbacks):
    image = ImageFactory()
    names = [image.file.name, *(r["name"] for r in image.renditions)]
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_an_image_in_use_cannot_be_deleted():
    image = ImageFactory()
    InitiativeFactory(image=image)
    with pytest.raises(ProtectedError):
        image.delete()
    assert default_storage.exists(image.file.name)


def test_search_snippets_leave_the_codes_out():
    assert plain("Se bilden [[bild:12]] och [[film:webbinarium-2024-del-1]] nedan.") == (
        "Se bilden och nedan."
    )
