"""Related content across content types, for the templates of initiatives and resources.

What is related depends only on published content and the tags of what is shown, so it is
remembered per content generation (publishing/generation.py), keyed by those tags: a
preview of a draft with other tags gets its own answer.
"""

import hashlib

from django import template

from portal import related
from publishing import generation
from publishing.rows import RowsOnDemand

register = template.Library()


def _tag_ids(item) -> list[int]:
    return sorted(tag.pk for tag in item.tags.all())  # prefetched by every page using these


@register.simple_tag
def related_resources(initiative):
    """`{% related_resources initiative as resources %}`: resources on the same subjects."""
    return generation.remember(
        f"related-resources:{initiative.pk}:{_tag_ids(initiative)}",
        lambda: related.related_resources(initiative),
    )


@register.simple_tag
def with_related_initiatives(resources):
    """`{% with_related_initiatives page_obj.object_list as resources %}`.

    The resources again, each with `related_initiatives`: published initiatives sharing
    its tags, found in a fixed number of queries for the whole list. Rows read on demand
    (publishing/rows.py) get them when they are loaded: only if an item is rendered.
    """
    if isinstance(resources, RowsOnDemand):
        return resources.after_load(_attach_related_initiatives)
    resources = list(resources)
    _attach_related_initiatives(resources)
    return resources


def _attach_related_initiatives(resources):
    signature = repr([(resource.pk, _tag_ids(resource)) for resource in resources])
    digest = hashlib.sha256(signature.encode()).hexdigest()[:32]

    def find():
        return {
            resource.pk: resource.related_initiatives
            for resource in related.attach_related_initiatives(resources)
        }

    found = generation.remember(f"related-initiatives:{digest}", find)
    for resource in resources:
        resource.related_initiatives = found.get(resource.pk, [])
