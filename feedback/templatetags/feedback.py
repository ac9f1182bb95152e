from django import template

from feedback import paths

register = template.Library()


@register.inclusion_tag("feedback/block.html", takes_context=True)
def feedback_block(context):
    """The "Hjälpte denna information dig?" block for the page being rendered."""
    from feedback.views import block_state

    request = context.get("request")
    if request is None:
        return {"state": None}
    page = paths.feedback_page_for(request.path)
    return {**block_state(request, page), "request": request}
