"""Remove personal data from visitors' free text before it is stored.

Visitors work in social services: a comment may carry a client's personnummer, a phone
number or an e-mail address. Those are replaced by markers. Ordinary numbers (years,
dates, SFS numbers, paragraph numbers, percentages, prices, diarienummer) are left alone.

The rules lean towards removing: a personnummer with a wrong check digit is still a
personnummer to the person who wrote it, so check digits are never verified. Markers
contain no digits and no "@", so redacting twice changes nothing.
"""

import re
from dataclasses import dataclass

PERSONNUMMER = "[personnummer]"
PHONE = "[telefonnummer]"
EMAIL = "[e-post]"

# E-mail addresses, also the common "namn (at) kommun.se" disguise.
_EMAIL_RE = re.compile(
    r"[\w.+%-]+(?:@|\s?[\(\[]\s?(?:at|snabel-a)\s?[\)\]]\s?)[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}",
    re.IGNORECASE,
)

# Personnummer and samordningsnummer (day + 60), 10 or 12 digits, with "-", "+", a
# space or nothing between the date and the last four digits.
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
_PNR_RE = re.compile(
    rf"""
    (?<![\d+])                      # not the tail of a longer number or of +46...
    (?:1[89]|20)?\d{{2}}            # year, with or without century
    {_MONTH}{_DAY}
    (?:[ \u00a0]?[-+–][ \u00a0]?|[ \u00a0])?
    \d{{4}}
    (?!\d)
    """,
    re.VERBOSE,
)

# Phone numbers. National: a leading 0 and 7 to 9 more digits (070-123 45 67,
# 08-123 456 78, 0980-123 45). International: + or 00, then a country code and
# subscriber number of 8 to 15 digits in all (+46 70 123 45 67, +46 (0)8-123 45 67,
# +44 20 7946 0958). Digits may be grouped by spaces, hyphens or parentheses.
# The pattern finds a run of digit groups; `_redact_phones` then takes the longest
# leading part with a valid digit count, so a number written right before a year or
# another number is still found, and looks again at what is left.
_SEP = r"(?:[ \u00a0]?[-–][ \u00a0]?|[ \u00a0]?\(|\)[ \u00a0]?|[ \u00a0])"
_PHONE_RE = re.compile(
    rf"""
    (?<![\w+\-–/:.,])               # not glued to a word, a date, a ratio or a decimal
    (?P<prefix>\+[ \u00a0]?|00(?=[1-9])|\(?0(?=[1-9]))
    \d+(?:{_SEP}\d+)*
    """,
    re.VERBOSE,
)
_DIGIT_GROUP_RE = re.compile(r"\d+")
# dd-mm-yyyy dates have the digit count of a national number; they are not one.
_DATE_LIKE_RE = re.compile(r"^\(?\d{1,2}[-–]\d{1,2}[-–]\d{4}$")


@dataclass(frozen=True)
class Redacted:
    text: str
    changed: bool


def _is_phone(candidate: str, prefix: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    if prefix.startswith("+"):
        return 8 <= digits <= 15
    if prefix == "00":
        return 8 <= digits - 2 <= 15
    return 8 <= digits <= 10 and not _DATE_LIKE_RE.match(candidate)


def _redact_phones(text: str) -> str:
    def replace(match: re.Match) -> str:
        candidate, prefix = match.group(0), match.group("prefix").strip()
        groups = list(_DIGIT_GROUP_RE.finditer(candidate))
        for group in groups[:-1]:
            # A long unbroken run followed by a space ends a number ("0701234567 2024").
            if len(group.group()) >= 6 and candidate[group.end()].isspace():
                rest = candidate[group.end() :]
                candidate = candidate[: group.end()]
                return replace_candidate(candidate, prefix) + _redact_phones(rest)
        return replace_candidate(candidate, prefix)

    def replace_candidate(candidate: str, prefix: str) -> str:
        group_ends = [m.end() for m in _DIGIT_GROUP_RE.finditer(candidate)]
        for end in reversed(group_ends):
            if _is_phone(candidate[:end], prefix):
                return PHONE + _redact_phones(candidate[end:])
        # Not a number itself: keep its first group and look for one in the rest.
        return candidate[: group_ends[0]] + _redact_phones(candidate[group_ends[0] :])

    return _PHONE_RE.sub(replace, text)


def redact(text: str) -> Redacted:
    """Replace personnummer, phone numbers and e-mail addresses in `text` with markers."""
    if not text:
        return Redacted(text, False)
    result = _EMAIL_RE.sub(EMAIL, text)
    result = _PNR_RE.sub(PERSONNUMMER, result)
    result = _redact_phones(result)
    return Redacted(result, result != text)


def redact_text(text: str) -> str:
    return redact(text).text
