"""Text in another language than the page's, marked so screen readers pronounce it right."""

from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()


@register.filter
def in_language(text, language):
    """`{{ resource.title|in_language:resource.language }}`: `<span lang="en">…</span>`.

    Swedish (the site's language, on <html lang>) and an unknown language stay unmarked.
    """
    if not language or language == settings.LANGUAGE_CODE.split("-")[0]:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)
