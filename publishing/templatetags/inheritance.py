"""`{% extends %}` that finds the base template's blocks once, not on every render.

Django's ExtendsNode walks the whole node tree of the root template on every render to
collect its `{% block %}`s (`get_nodes_by_type`): for our base template some 150 nodes,
about a twentieth of a page that reads one row. A compiled template never changes (the
cached loader keeps it until the process restarts, or the dev server's autoreloader replaces
it), so the blocks are collected once per compiled template and kept on it. Everything else
is Django's own ExtendsNode. Installed for every template as a builtin (portal/settings.py,
TEMPLATES "builtins"), so templates keep writing `{% extends %}`.
"""

from django import template
from django.template.base import TextNode
from django.template.loader_tags import (
    BLOCK_CONTEXT_KEY,
    BlockContext,
    BlockNode,
    ExtendsNode,
    do_extends,
)

register = template.Library()


class RootBlocksExtendsNode(ExtendsNode):
    def render(self, context):
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        block_context.add_blocks(root_blocks(compiled_parent))
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


def root_blocks(compiled: template.base.Template) -> dict[str, BlockNode]:
    """The blocks of `compiled` if it is the root of the chain (extends nothing), else {}.

    The same as Django's ExtendsNode.render decides it: the first node that is not text.
    BlockContext only reads the dict, so one dict serves every render.
    """
    try:
        return compiled._root_blocks
    except AttributeError:
        pass
    blocks = {}
    for node in compiled.nodelist:
        if not isinstance(node, TextNode):
            if not isinstance(node, ExtendsNode):
                blocks = {n.name: n for n in compiled.nodelist.get_nodes_by_type(BlockNode)}
            break
    compiled._root_blocks = blocks
    return blocks


@register.tag("extends")
def extends(parser, token):
    node = do_extends(parser, token)  # Django's parsing and checks
    return RootBlocksExtendsNode(node.nodelist, node.parent_name)
