"""Related content across content types, for the templates of initiatives and resources."""

from django import template

from portal import related

register = template.Library()


@register.simple_tag
def related_resources(initiative):
    """`{% related_resources initiative as resources %}`: resources on the same subjects."""
    return related.related_resources(initiative)


@register.simple_tag
def with_related_initiatives(resources):
    """`{% with_related_initiatives page_obj.object_list as resources %}`.

    The resources again, each with `related_initiatives`: published initiatives sharing
    its tags, found in a fixed number of queries for the whole list.
    """
    return related.attach_related_initiatives(resources)
