"""Reading numbers and text from requests never raises, and gives only safe values."""

import unicodedata

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from publishing.params import clean_text, clean_values, is_clean_text, positive_int

anything = st.one_of(st.text(), st.none(), st.integers(), st.binary())


@given(anything)
def test_positive_int_never_raises_and_is_positive_or_the_default(value):
    result = positive_int(value, "standard")
    assert result == "standard" or (isinstance(result, int) and result >= 1)


@given(st.integers(min_value=1, max_value=10**18 - 1))
def test_positive_int_reads_ascii_digits(number):
    assert positive_int(str(number)) == number
    assert positive_int(f" {number} ") == number


def test_positive_int_refuses_what_int_would_refuse_or_misread():
    for value in ["²", "⁵", "١٢", "１２", "9" * 5000, "0", "-1", "+1", "1e3", "1.0", "", "1_000"]:
        assert positive_int(value, None) is None, value
    assert positive_int("0007") == 7


@given(st.text(), st.integers(min_value=0, max_value=50))
def test_clean_text_drops_control_characters_and_respects_the_length(value, length):
    cleaned = clean_text(value, length)
    assert len(cleaned) <= length
    assert is_clean_text(cleaned)
    assert not any(unicodedata.category(c) in {"Cc", "Cs"} for c in cleaned)


def test_clean_text_keeps_ordinary_text():
    assert clean_text("  Välfärd och AI – så funkar det 😀 ") == "Välfärd och AI – så funkar det 😀"
    assert clean_text("a\x00b\x1fc\ud800d") == "abcd"
    assert clean_text(None) == ""


@given(st.lists(st.text(), max_size=80))
def test_clean_values_are_distinct_clean_and_bounded(values):
    params = QueryDict(mutable=True)
    params.setlist("amne", values)
    cleaned = clean_values(params, "amne", max_values=5, max_length=10)
    assert len(cleaned) <= 5
    assert len(set(cleaned)) == len(cleaned)
    assert all(value and len(value) <= 10 and is_clean_text(value) for value in cleaned)


def test_clean_values_drop_over_long_values_instead_of_cutting_them():
    params = QueryDict("amne=ai&amne=ai&amne=%00&amne=" + "x" * 11 + "&amne=spr%C3%A5k")
    assert clean_values(params, "amne", max_values=5, max_length=10) == ["ai", "språk"]
