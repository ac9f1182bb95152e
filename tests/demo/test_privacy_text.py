"""The privacy texts say what the redactor removes and, honestly, what it cannot."""

import re

from django.template.loader import render_to_string

from demo.pages import OM_WEBBPLATSEN
from feedback.forms import CommentForm


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&nbsp;", " ")


def test_the_comment_hint_names_what_is_removed_and_what_is_not():
    hint = plain(render_to_string("feedback/_comment_field.html", {"form": CommentForm()}))
    assert "Skriv inte personuppgifter, till exempel personnummer, namn eller telefonnummer" in hint
    assert "Personnummer, telefonnummer, e-post och adresser med postnummer tas bort" in hint
    assert "namn och beskrivningar av någons situation kan vi inte upptäcka" in hint


def test_om_webbplatsen_does_not_promise_what_a_machine_cannot_keep():
    body = " ".join(OM_WEBBPLATSEN["body"].split())
    assert "sparar aldrig personuppgifter" not in body
    assert (
        "tar vi automatiskt bort personnummer, samordningsnummer, telefonnummer, "
        "e-postadresser och adresser med postnummer" in body
    )
    assert "Namn och beskrivningar av en persons situation kan ingen automatik känna igen" in body
