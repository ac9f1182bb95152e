"""Small text helpers for public templates: language marks and topic names."""

import re

from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()

# "ai" as a word of its own ("ai-förordningen", "ai i vården"), not inside another word.
AI_WORD = re.compile(r"(?<!\w)ai(?![^\W\d_])", re.IGNORECASE)


@register.filter
def in_language(text, language):
    """`{{ resource.title|in_language:resource.language }}`: `<span lang="en">…</span>`.

    Swedish (the site's language, on <html lang>) and an unknown language stay unmarked.
    """
    if not language or language == settings.LANGUAGE_CODE.split("-")[0]:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.filter
def topic(name):
    """A topic (tag) name as a title shows it: tags are lower case, but AI is written "AI"."""
    return AI_WORD.sub("AI", str(name))


NUMBER_WORDS = {
    2: "två",
    3: "tre",
    4: "fyra",
    5: "fem",
    6: "sex",
    7: "sju",
    8: "åtta",
    9: "nio",
    10: "tio",
    11: "elva",
    12: "tolv",
}


@register.filter
def swedish_number(value) -> str:
    """A count in running text as Swedish style writes it, the same way everywhere.

    Two to twelve in words ("elva kommuner"), other numbers in digits grouped by threes
    with a non-breaking space ("1 000"), so a number is never split across lines.
    """
    number = int(value)
    if number in NUMBER_WORDS:
        return NUMBER_WORDS[number]
    return f"{number:,}".replace(",", "\u00a0")
