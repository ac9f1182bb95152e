from django import template

from feedback import outbound, paths
from feedback.views import block_state

register = template.Library()


@register.inclusion_tag("feedback/block.html", takes_context=True)
def feedback_block(context, not_found=False):
    """The "Hjälpte denna information dig?" block for the page being rendered.

    The not-found page says so (`not_found=True`). Any other visitor page being rendered
    exists, since its view found what it shows, so no query asks again; a preview of a
    draft is checked like any other address.
    """
    request = context.get("request")
    if request is None:
        return {"state": None}
    if not_found:
        page = paths.NOT_FOUND_PAGE
    elif paths.is_rendering_visitor_page(request):
        page = paths.normalise_path(request.path) or paths.NOT_FOUND_PAGE
    else:
        page = paths.feedback_page_for(request.path)
    state = block_state(request, page)
    # The question is the same markup every time on a page: rendered once per generation.
    remember_as = page if state["state"] == "question" else None
    return {**state, "request": request, "remember_as": remember_as}


@register.simple_tag
def outbound_url(obj, field):
    """The counted address on our domain for `obj`'s external link in `field` (outbound.py).

    Content not (yet) visible to visitors, as in an editor's preview, links straight to
    the address: the counted one answers only for published content.
    """
    url = getattr(obj, field, "")
    if not outbound.is_web_address(url) or not getattr(obj, "is_live", True):
        return url
    return outbound.link_for(obj, field).get_absolute_url()
