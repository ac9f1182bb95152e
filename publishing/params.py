"""Numbers and text read from a request: the one way the site takes them.

Whatever a visitor sends ends up in a query, an int() or a page. Two mistakes are easy
to make and both answer 500: `str.isdigit()` accepts digits int() refuses (², ⁵, ١) or
more digits than int() converts, and PostgreSQL refuses text with a NUL byte. These
functions never raise on any string and return only what is safe to use.
"""

import re
import unicodedata

# ASCII digits only, and few enough to fit a database integer (bigint holds 18 digits).
_ASCII_INT_RE = re.compile(r"[0-9]{1,18}")

# Unicode categories that never belong in a path, a search word or a filter value:
# control characters (NUL included) and lone surrogates (which cannot be encoded).
_DROPPED_CATEGORIES = {"Cc", "Cs"}


def positive_int(value, default=None):
    """`value` as an int of 1 or more, written in ASCII digits; otherwise `default`."""
    if not isinstance(value, str):
        return default
    value = value.strip(" \t")
    if not _ASCII_INT_RE.fullmatch(value):
        return default
    number = int(value)
    return number if number >= 1 else default


def is_clean_text(value) -> bool:
    """Whether `value` is a string with nothing clean_text would drop."""
    return isinstance(value, str) and not any(
        unicodedata.category(c) in _DROPPED_CATEGORIES for c in value
    )


def clean_text(value, max_length: int | None = None) -> str:
    """`value` without control characters or lone surrogates, stripped, cut at `max_length`."""
    if not isinstance(value, str):
        return ""
    if not is_clean_text(value):
        value = "".join(c for c in value if unicodedata.category(c) not in _DROPPED_CATEGORIES)
    value = value.strip()
    return value[:max_length] if max_length is not None else value


def clean_values(params, name: str, *, max_values: int, max_length: int) -> list[str]:
    """The distinct non-empty values of `name` in a QueryDict, cleaned, in the order given.

    A value longer than `max_length` is dropped rather than cut: no real choice is that
    long, and a cut one could match something the visitor did not ask for.
    """
    values = []
    for raw in params.getlist(name):
        value = clean_text(raw)
        if value and len(value) <= max_length and value not in values:
            values.append(value)
            if len(values) == max_values:
                break
    return values
