"""Films: uploaded with a poster and required captions, played with the browser's controls."""

import re

import pytest
from django.utils import timezone

from media.forms import FilmForm
from publishing import registry
from publishing.markdown import render_markdown
from tests import media_samples as samples
from tests.factories import FilmFactory

pytestmark = pytest.mark.django_db


def test_a_published_film_is_shown_with_controls_poster_and_default_captions(client):
    film = FilmFactory(film_id="webbinarium-2024-del-1", title="Webbinariet, del 1")
    html = render_markdown(f"## Inspelningen\n\n{film.embed_code}")
    video = re.search(r"<video [^>]+>", html)[0]
    assert "controls" in video and 'data-film-id="webbinarium-2024-del-1"' in video
    assert f'poster="{film.poster.url}"' in video
    assert "autoplay" not in video
    assert f'<source src="{film.video.url}" type="video/webm">' in html
    track = re.search(r"<track [^>]+>", html)[0]
    assert 'kind="captions"' in track and 'srclang="sv"' in track and "default" in track
    assert client.get(film.captions.url)["Content-Type"].startswith("text/vtt")


def test_a_film_that_is_not_published_yet_is_not_shown():
    film = FilmFactory(published_at=timezone.now() + timezone.timedelta(days=1))
    assert render_markdown(film.embed_code) == ""
    draft = FilmFactory(draft=True)
    assert render_markdown(draft.embed_code) == ""


def test_the_statistics_know_exactly_the_published_films():
    FilmFactory(film_id="del-1")
    FilmFactory(film_id="del-2", draft=True)
    FilmFactory(film_id="del-3", unpublish_at=timezone.now() - timezone.timedelta(minutes=1))
    assert registry.film_ids() == {"del-1"}


def test_the_poster_loses_its_camera_data():
    film = FilmFactory(
        poster=samples.upload("affisch.jpg", samples.jpeg_bytes(orientation=6, camera=True))
    )
    with film.poster.open("rb") as handle:
        data = handle.read()
    assert b"Kamerafabriken" not in data


def film_form(**files):
    uploads = {
        "video": samples.upload("film.mp4", samples.MP4_HEAD),
        "poster": samples.upload("affisch.png", samples.png_bytes()),
        "captions": samples.upload("text.vtt", samples.VTT),
    }
    uploads.update({k: v for k, v in files.items() if v is not None})
    for name, value in files.items():
        if value is None:
            uploads.pop(name)
    now = timezone.localtime()
    data = {
        "title": "Webbinariet",
        "film_id": "Webbinarium-2024-Del-1",
        "status": "published",
        "published_at": now.strftime("%Y-%m-%d %H:%M:%S"),
    }
    return FilmForm(data=data, files=uploads)


def test_a_complete_film_is_accepted_and_its_id_is_lower_case():
    form = film_form()
    assert form.is_valid(), form.errors
    assert form.cleaned_data["film_id"] == "webbinarium-2024-del-1"


def test_captions_are_required():
    form = film_form(captions=None)
    assert not form.is_valid()
    assert "captions" in form.errors
    assert form["title"].value() == "Webbinariet"


@pytest.mark.parametrize(
    "captions",
    [
        samples.upload("text.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHej\n"),
        samples.upload("text.vtt", b"1\n00:00:00.000 --> 00:00:01.000\nHej\n"),
    ],
)
def test_captions_must_be_webvtt(captions):
    form = film_form(captions=captions)
    assert not form.is_valid()
    assert form.errors["captions"] == [
        "Undertexterna måste vara en WebVTT-fil (.vtt) som börjar med ”WEBVTT”."
    ]


@pytest.mark.parametrize(
    "video",
    [
        samples.upload("film.mp4", samples.pdf_bytes()),
        samples.upload("film.mp4", samples.WEBM_HEAD),  # the name must match the content
        samples.upload("film.avi", b"RIFF\x00\x00\x00\x00AVI "),
    ],
)
def test_the_film_must_be_mp4_or_webm(video):
    form = film_form(video=video)
    assert not form.is_valid()
    assert form.errors["video"] == ["Filmen måste vara en MP4- eller WebM-fil."]


def test_a_film_over_the_limit_gets_a_swedish_error(settings):
    settings.MEDIA_MAX_FILM_BYTES = 10
    form = film_form()
    assert not form.is_valid()
    assert "Filen är för stor" in form.errors["video"][0]


@pytest.mark.parametrize("film_id", ["med mellanslag", "../etc", "å-ä-ö", "-börjar-med-streck"])
def test_film_ids_are_plain(film_id):
    form = film_form()
    form.data = {**form.data, "film_id": film_id}
    assert not form.is_valid()
    assert "film_id" in form.errors
