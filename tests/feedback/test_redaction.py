"""The redactor: no personnummer, phone number or e-mail address survives; nothing else changes."""

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.redaction import EMAIL, PERSONNUMMER, PHONE, redact, redact_text

# Swedish sentences a visitor might write around the number. None contains a digit, so
# after redaction no digit at all may remain.
SENTENCES = [
    "Min klient har personnummer {} och behöver hjälp.",
    "{}",
    "Ring mig på {} så pratar vi vidare.",
    "Handläggaren ({}) svarade aldrig.",
    "Kontakta {}, tack!",
    "Det gäller {}.",
    "Jag skrev {}\noch fick inget svar.",
    "Uppgiften {}: stämmer den?",
    "Numret är {}; det står i akten.",
    "Sidan saknar info om ärendet {} och om hur man gör.",
]
FILLER_WORDS = st.lists(
    st.sampled_from(
        ["socialtjänsten", "ärendet", "hej", "bra", "sida", "AI", "äldreomsorg", "tack", "vi"]
    ),
    max_size=4,
).map(" ".join)


def in_sentence(numbers):
    return st.tuples(st.sampled_from(SENTENCES), numbers, FILLER_WORDS, FILLER_WORDS).map(
        lambda t: f"{t[2]} {t[0].format(t[1])} {t[3]}".strip()
    )


@st.composite
def personnummer(draw):
    """A personnummer or samordningsnummer in any written form, check digit right or wrong."""
    date = draw(
        st.dates(min_value=datetime.date(1890, 1, 1), max_value=datetime.date(2025, 12, 31))
    )
    day = date.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer: day + 60
    serial = draw(st.from_regex(r"\A\d{4}\Z"))
    twelve = draw(st.booleans())
    year = f"{date.year}" if twelve else f"{date.year % 100:02d}"
    separator = draw(st.sampled_from(["-", "+", " ", ""]))
    return f"{year}{date.month:02d}{day:02d}{separator}{serial}"


def digits(n):
    return st.from_regex(rf"\A\d{{{n}}}\Z")


@st.composite
def swedish_phone(draw):
    mobile = "7" + draw(st.sampled_from("02369")) + draw(digits(7))
    stockholm = "8" + draw(digits(draw(st.sampled_from([7, 8]))))
    area = draw(st.sampled_from(["31", "40", "13", "90", "980", "470", "54"]))
    other = area + draw(digits(8 - len(area)))
    number = draw(st.sampled_from([mobile, stockholm, other]))
    national = "0" + number
    if number is mobile:
        grouped = f"0{number[:2]}-{number[2:5]} {number[5:7]} {number[7:]}"
        spaced = f"0{number[:2]} {number[2:5]} {number[5:7]} {number[7:]}"
        intl_grouped = f"+46 {number[:2]} {number[2:5]} {number[5:7]} {number[7:]}"
    elif number is stockholm:
        grouped = f"08-{number[1:4]} {number[4:6]} {number[6:]}"
        spaced = f"08 {number[1:4]} {number[4:]}"
        intl_grouped = f"+46 8 {number[1:4]} {number[4:6]} {number[6:]}"
    else:
        rest = number[len(area) :]
        grouped = f"0{area}-{rest[:2]} {rest[2:4]} {rest[4:]}"
        spaced = f"0{area} {rest}"
        intl_grouped = f"+46 {area} {rest}"
    return draw(
        st.sampled_from(
            [
                national,
                grouped,
                spaced,
                f"0{number[:2]}-{number[2:]}",
                intl_grouped,
                f"+46{number}",
                f"0046 {number}",
                f"0046{number}",
                f"+46 (0){number[:2]}-{number[2:]}",
                f"({national[:3]}) {national[3:]}",
            ]
        )
    )


@st.composite
def international_phone(draw):
    country = draw(st.sampled_from(["1", "44", "47", "45", "358", "49", "33"]))
    subscriber = draw(digits(draw(st.integers(min_value=7, max_value=10))))
    form = draw(st.sampled_from(["spaced", "dashed", "plain", "zeros"]))
    if form == "spaced":
        return f"+{country} {subscriber[:3]} {subscriber[3:6]} {subscriber[6:]}"
    if form == "dashed":
        return f"+{country} {subscriber[:3]}-{subscriber[3:6]}-{subscriber[6:]}"
    if form == "zeros":
        return f"00{country} {subscriber}"
    return f"+{country}{subscriber}"


emails = st.tuples(
    st.from_regex(r"\A[a-zåäö][a-zåäö0-9._-]{0,15}[a-z0-9]\Z"),
    st.sampled_from(["kommun.se", "stockholm.se", "gmail.com", "socialstyrelsen.se", "x.co.uk"]),
    st.sampled_from(["@", " (at) ", "[at]", "@"]),
).map(lambda t: f"{t[0]}{t[2]}{t[1]}")


def assert_gone(original_number, text, markers):
    out = redact_text(text)
    assert not re.search(r"\d", out), (text, out)
    assert any(marker in out for marker in markers), (text, out)
    assert re.sub(r"\D", "", original_number) not in re.sub(r"\D", "", out)
    # Idempotent: a second pass changes nothing.
    assert redact_text(out) == out


@settings(max_examples=250, deadline=None)
@given(st.data())
def test_no_personnummer_survives(data):
    number = data.draw(personnummer())
    text = data.draw(in_sentence(st.just(number)))
    assert_gone(number, text, [PERSONNUMMER])


@settings(max_examples=250, deadline=None)
@given(st.data())
def test_no_swedish_phone_number_survives(data):
    number = data.draw(swedish_phone())
    text = data.draw(in_sentence(st.just(number)))
    # An unbroken 10-digit number starting 07 is also a valid personnummer (born 2007):
    # either marker is right as long as the number is gone.
    assert_gone(number, text, [PHONE, PERSONNUMMER])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_no_international_phone_number_survives(data):
    number = data.draw(international_phone())
    text = data.draw(in_sentence(st.just(number)))
    assert_gone(number, text, [PHONE])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_no_email_address_survives(data):
    address = data.draw(emails)
    text = data.draw(in_sentence(st.just(address)))
    out = redact_text(text)
    assert EMAIL in out
    assert "@" not in out
    assert address not in out
    assert redact_text(out) == out


@settings(max_examples=200, deadline=None)
@given(in_sentence(personnummer()), in_sentence(swedish_phone()), in_sentence(emails))
def test_mixed_text_loses_every_identifier_and_redacting_twice_changes_nothing(a, b, c):
    text = f"{a} {b} {c}"
    once = redact(text)
    assert once.changed
    assert not re.search(r"\d|@", once.text)
    twice = redact(once.text)
    assert twice.text == once.text
    assert not twice.changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitt personnummer är 19121212-1212.", "Mitt personnummer är [personnummer]."),
        ("Hon är född 121212+1212, över hundra år.", "Hon är född [personnummer], över hundra år."),
        ("Samordningsnummer 701063-2391 saknas.", "Samordningsnummer [personnummer] saknas."),
        ("Fel kontrollsiffra: 811218-9870", "Fel kontrollsiffra: [personnummer]"),
        ("Ring 08-123 456 78 eller 070-123 45 67.", "Ring [telefonnummer] eller [telefonnummer]."),
        ("Tel. +46 (0)31-12 34 56", "Tel. [telefonnummer]"),
        ("Norge: +47 22 12 34 56", "Norge: [telefonnummer]"),
        ("Mejla anna.andersson@kommun.se!", "Mejla [e-post]!"),
        ("Ring 070-123 45 67 före 2025.", "Ring [telefonnummer] före 2025."),
    ],
)
def test_examples(text, expected):
    assert redact_text(text) == expected


# Benign Swedish sentences with ordinary numbers: they must come out unchanged.
BENIGN = [
    "Webbinariet hölls den 16 januari 2024.",
    "Webbinariet hölls 2024-01-16 klockan 13.00–15.00.",
    "Deltagare från 91 procent av landets kommuner var med.",
    "Enligt 7 a § socialtjänstlagen (2001:453) ska nämnden dokumentera.",
    "Se SFS 2001:453 och 12 § förvaltningslagen.",
    "Dataskyddsförordningen, artikel 6.1 e, gäller här.",
    "Regeringsbeslut Fi2023/02301 gav uppdraget.",
    "Diarienummer S2022/04107 nämns i rapporten.",
    "Projektet kostade 1 250 000 kronor.",
    "Licensen kostar 12 500 kr per år.",
    "Svarstiden minskade med 30 %.",
    "Andelen ökade från 0,5 % till 2,3 %.",
    "Vi började 2019 och avslutade 2023.",
    "Kommunen har 290 medarbetare i hemtjänsten.",
    "Mötet flyttades till 16/1 kl. 09.30.",
    "Läs kapitel 3 och avsnitt 4.2 i slutrapporten.",
    "Sveriges 290 kommuner har olika förutsättningar.",
    "Öppet 8–17 på vardagar.",
    "Version 2.1.3 av verktyget släpptes i mars.",
    "Lagen (2018:218) med kompletterande bestämmelser gäller.",
    "Prop. 2024/25:1 tar upp frågan.",
    "Från 1 juli 2025 gäller den nya socialtjänstlagen (2025:400).",
    "Sidan 14 i vägledningen var otydlig.",
    "Av 1 200 ansökningar hanterades 850 automatiskt.",
    "Kalmar kommun, organisationsnummer 212000-0742, deltar.",
    "Pilotprojektet pågick 2022–2024 i tre faser.",
    "Vi har 24 timmars bemanning och 3 skift.",
    "Mellan kl. 08.00 och 16.30 svarar vi.",
    "Beslutet togs 2023-11-30 av nämnden.",
    "Årsredovisningen 2023 visar 4,2 miljoner i kostnader.",
    "Kapitel 26 § 1 offentlighets- och sekretesslagen är relevant.",
    "I tabell 2 finns åtta kategorier.",
    "Rapporten har 120 sidor och 45 figurer.",
    "Kursen är 7,5 högskolepoäng.",
    "Priset var 499:- per användare.",
    "Sidan nämner 3 av 10 verktyg.",
    "Projektet fick 2 000 000 kr i bidrag år 2024.",
]


@pytest.mark.parametrize("sentence", BENIGN)
def test_benign_sentences_are_unchanged(sentence):
    result = redact(sentence)
    assert result.text == sentence
    assert not result.changed


def test_corpus_is_large_enough():
    assert len(BENIGN) >= 30


def test_an_address_with_two_dots_in_a_row_goes_whole():
    # Found by the property test above: only "0@kommun.se" of "a0..0@kommun.se" went.
    assert redact("Skriv till a0..0@kommun.se nu").text == "Skriv till [e-post] nu"
