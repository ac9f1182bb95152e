"""An editor uploads an image, a PDF and the captioned film in the admin; visitors see them.

Every admin screen of the media library passes axe, wrong files get Swedish errors that keep
the rest of the form, and the film plays from the keyboard with the browser's own controls
and is counted. The media are made on the spot: Pillow for the images, a hand-written PDF,
and a film the browser records from a canvas (MediaRecorder), so nothing is downloaded.
"""

import base64
import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from feedback import viewcounts
from feedback.models import PageViewDay
from publishing.roles import ADMINISTRATOR, EDITOR, sync_roles
from tests import media_samples as samples
from tests.browser.test_accessibility import axe_report, run_axe
from tests.editorial import PASSWORD
from tests.factories import CategoryFactory, InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Three seconds of a moving square, recorded as WebM (VP8) by the browser itself.
RECORD_FILM = """async () => {
  const canvas = document.createElement("canvas");
  canvas.width = 160; canvas.height = 90;
  document.body.append(canvas);
  const context = canvas.getContext("2d");
  const stream = canvas.captureStream(25);
  const recorder = new MediaRecorder(stream, {mimeType: "video/webm;codecs=vp8"});
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const done = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start(100);
  let frame = 0;
  const timer = setInterval(() => {
    context.fillStyle = "#036"; context.fillRect(0, 0, 160, 90);
    context.fillStyle = "#fc0"; context.fillRect((frame++ * 4) % 160, 30, 30, 30);
  }, 40);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  clearInterval(timer);
  recorder.stop();
  await done;
  const buffer = await new Blob(chunks, {type: "video/webm"}).arrayBuffer();
  let binary = "";
  new Uint8Array(buffer).forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary);
}"""

VISITOR_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Safari/537.36"
)
CAPTIONS = (
    "WEBVTT\n\n00:00.000 --> 00:01.500\nVälkomna till webbinariet.\n\n"
    "00:01.500 --> 00:03.000\nI dag handlar det om AI i socialtjänsten.\n"
)


@pytest.fixture
def media_files(browser, tmp_path):
    context = browser.new_context()
    recorder = context.new_page()
    recorder.goto("about:blank")
    film = base64.b64decode(recorder.evaluate(RECORD_FILM))
    context.close()
    made = {
        "foto.jpg": samples.jpeg_bytes(1600, 900, orientation=1, camera=True),
        "vagledning.pdf": samples.pdf_bytes(padding=3000),
        "inte-en-pdf.pdf": samples.png_bytes(),
        "webbinarium.webm": film,
        "affisch.png": samples.png_bytes(640, 360),
        "undertexter.vtt": CAPTIONS.encode(),
        "undertexter.srt": b"1\n00:00:00,000 --> 00:00:01,000\nHej\n",
    }
    for name, content in made.items():
        (tmp_path / name).write_bytes(content)
    return {name: str(tmp_path / name) for name in made}


@pytest.fixture
def content(site_pages):
    return {
        "initiative": InitiativeFactory(title="Digitala tolken"),
        "resource": ResourceFactory(
            title="Checklista för upphandling", category=CategoryFactory(), url=""
        ),
        "webinar": site_pages["webbinarium"],
    }


@pytest.fixture
def visitor(browser):
    # A visitor's browser, not a headless one: statistics leave bots out.
    context = browser.new_context(locale="sv-SE", user_agent=VISITOR_AGENT)
    yield context.new_page()
    context.close()


def editor_account():
    # A transactional test before this one may have emptied the tables, groups included:
    # make the roles again the way migrate does.
    for name in (EDITOR, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)
    sync_roles()
    user = User.objects.create_user("redaktor", "redaktor@example.se", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def log_in(page, base, user):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Användarnamn").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{base}/admin/")


def assert_no_axe_violations(page, where):
    results = run_axe(page)
    assert not results.violations_count, f"{where}:\n{axe_report(results)}"


def publish(page):
    page.get_by_role("button", name="Publicera nu").click()
    page.wait_for_load_state("load")
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


# Four-eyes publishing has its own browser test (test_editors.py); here one editor's
# changes go out at once, so the test stays about the media.
@pytest.mark.usefixtures("without_four_eyes")
def test_an_editor_uploads_image_pdf_and_film_and_visitors_see_them(
    live_server, page, visitor, content, media_files
):
    base = live_server.url
    log_in(page, base, editor_account())

    # The image: alt text is required, and a missing one keeps what was typed.
    page.goto(f"{base}/admin/media/image/add/")
    assert_no_axe_violations(page, "ny bild")
    page.get_by_label("Namn").fill("Tolken vid ett hembesök")
    page.get_by_label("Bildfil").set_input_files(media_files["foto.jpg"])
    page.get_by_role("button", name="Spara", exact=True).click()
    assert "Skriv en alternativtext" in page.locator(".errorlist").first.inner_text()
    assert page.get_by_label("Namn").input_value() == "Tolken vid ett hembesök"
    assert_no_axe_violations(page, "ny bild med fel")
    page.get_by_label("Bildfil").set_input_files(media_files["foto.jpg"])
    page.get_by_label("Alternativtext").fill("En tolk och en handläggare vid ett köksbord")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(f"{base}/admin/media/image/")
    assert_no_axe_violations(page, "bildlistan")

    page.goto(f"{base}/admin/initiatives/initiative/{content['initiative'].pk}/change/")
    page.locator("#id_image").select_option(label="Tolken vid ett hembesök")
    publish(page)

    # The PDF: a picture named .pdf is refused in Swedish, the title stays.
    page.goto(f"{base}/admin/media/document/add/")
    assert_no_axe_violations(page, "nytt dokument")
    page.get_by_label("Titel").fill("Checklista för upphandling av AI")
    page.locator("#id_file").set_input_files(media_files["inte-en-pdf.pdf"])
    page.get_by_role("button", name="Spara", exact=True).click()
    assert "PDF-, Word-, Excel-, PowerPoint- eller OpenDocument-fil" in (
        page.locator(".errorlist").first.inner_text()
    )
    assert page.get_by_label("Titel").input_value() == "Checklista för upphandling av AI"
    assert_no_axe_violations(page, "nytt dokument med fel")
    page.locator("#id_file").set_input_files(media_files["vagledning.pdf"])
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(f"{base}/admin/media/document/")
    assert_no_axe_violations(page, "dokumentlistan")

    page.goto(f"{base}/admin/resources/resource/{content['resource'].pk}/change/")
    page.locator("#id_document").select_option(label="Checklista för upphandling av AI")
    publish(page)

    # The film: captions that are not WebVTT are refused, the rest of the form stays.
    page.goto(f"{base}/admin/media/film/add/")
    assert_no_axe_violations(page, "ny film")
    page.get_by_label("Titel").fill("Webbinariet om AI i socialtjänsten")
    page.get_by_label("Film-id").fill("webbinarium-2024-del-1")
    page.get_by_label("Filmfil").set_input_files(media_files["webbinarium.webm"])
    page.get_by_label("Affischbild").set_input_files(media_files["affisch.png"])
    page.get_by_label("Undertexter (WebVTT)").set_input_files(media_files["undertexter.srt"])
    page.get_by_role("button", name="Publicera nu").click()
    assert "WebVTT-fil" in page.locator(".errorlist").first.inner_text()
    assert page.get_by_label("Film-id").input_value() == "webbinarium-2024-del-1"
    assert_no_axe_violations(page, "ny film med fel")
    page.get_by_label("Filmfil").set_input_files(media_files["webbinarium.webm"])
    page.get_by_label("Affischbild").set_input_files(media_files["affisch.png"])
    page.get_by_label("Undertexter (WebVTT)").set_input_files(media_files["undertexter.vtt"])
    page.get_by_role("button", name="Publicera nu").click()
    page.wait_for_url(f"{base}/admin/media/film/")
    assert_no_axe_violations(page, "filmlistan")

    page.goto(f"{base}/admin/portal/page/{content['webinar'].pk}/change/")
    body = page.get_by_label("Brödtext")
    body.fill(body.input_value() + "\n\n[[film:webbinarium-2024-del-1]]\n")
    publish(page)

    # A visitor sees all three.
    visitor.goto(base + content["initiative"].get_absolute_url())
    picture = visitor.locator("picture img").first
    assert picture.get_attribute("alt") == "En tolk och en handläggare vid ett köksbord"
    assert re.search(r" 320w, .* 640w", picture.get_attribute("srcset"))
    assert (picture.get_attribute("width"), picture.get_attribute("height")) == ("1600", "900")
    assert visitor.locator("picture source[type='image/webp']").count() == 1
    assert visitor.evaluate("document.querySelector('picture img').naturalWidth") > 0

    visitor.goto(base + content["resource"].category.get_absolute_url())
    link = visitor.get_by_role("link", name=re.compile("Checklista för upphandling av AI"))
    assert re.fullmatch(r"Checklista för upphandling av AI \(pdf, \d+ kB\)", link.inner_text())
    with visitor.expect_response(lambda r: "/dokument/" in r.url) as answer:
        link.click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"] == "application/pdf"

    visitor.goto(base + content["webinar"].get_absolute_url())
    video = visitor.locator("video[data-film-id='webbinarium-2024-del-1']")
    assert video.get_attribute("controls") is not None
    track = video.locator("track")
    assert (track.get_attribute("kind"), track.get_attribute("srclang")) == ("captions", "sv")
    assert track.get_attribute("default") is not None
    assert_no_axe_violations(visitor, "webbinariesidan med film")

    # The keyboard reaches the browser's own play button; Enter starts the film.
    visitor.evaluate("document.querySelector('video').scrollIntoView()")
    for _ in range(60):
        visitor.keyboard.press("Tab")
        if visitor.evaluate("document.activeElement.tagName") == "VIDEO":
            break
    else:
        pytest.fail("Tab never reached the film's controls")
    with visitor.expect_response(lambda r: r.url.endswith(reverse("feedback:film_play"))) as play:
        visitor.keyboard.press("Enter")
    assert play.value.status == 204
    assert visitor.evaluate("document.querySelector('video').paused") is False
    assert visitor.evaluate("document.querySelector('video').textTracks[0].mode") == "showing"
    viewcounts.flush()  # as the statistics pages do when they are read
    assert PageViewDay.objects.filter(kind="film", key="webbinarium-2024-del-1").exists()
