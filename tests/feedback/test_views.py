"""The visitor's flow without JavaScript (plain POSTs) and with it (fetch, fragments)."""

import html
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse

from feedback.models import Feedback
from feedback.services import make_comment_token
from tests.factories import CategoryFactory, InitiativeFactory, PageFactory

pytestmark = pytest.mark.django_db

ANSWER = reverse("feedback:answer")
COMMENT = reverse("feedback:comment")
FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def text(response):
    # Swedish number formatting groups thousands with a no-break space.
    return html.unescape(response.content.decode()).replace("\xa0", " ")


def token_from(location):
    return parse_qs(urlsplit(location).query)["aterkoppling"][0]


def test_answer_then_comment_without_javascript(client, site_pages):
    page = site_pages["introduktion-till-ai"].get_absolute_url()

    response = client.post(ANSWER, {"page": page, "helpful": "nej"})

    assert response.status_code == 303
    assert response["Location"].startswith(f"{page}?aterkoppling=")
    assert response["Location"].endswith("#feedback")
    feedback = Feedback.objects.get()
    assert (feedback.page, feedback.helpful, feedback.comment) == (page, False, "")

    shown = client.get(response["Location"])
    assert shown.status_code == 200
    body = text(shown)
    assert "Tack för ditt svar!" in body
    assert "Vad kan vi förbättra?" in body
    assert "Skriv inte personuppgifter, till exempel personnummer, namn eller telefonnummer" in body

    response = client.post(
        COMMENT,
        {
            "page": page,
            "token": token_from(response["Location"]),
            "comment": "Saknar info. Min klient 19800101-1234 ringer 070-123 45 67.",
        },
    )

    assert response.status_code == 303
    assert response["Location"] == f"{page}?aterkoppling=klar#feedback"
    feedback.refresh_from_db()
    assert feedback.comment == "Saknar info. Min klient [personnummer] ringer [telefonnummer]."
    assert feedback.redacted is True
    assert Feedback.objects.count() == 1
    assert "Tack för din kommentar!" in text(client.get(response["Location"]))


def test_answer_with_javascript_returns_the_block_in_place(client, site_pages):
    response = client.post(ANSWER, {"page": "/", "helpful": "ja"}, **FETCH)

    assert response.status_code == 200
    body = text(response)
    assert "Tack för ditt svar!" in body
    assert 'action="/aterkoppling/kommentar/"' in body
    assert "<html" not in body  # a fragment to swap in, not a page
    assert Feedback.objects.get().helpful is True

    token = body.split('name="token" value="')[1].split('"')[0]
    response = client.post(
        COMMENT, {"page": "/", "token": token, "comment": "Bra sida, mejla a@b.se"}, **FETCH
    )

    assert response.status_code == 200
    assert "Tack för din kommentar!" in text(response)
    assert Feedback.objects.get().comment == "Bra sida, mejla [e-post]"


@pytest.mark.parametrize("answer", [None, "", "kanske", "JA NEJ"])
def test_missing_or_unknown_answer_is_a_swedish_400(client, site_pages, answer):
    data = {"page": "/"}
    if answer is not None:
        data["helpful"] = answer

    for extra in ({}, FETCH):
        response = client.post(ANSWER, data, **extra)
        assert response.status_code == 400
        assert "Välj Ja eller Nej." in text(response)
    assert not Feedback.objects.exists()


def test_comment_over_the_limit_is_refused_and_kept(client, site_pages):
    token = make_comment_token(
        feedback_id=Feedback.objects.create(page="/", helpful=False).pk, page="/"
    )
    long_comment = "Åtgärda <detta> & mer." * 60  # 1 320 characters

    for extra in ({}, FETCH):
        response = client.post(
            COMMENT, {"page": "/", "token": token, "comment": long_comment}, **extra
        )
        assert response.status_code == 400
        body = text(response)
        assert "Kommentaren får vara högst 1 000 tecken. Nu är den 1 320 tecken." in body
        assert long_comment in body  # nothing the visitor wrote is lost
        assert 'aria-invalid="true"' in body
        assert 'href="#feedback-kommentar"' in body  # the error summary links to the field
    assert Feedback.objects.get().comment == ""


def test_answer_with_a_too_long_comment_keeps_the_comment(client, site_pages):
    response = client.post(ANSWER, {"page": "/", "helpful": "nej", "comment": "x" * 1001})
    assert response.status_code == 400
    assert "<title>Fel: Hjälpte denna information dig?" in text(response)
    assert "x" * 1001 in text(response)
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "page",
    [
        "/finns-inte/alls/",
        "/ingen-sida-med-den-adressen/",
        "/admin/",
        "/aterkoppling/svar/",
        "",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_a_page_that_does_not_exist_is_refused_without_redirect(client, site_pages, page):
    response = client.post(ANSWER, {"page": page, "helpful": "ja"})

    assert response.status_code == 400
    assert "Location" not in response
    assert "Sidan som svaret gäller finns inte på webbplatsen." in text(response)
    assert not Feedback.objects.exists()


def test_draft_content_pages_do_not_take_feedback(client, site_pages):
    draft = PageFactory(slug="hemlig", draft=True)
    initiative = InitiativeFactory(draft=True)
    for page in (draft.get_absolute_url(), initiative.get_absolute_url()):
        assert client.post(ANSWER, {"page": page, "helpful": "ja"}).status_code == 400
    assert not Feedback.objects.exists()


def test_comment_with_a_bad_or_foreign_token_offers_the_answer_again(client, site_pages):
    other = make_comment_token(feedback_id=1, page="/stod-och-verktyg/")
    for token in ["förfalskad", other]:
        response = client.post(COMMENT, {"page": "/", "token": token, "comment": "Min text"})
        assert response.status_code == 400
        body = text(response)
        assert "Vi kunde inte koppla kommentaren till ditt svar" in body
        assert ">Min text</textarea>" in body
        assert 'name="helpful" value="ja"' in body  # Ja/Nej again, with the comment

    response = client.post(ANSWER, {"page": "/", "helpful": "ja", "comment": "Min text"})
    assert response.status_code == 303
    assert response["Location"] == "/?aterkoppling=klar#feedback"
    assert Feedback.objects.get().comment == "Min text"


def test_honeypot_gets_the_success_response_and_nothing_is_stored(client, site_pages):
    response = client.post(ANSWER, {"page": "/", "helpful": "ja", "website": "http://spam"})

    assert response.status_code == 303
    token = token_from(response["Location"])
    assert "Tack för ditt svar!" in text(client.get(response["Location"]))

    response = client.post(COMMENT, {"page": "/", "token": token, "comment": "Köp billigt!"})
    assert response.status_code == 303
    assert not Feedback.objects.exists()


def test_a_spam_token_cannot_be_told_from_a_real_one(client, site_pages):
    from django.core import signing

    from feedback.services import TOKEN_SALT

    real = token_from(client.post(ANSWER, {"page": "/", "helpful": "ja"})["Location"])
    spam = token_from(
        client.post(ANSWER, {"page": "/", "helpful": "nej", "website": "x"})["Location"]
    )
    real_payload = signing.loads(real, salt=TOKEN_SALT)
    spam_payload = signing.loads(spam, salt=TOKEN_SALT)
    assert set(real_payload) == set(spam_payload) == {"n", "x", "page"}
    assert {type(v) for v in real_payload.values()} == {type(v) for v in spam_payload.values()}
    assert Feedback.objects.get().pk != real_payload["x"]  # the id is masked


def test_rate_limit_answers_like_success_but_stores_nothing(
    client, site_pages, settings, each_counting_cache
):
    settings.FEEDBACK_RATE_LIMIT = 3
    pages = ["/", "/ai-initiativ/", "/stod-och-verktyg/", "/amnen/", "/introduktion-till-ai/"]
    responses = [client.post(ANSWER, {"page": page, "helpful": "ja"}) for page in pages]

    assert [r.status_code for r in responses] == [303] * 5
    assert Feedback.objects.count() == 3
    # Another client (address) is not affected.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.post(ANSWER, {"page": "/amnen/", "helpful": "nej"}).status_code == 303
    assert Feedback.objects.count() == 4


def test_duplicate_answers_are_stored_once(client, site_pages, each_counting_cache):
    for _ in range(3):
        assert client.post(ANSWER, {"page": "/", "helpful": "ja"}).status_code == 303
    client.post(ANSWER, {"page": "/", "helpful": "nej"})
    assert sorted(Feedback.objects.values_list("helpful", flat=True)) == [False, True]


def test_a_comment_is_attached_only_once(client, site_pages, each_counting_cache):
    feedback = Feedback.objects.create(page="/", helpful=True)
    token = make_comment_token(feedback_id=feedback.pk, page="/")
    client.post(COMMENT, {"page": "/", "token": token, "comment": "Första"})
    client.post(COMMENT, {"page": "/", "token": token, "comment": "Andra"})
    feedback.refresh_from_db()
    assert feedback.comment == "Första"


def test_empty_comment_gets_a_message(client, site_pages):
    token = make_comment_token(feedback_id=None, page="/")
    response = client.post(COMMENT, {"page": "/", "token": token, "comment": "  "})
    assert response.status_code == 400
    assert "Skriv vad vi kan förbättra innan du skickar." in text(response)


def test_get_is_not_allowed_and_never_a_500(client):
    assert client.get(ANSWER).status_code == 405
    assert client.get(COMMENT).status_code == 405
    assert client.get(reverse("feedback:film_play")).status_code == 405


def test_cross_site_protection_stays_on(site_pages):
    """No CSRF token any more: the browser's Fetch Metadata says where a post comes from."""
    strict = Client(enforce_csrf_checks=True)
    cross = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://elak.example"}
    assert strict.post(ANSWER, {"page": "/", "helpful": "ja"}, **cross).status_code == 403
    assert not Feedback.objects.exists()
    same = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    assert strict.post(ANSWER, {"page": "/", "helpful": "ja"}, **same).status_code == 303


def test_nothing_identifying_the_visitor_is_stored(site_pages):
    visitor = Client(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Mozilla/5.0 Unik-Agent/1.0")
    visitor.cookies["sessionid"] = "kaka-123"
    visitor.post(ANSWER, {"page": "/", "helpful": "ja", "comment": "Bra"})

    fields = {field.name for field in Feedback._meta.get_fields()}
    assert fields == {
        "id",
        "page",
        "helpful",
        "comment",
        "redacted",
        "status",
        "created_at",
        "version_id",  # the page content's version, nothing about the visitor
    }
    stored = " ".join(str(value) for value in Feedback.objects.values().get().values())
    for secret in ["203.0.113.9", "Unik-Agent", "kaka-123"]:
        assert secret not in stored


def test_not_found_page_has_the_block_and_files_feedback_under_404(client, site_pages):
    response = client.get("/finns-inte/alls/")
    assert response.status_code == 404
    body = text(response)
    assert "Hjälpte denna information dig?" in body
    assert 'name="page" value="/404"' in body

    response = client.post(ANSWER, {"page": "/404", "helpful": "nej"})

    assert response.status_code == 303
    assert response["Location"].startswith(reverse("feedback:thanks") + "?aterkoppling=")
    assert Feedback.objects.get().page == "/404"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Tack för ditt svar!" in text(thanks)
    assert thanks.content.decode().count("<h1") == 1


def test_redirect_goes_back_to_a_page_with_pagination_path_only(client, site_pages):
    response = client.post(
        ANSWER, {"page": "/ai-initiativ/?page=2&x=https://evil", "helpful": "ja"}
    )
    assert response.status_code == 303
    assert response["Location"].startswith("/ai-initiativ/?aterkoppling=")


def test_every_public_page_type_shows_the_block(client, site_pages):
    initiative = InitiativeFactory(tags=["etik"])
    category = CategoryFactory(slug="juridik")
    addresses = [
        "/",
        reverse("portal:tag_list"),
        reverse("portal:tag", kwargs={"slug": "etik"}),
        initiative.get_absolute_url(),
        reverse("initiatives:list"),
        category.get_absolute_url(),
        reverse("resources:category_list"),
        site_pages["natverk-och-forum"].get_absolute_url(),
        "/finns-inte/",
    ]
    for address in addresses:
        response = client.get(address)
        body = response.content.decode()
        assert body.count('id="feedback"') == 1, address
        assert "Hjälpte denna information dig?" in body, address
        assert 'src="/static/js/feedback.js" defer' in body
        assert body.count("<h1") == 1, address


def test_admin_pages_do_not_show_the_block(admin_client):
    body = admin_client.get("/admin/").content.decode()
    assert "Hjälpte denna information dig?" not in body


def test_an_answer_retried_after_a_failed_write_is_stored(client, site_pages, each_counting_cache):
    """The duplicate marker is kept only for a stored answer, so a retry after a 503 counts."""
    failure = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(Feedback.objects, "create", side_effect=failure):
        first = client.post(ANSWER, {"page": "/", "helpful": "nej", "comment": "Saknar kontakt"})
    assert first.status_code == 503
    assert not Feedback.objects.exists()

    retry = client.post(ANSWER, {"page": "/", "helpful": "nej", "comment": "Saknar kontakt"})

    assert retry.status_code == 303
    assert list(Feedback.objects.values_list("helpful", "comment")) == [(False, "Saknar kontakt")]
    # Once stored, the same answer again is still a duplicate.
    client.post(ANSWER, {"page": "/", "helpful": "nej", "comment": "Saknar kontakt"})
    assert Feedback.objects.count() == 1


def test_a_comment_retried_after_a_failed_write_is_attached(
    client, site_pages, each_counting_cache
):
    feedback = Feedback.objects.create(page="/", helpful=True)
    token = make_comment_token(feedback_id=feedback.pk, page="/")
    data = {"page": "/", "token": token, "comment": "Bra sida"}
    failure = OperationalError("server closed the connection unexpectedly")
    with mock.patch("feedback.services.Feedback.objects.filter", side_effect=failure):
        assert client.post(COMMENT, data).status_code == 503

    assert client.post(COMMENT, data).status_code == 303

    feedback.refresh_from_db()
    assert feedback.comment == "Bra sida"
