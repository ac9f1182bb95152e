from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def picture(image, sizes="(min-width: 48rem) 46rem, 100vw", css_class="", lazy=True):
    """`{% picture initiative.image sizes="20rem" %}`: the image's <picture>, or nothing."""
    if not image:
        return ""
    return mark_safe(image.render(sizes=sizes, css_class=css_class, lazy=lazy))


@register.inclusion_tag("media/document_link.html")
def document_link(document):
    return {"document": document}
