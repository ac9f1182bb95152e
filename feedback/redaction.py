"""Remove personal data from visitors' free text before it is stored.

Visitors work in social services: a comment may carry a client's personnummer, a phone
number, an e-mail address or a home address. Those are replaced by markers. Ordinary
numbers (years, dates, times, SFS and proposition numbers, paragraph numbers,
percentages, amounts, diarienummer, ISBN, organisation numbers) are left alone.

People do not write numbers the way a form wants them, so the text is first read through
a normalised view of the same length: every Unicode decimal digit (full-width,
Arabic-Indic, Devanagari ...) reads as its ASCII digit, every dash as "-", every space
(no-break, thin, ideographic, zero-width, soft hyphen) as " ", and every other character
that NFKC folds to one character (full-width letters and punctuation, "＠", "﹫") as that
character. Matches are found in the view and cut out of the text as written, so what
stays keeps the visitor's own characters.

The rules lean towards removing: a personnummer with a wrong check digit is still a
personnummer to the person who wrote it, so check digits are never verified. What decides
between a personnummer and an ordinary number is its shape:

- A personnummer is 10 or 12 digits that read as (century) year, month 01-12, day 01-31
  or 61-91 (samordningsnummer) and four more digits; with 12 digits the century is 18, 19
  or 20. The digits may be broken up by spaces, dots, slashes, underscores, dashes or "+",
  but only where a person breaks one: between century, year, month, day and the two
  halves of the last four digits, or between every digit. "070-123 45 67" is therefore a
  phone number, not a personnummer born 2007, and "1 234 567 890" an amount.
- Organisation numbers (212000-2817) never have the shape: their third digit is 2 or more,
  so their "month" is 20 or more. The ones that do have it belong to a sole trader and are
  that person's personnummer, so removing them is right.
- A date written with its parts apart and directly followed by a clock time ("2024-01-16
  13.00") is a date and a time ("20000101 00.00" is a personnummer), and
  a number glued by a dash, dot or slash to more digits ("2024-01-16-2024-01-20") is part
  of something longer, such as a range or a diarienummer, not a personnummer.
- A phone number starts with "+", "00" or "0" and has 8 to 10 digits (national) or 8 to 15
  after the prefix (international). A clock time standing on its own ("08.00-17.00"), a
  day-month date ("01.02.2024") and an ISBN written after "ISBN" are not phone numbers.
- An e-mail address is found around its "@", however it is spelt: "@", "＠", "﹫", " at ",
  "(at)", "[at]", "snabel-a", with " punkt ", " dot ", "(dot)" or " . " for its dots.
- A street address is found by its postcode and town ("123 45 Ankeby"), taking in the
  street and number, "Box 123", "c/o ..." and "lgh 1102" or "2 tr" written before it. A
  postcode and town alone are removed too. An address without a postcode ("Stadshuset",
  "Storgatan 12") stays, and so do names: no rule can tell a name from other words.

Markers contain no digits and no "@", so redacting twice changes nothing. Every search is
bounded in how far it looks from one place, so the time taken grows linearly with the
length of the text, also for hostile input.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass

PERSONNUMMER = "[personnummer]"
PHONE = "[telefonnummer]"
EMAIL = "[e-post]"
ADDRESS = "[adress]"


@dataclass(frozen=True)
class Redacted:
    text: str
    changed: bool


# -- The normalised view ------------------------------------------------------------------


def _normalise_char(char: str) -> str:
    if char.isascii():
        return " " if char == "\t" else char
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    category = unicodedata.category(char)
    if category == "Zs" or category == "Cf":  # spaces; zero-width and soft hyphen
        return " "
    if category == "Pd" or char == "\u2212":  # dashes and the minus sign
        return "-"
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def _normalise(text: str) -> str:
    """Return a view of `text` of the same length, one character for each character."""
    if text.isascii():
        return text.replace("\t", " ")
    return "".join(map(_normalise_char, text))


# -- E-mail addresses ---------------------------------------------------------------------

# Found from their "@" outwards: the local part is read backwards from the "@" and the
# domain forwards, each within a bounded distance, so a long run of "a.a.a.a" without an
# "@" costs nothing.
_AT_RE = re.compile(
    r"@ *"
    r"|[(\[{<] *(?:at|snabel-?a|@) *[)\]}>] *"
    r"| (?:at|snabel-?a) +",
    re.IGNORECASE,
)
_DOT = r"(?:\.| \. | *[(\[{<] *(?:dot|punkt) *[)\]}>] *| +(?:dot|punkt) +)"
_DOMAIN_RE = re.compile(
    rf"[\w-]+(?:{_DOT}[\w-]+)*?{_DOT}[^\W\d_]{{2,}}(?![\w-])",
    re.IGNORECASE,
)
# The local part, read on the reversed text: the same pieces with reversed words.
_DOT_REVERSED = r"(?:\.| \. | *[)\]}>] *(?:tod|tknup) *[(\[{<] *| +(?:tod|tknup) +)"
# Every character RFC 5322 allows before the @, and dots even where it does not (two in a
# row, as people mistype them): removing a little too much beats leaving part of an address.
_LOCAL_CHARS = r"[\w!#$%&'*+/=?^`{|}~-]"
_LOCAL_REVERSED_RE = re.compile(
    rf"{_LOCAL_CHARS}+(?:(?:{_DOT_REVERSED})+{_LOCAL_CHARS}+)*", re.IGNORECASE
)
_LOCAL_MAX = 64
_DOMAIN_MAX = 255


def _email_spans(view: str):
    for at in _AT_RE.finditer(view):
        start, end = at.span()
        while start > 0 and view[start - 1] == " " and at.start() - start < 2:
            start -= 1
        before = view[max(0, start - _LOCAL_MAX) : start][::-1]
        local = _LOCAL_REVERSED_RE.match(before)
        domain = _DOMAIN_RE.match(view[end : end + _DOMAIN_MAX])
        if local and domain:
            yield start - local.end(), end + domain.end(), EMAIL


# -- Street addresses ---------------------------------------------------------------------

# The town may be written in lower case when a street stands before the postcode.
_POSTCODE_TOWN_RE = re.compile(
    r"(?<![\w\-./:])(?:(?i:se)-? ?|(?i:s)-)?[1-9]\d{2} {0,2}\d{2}(?!\d) {1,2}"
    r"(?P<town>[^\W\d_]+(?:[ -][A-ZÅÄÖÉÜ][^\W\d_]++(?! ?\d))?)"
)
# What may stand before the postcode, read at the end of a bounded window before it.
_STREET_RE = re.compile(
    r"(?:c/o [^\W\d_]+(?: [^\W\d_]+)?,? )?"
    r"(?:"
    r"(?:(?:[A-ZÅÄÖ][^\W\d_]*|(?i:stora|lilla|norra|södra|östra|västra|gamla|nya|sankt))\.? )?"
    r"[^\W\d_]{2,}\.? \d{1,4}(?: ?[A-Za-z]\b)?(?:-\d{1,4})?"
    r"|(?i:box|pl|postbox|postfack) \d{1,6}"
    r")"
    r"(?:,? (?i:lgh|lägenhet|lägh)\.? ?\d{4})?"
    r"(?:,? \d{1,2} ?(?i:tr|trappor|vån|våningen)\.?)?"
    r",? {0,2}\Z"
)
_STREET_WINDOW = 80


def _address_spans(view: str, blocked: bytearray):
    previous_end = 0
    for match in _POSTCODE_TOWN_RE.finditer(view):
        start, end = match.span()
        if any(blocked[start:end]):
            continue
        window_start = max(previous_end, start - _STREET_WINDOW)
        street = _STREET_RE.search(view, window_start, start)
        if street and not any(blocked[street.start() : start]):
            yield street.start(), end, ADDRESS
            previous_end = end
        elif match.group("town")[0].isupper():
            yield start, end, ADDRESS
            previous_end = end


# -- Runs of digits -----------------------------------------------------------------------

# What may stand between two digits of one number. A line break ends a number.
_PNR_SEP_RE = re.compile(r" {0,2}(?:[-./_+] {0,2})?")
_PHONE_SEP_RE = re.compile(r" {0,2}(?:[-./_()] {0,2}){0,2}")
# Characters that join a number to the digits before it ("2024-01", "2018:218").
_GLUE = set("-./_+:,")
# The fewest digits any identifier has (a national phone number), reachable through the
# broadest separators: a cheap test before a start is read digit by digit.
_ENOUGH_DIGITS_RE = re.compile(r"\d(?: {0,2}(?:[-./_+()] {0,2}){0,2}\d){7}")
_DIGIT_START_RE = re.compile(r"(?<!\d)\d")
_PNR_MAX_DIGITS = 12
_PHONE_MAX_DIGITS = 17


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _walk(view: str, pos: int, blocked: bytearray, sep_re: re.Pattern, limit: int):
    """Read up to `limit` digits from `pos`, the separator before each digit included.

    Returns [(separator, digit, index)]; the walk stops at a character that is neither a
    digit nor a separator, at a line break and at anything already redacted.
    """
    digits = [("", view[pos], pos)]
    index = pos + 1
    while len(digits) < limit:
        sep = sep_re.match(view, index)
        after = sep.end()
        if (
            after >= len(view)
            or not _is_digit(view[after])
            or blocked.find(1, index, after + 1) >= 0
        ):
            break
        digits.append((sep.group(), view[after], after))
        index = after + 1
    return digits


def _glued_to_number(view: str, pos: int) -> bool:
    """Tell whether the character before `pos` joins it to a preceding number."""
    if pos == 0:
        return False
    before = view[pos - 1]
    if _is_digit(before):
        return True
    return before in _GLUE and pos >= 2 and _is_digit(view[pos - 2])


# -- Personnummer -------------------------------------------------------------------------

_MONTH_OK = frozenset(f"{m:02d}" for m in range(1, 13))
_DAY_OK = frozenset(f"{d:02d}" for d in [*range(1, 32), *range(61, 92)])
# Where a person may break a personnummer: between century, year, month, day and the two
# halves of the last four digits.
_BREAKS = {12: frozenset({2, 4, 6, 8, 10}), 10: frozenset({2, 4, 6, 8})}
_CLOCK_RE = re.compile(r"(?:[01]\d|2[0-3])\.[0-5]\d")


def _is_personnummer(digits: list, n: int) -> bool:
    number = "".join(d for _, d, _ in digits[:n])
    if n == 12 and number[:2] not in ("18", "19", "20"):
        return False
    date = number[n - 10 :]
    if date[2:4] not in _MONTH_OK or date[4:6] not in _DAY_OK:
        return False
    # Broken only where a person breaks one, or between every digit.
    starts = [0] + [i for i in range(1, n) if digits[i][0]] + [n]
    for start, end in itertools.pairwise(starts):
        if end - start > 1 and not (
            (start == 0 or start in _BREAKS[n]) and (end == n or end in _BREAKS[n])
        ):
            return False
    # Not glued by a dash, dot or slash to more digits (a range, a longer reference).
    if len(digits) > n and " " not in digits[n][0]:
        return False
    # A date and a clock time: "2024-01-16 13.00". Only a date written as one, with its
    # parts apart: "20000101 00.00" is a personnummer however much it looks like a time.
    seps = [s for s, _, _ in digits[1:n]]
    serial_sep = seps[n - 5]
    date_written = bool(seps[n - 9]) and bool(seps[n - 7])
    clock = _CLOCK_RE.fullmatch(number[-4:-2] + "." + number[-2:])
    return not (
        date_written
        and clock
        and " " in serial_sep
        and seps[n - 3] == "."
        and not seps[n - 4]
        and not seps[n - 2]
    )


def _personnummer_spans(view: str, blocked: bytearray):
    done = 0
    for start in _DIGIT_START_RE.finditer(view):
        pos = start.start()
        if (
            pos < done
            or blocked[pos]
            or _glued_to_number(view, pos)
            or (pos and view[pos - 1] == "+")
            or not _ENOUGH_DIGITS_RE.match(view, pos)
        ):
            continue
        digits = _walk(view, pos, blocked, _PNR_SEP_RE, _PNR_MAX_DIGITS + 1)
        for n in (12, 10):
            if len(digits) >= n and _is_personnummer(digits, n):
                done = digits[n - 1][2] + 1
                yield pos, done, PERSONNUMMER
                break


# -- Phone numbers ------------------------------------------------------------------------

# A clock time on its own, or following one ("08.00-17.00", "kl. 9.30 och 10.15"), is
# not the start of a phone number.
_TIME_RE = re.compile(r"(?<![\d.,:/])(?:[01]?\d|2[0-4])[.:][0-5]\d(?!\d|[.,:/]\d)")
# A day-month date with a leading zero has the digit count of a national number.
_DAY_MONTH_RE = re.compile(r"\(?(0?[1-9]|[12]\d|3[01])[-./](0?[1-9]|1[0-2])(?:[-./ ]\d{2,4})?")
_ISBN_RE = re.compile(r"\bISBN(?:-1[03])?:? ?((?:\d[ -]?){9}[\dX](?:[ -]?\d){0,3})\b")


def _isbn_ok(digits: str) -> bool:
    if len(digits) == 10:
        values = [10 if c == "X" else int(c) for c in digits]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


def _protect_non_phones(view: str, blocked: bytearray) -> bytearray:
    """Return `blocked` with clock times and ISBNs marked, so phone numbers skip them."""
    protected = bytearray(blocked)
    last_time_end = -1
    for match in _TIME_RE.finditer(view):
        start, end = match.span()
        before = start - 1
        while before >= 0 and view[before] == " " and start - before <= 2:
            before -= 1
        alone = not _follows_digit(view, start) or before + 1 == last_time_end
        if alone:
            protected[start:end] = b"\x01" * (end - start)
            last_time_end = end
    for match in _ISBN_RE.finditer(view):
        if _isbn_ok(re.sub(r"[ -]", "", match.group(1))):
            start, end = match.span(1)
            protected[start:end] = b"\x01" * (end - start)
    return protected


def _phone_prefix(view: str, pos: int):
    """Return (prefix kind, index of the first digit) for a phone number at `pos`."""
    char = view[pos]
    if char == "+":
        first = pos + 2 if view[pos + 1 : pos + 2] == " " else pos + 1
        return ("+", first) if _is_digit(view[first : first + 1] or "x") else (None, pos)
    if char == "(":
        return ("0", pos + 1) if view[pos + 1 : pos + 2] == "0" else (None, pos)
    if char == "0":
        return "0", pos
    return None, pos


def _is_phone(candidate: str, kind: str, count: int) -> bool:
    if kind == "+":
        return 8 <= count <= 15
    if kind == "00":
        return 8 <= count - 2 <= 15
    return 8 <= count <= 10 and not _DAY_MONTH_RE.fullmatch(candidate)


def _phone_at(view: str, pos: int, blocked: bytearray, international: bool):
    kind, first = _phone_prefix(view, pos)
    if kind is None or blocked[first] or not _ENOUGH_DIGITS_RE.match(view, first):
        return None
    if kind == "0":
        head = _walk(view, first, blocked, _PHONE_SEP_RE, 3)
        if len(head) < 3 or (head[1][1] == "0" and head[2][1] == "0"):
            return None
        if head[1][1] == "0":
            kind = "00"
    if (kind != "0") is not international:
        return None
    if kind == "00" and _follows_digit(view, pos, " -./_"):
        # "2 0 0 2 0 1 ..." is a number spaced out digit by digit, not a call abroad.
        return None
    digits = _walk(view, first, blocked, _PHONE_SEP_RE, _PHONE_MAX_DIGITS)
    if kind == "00":
        # "001012-3456" is a personnummer (born 2000), not a call to country code 1.
        as_pnr = _walk(view, first, blocked, _PNR_SEP_RE, _PNR_MAX_DIGITS + 1)
        if any(len(as_pnr) >= n and _is_personnummer(as_pnr, n) for n in (12, 10)):
            return None
    # Ends of digit groups. A long unbroken group that completes a Swedish number and is
    # followed by a space ends it ("0701234567 2024", "+46701234567 2024").
    ends = []
    run = 1
    complete = {"0": 10, "+": 11, "00": 13}[kind]
    if "(0)" in view[pos : digits[-1][2]]:
        complete += 1
    for i in range(1, len(digits) + 1):
        if i == len(digits) or digits[i][0]:
            ends.append(i)
            if i < len(digits) and run >= 6 and i >= complete and " " in digits[i][0]:
                break
            run = 1
        else:
            run += 1
    for count in reversed(ends):
        end = digits[count - 1][2] + 1
        if _is_phone(view[pos:end], kind, count):
            return end
    return None


_PHONE_START_RE = re.compile(r"[+(0]")


def _phone_spans(view: str, protected: bytearray, *, international: bool):
    done = 0
    for start in _PHONE_START_RE.finditer(view):
        pos = start.start()
        if pos < done or protected[pos] or _phone_glued(view, pos):
            continue
        end = _phone_at(view, pos, protected, international)
        if end is not None:
            yield pos, end, PHONE
            done = end


def _follows_digit(view: str, pos: int, between: str = " ") -> bool:
    """Tell whether a digit stands before `pos`, at most three of `between` apart."""
    before = pos - 1
    while before >= 0 and view[before] in between and pos - before <= 3:
        before -= 1
    return before >= 0 and _is_digit(view[before])


def _phone_glued(view: str, pos: int) -> bool:
    if pos == 0:
        return False
    before = view[pos - 1]
    return before.isalnum() or before in "_+-/:.,"


# -- Putting it together ------------------------------------------------------------------


def _block(blocked: bytearray, spans: list) -> None:
    for start, end, _ in spans:
        blocked[start:end] = b"\x01" * (end - start)


def _take(spans, blocked: bytearray) -> list:
    """Keep the spans that do not overlap anything already taken."""
    taken = []
    for start, end, marker in spans:
        if not any(blocked[start:end]):
            taken.append((start, end, marker))
            blocked[start:end] = b"\x01" * (end - start)
    return taken


# Passes at most: each pass after the first only runs when the one before changed something.
MAX_PASSES = 3


def redact(text: str) -> Redacted:
    """Replace personnummer, phone numbers, e-mail and street addresses with markers.

    Repeated until nothing more changes: a number right after another can hide inside the
    first one's candidate span in one pass ("0001010000 001-100-0000": the personnummer
    goes, the phone number stayed), and is found once its neighbour is a marker.
    """
    result = _redact_once(text)
    changed = result.changed
    for _ in range(MAX_PASSES - 1):
        if not result.changed:
            break
        result = _redact_once(result.text)
    return Redacted(result.text, changed or result.changed)


def _redact_once(text: str) -> Redacted:
    if not text:
        return Redacted(text, False)
    view = _normalise(text)
    blocked = bytearray(len(view))
    spans = _take(_email_spans(view), blocked)
    if _ENOUGH_DIGITS_RE.search(view):
        # Phone numbers skip clock times and ISBNs; personnummer have rules of their own.
        guard = _protect_non_phones(view, blocked)
        # "+46 ..." and "0046 ..." first: their digits may hold a personnummer's shape.
        found = list(_phone_spans(view, guard, international=True))
        spans += _take(found, blocked)
        _block(guard, found)
        found = list(_personnummer_spans(view, blocked))
        spans += _take(found, blocked)
        _block(guard, found)
        spans += _take(list(_phone_spans(view, guard, international=False)), blocked)
    # Last, so a phone number's digits are never read as a postcode.
    spans += _take(list(_address_spans(view, blocked)), blocked)
    return _replace(text, spans)


def _replace(text: str, spans: list) -> Redacted:
    if not spans:
        return Redacted(text, False)
    parts = []
    last = 0
    for start, end, marker in sorted(spans):
        parts.append(text[last:start])
        parts.append(marker)
        last = end
    parts.append(text[last:])
    result = "".join(parts)
    return Redacted(result, result != text)


def redact_text(text: str) -> str:
    return redact(text).text
