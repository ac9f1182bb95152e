"""`{% remembered "name" part ... %}…{% endremembered %}`: rendered once per generation.

Parts of a page that are the same for every visitor — a card, a resource in a list, the
filters of a list with the same choices — are rendered once per content generation
(publishing/generation.py) and key, and kept in this process until content changes or a
scheduled publication makes them stale. The name and parts must together determine
everything the fragment shows: pass every variable the fragment reads that is not part of
published content (a heading level, a flag). A part that is None means "render, do not
remember". Never used inside an editor's preview, which shows drafts.
"""

from django import template
from django.utils.safestring import mark_safe

from publishing import generation
from publishing.rows import RowsOnDemand

register = template.Library()

# A key longer than this is not remembered (parts come from content, not from visitors,
# but a key is kept in memory: it should stay short).
MAX_KEY = 300


class RememberedNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name = name
        self.parts = parts
        self.nodelist = nodelist
        # A quoted name (nearly always) is known now: not resolved again on every render.
        is_literal = not name.filters and isinstance(name.var, str)
        self.key_start = f"fragment:{name.var}" if is_literal else None

    def render(self, context):
        # A page's context is a RequestContext, which holds the request itself: no lookup
        # through the context's stack of dictionaries (a page renders a dozen fragments).
        request = getattr(context, "request", None) or context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = self.key_start or f"fragment:{self.name.resolve(context)}"
        for part in self.parts:
            value = part.resolve(context)
            if value is None:
                return self.nodelist.render(context)  # a part says "do not remember this"
            # str() of each part: a lazy value (SimpleLazyObject) is evaluated, not its repr.
            key += f":{value!s}"
        if len(key) > MAX_KEY:
            return self.nodelist.render(context)
        # Stored as a plain string: a SafeString is rebuilt on the way out.
        html = generation.remember(key, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # rendered and escaped by this template


@register.tag
def remembered(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% remembered %} needs a name: {% remembered "card" item.pk %}'
        )
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )


@register.filter
def rows_key(rows):
    """A `{% remembered %}` part for markup that shows exactly these rows, in this order.

    The page's query still runs on every request (publishing/rows.py); what is kept is the
    markup of the rows it found, so 25 items cost one lookup instead of 25 includes. None
    (do not remember) for anything but rows read on demand.
    """
    return rows.signature if isinstance(rows, RowsOnDemand) else None
