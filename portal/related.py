"""Content of one type shown beside another's, by shared tags: a feature of the site.

Initiatives and resources are separate content apps that know nothing of each other;
their pages meet here, through the template tags in portal/templatetags/related.py.
"""

from collections import defaultdict

from initiatives.models import Initiative
from resources.models import Resource


def related_resources(initiative, *, limit=5):
    """Published resources sharing the initiative's tags, most shared first, each once.

    A resource listed in two categories is two rows; the list shows it once.
    """
    tag_ids = [tag.pk for tag in initiative.tags.all()]  # prefetched on the detail page
    if not tag_ids:
        return []
    return (
        Resource.objects.published()
        .sharing_tags(tag_ids)
        .select_related("category", "publisher")
        .first_distinct(limit)
    )


def attach_related_initiatives(resources, *, limit=3):
    """Give each resource `related_initiatives`: published initiatives sharing its tags.

    A fixed number of queries however many resources or initiatives there are: the
    (initiative, tag) pairs and the initiatives' order come back as plain tuples, the
    ranking (most shared tags, then newest) is done here, and only the initiatives that
    are shown are loaded as objects. `resources` must have their tags prefetched.
    """
    resources = list(resources)
    tags_of = {resource.pk: {tag.pk for tag in resource.tags.all()} for resource in resources}
    all_tags = set().union(*tags_of.values()) if tags_of else set()
    for resource in resources:
        resource.related_initiatives = []
    if not all_tags:
        return resources

    published = Initiative.objects.published()
    tags_by_initiative = defaultdict(set)
    for initiative_id, tag_id in published.filter(tags__in=all_tags).values_list("pk", "tags"):
        if tag_id in all_tags:
            tags_by_initiative[initiative_id].add(tag_id)
    newest_first = list(
        published.filter(pk__in=tags_by_initiative)
        .order_by("-published_at", "title")
        .values_list("pk", flat=True)
    )

    chosen = {}
    for resource in resources:
        wanted = tags_of[resource.pk]
        shared = [
            (len(tags_by_initiative[pk] & wanted), position, pk)
            for position, pk in enumerate(newest_first)
            if tags_by_initiative[pk] & wanted
        ]
        ranked = sorted(shared, key=lambda item: (-item[0], item[1]))
        chosen[resource.pk] = [pk for _, _, pk in ranked[:limit]]
    # Shown as links: the title and address are all they need.
    shown = published.only("title", "slug").in_bulk({pk for pks in chosen.values() for pk in pks})
    for resource in resources:
        resource.related_initiatives = [shown[pk] for pk in chosen[resource.pk] if pk in shown]
    return resources
