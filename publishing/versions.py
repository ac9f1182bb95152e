"""Versions of the content (django-reversion): which one a visitor saw, and what changed.

`current_version_id()` is the hook for visitor feedback: the feedback app stores the id it
returns with each answer and registers `count_answers_with()`, so the content's history page
(`HistoryAdmin`) shows the answers per version without this core knowing about feedback.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from reversion.models import Version

from publishing import registry
from publishing.models import Publishable


def _model_and_slug(path: str) -> tuple[type[models.Model], str] | None:
    """The versioned model and slug a public address shows, without touching the database."""
    found = registry.content_type_at(urlsplit(path).path)
    if found is None or not registry.counts_feedback_per_version(found[0].model):
        return None
    return found[0].model, found[1]


def _latest_id(versions) -> int | None:
    return versions.order_by("-pk").values_list("pk", flat=True).first()


def current_version_id(obj_or_path: models.Model | str) -> int | None:
    """Id of the latest saved Version of `obj_or_path` (an object or a public path).

    None when the address shows no versioned content, or the content has never been
    saved with version history (e.g. created by a script outside a revision). One
    query either way: for a path, the object is found in a subquery.
    """
    if isinstance(obj_or_path, str):
        found = _model_and_slug(obj_or_path)
        if found is None:
            return None
        model, slug = found
        # Version.object_id is text; compare it with the object's id as text.
        object_id = (
            model._base_manager.filter(slug=slug)
            .annotate(object_id_text=Cast("pk", models.CharField()))
            .values("object_id_text")[:1]
        )
        return _latest_id(
            Version.objects.get_for_model(model).filter(object_id=Subquery(object_id))
        )
    if obj_or_path.pk is None:
        return None
    return _latest_id(Version.objects.get_for_object(obj_or_path))


def version_label(version: Version) -> str:
    """ "3 mars 2026 14:05 av anna" for a saved version."""
    revision = version.revision
    when = date_format(timezone.localtime(revision.date_created), "j F Y H:i")
    user = revision.user.get_username() if revision.user else "okänd användare"
    return f"{when} av {user}"


@dataclass(frozen=True)
class Row:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


EMPTY = "–"


def display_value(field: models.Field, value) -> str:
    """A stored value as an editor reads it: choice labels, names, Swedish dates."""
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.many_to_one:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"(borttagen, id {value})"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(value)


def compared_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields an editor can change, content first and publication last, as in the form."""
    shared = {field.name for field in Publishable._meta.get_fields()}
    fields = [f for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    return sorted(fields, key=lambda field: field.name in shared)


def _values(version: Version, *, skip_relations_to=None) -> dict[str, str]:
    """Label → displayed value for the compared fields stored in `version`, in form order."""
    data = version.field_dict
    return {
        capfirst(field.verbose_name): display_value(field, data.get(field.attname))
        for field in compared_fields(version._model)
        if field.attname in data
        and not (field.is_relation and field.related_model is skip_relations_to)
    }


def _followed(version: Version) -> dict[tuple[int, str], tuple[str, dict[str, str]]]:
    """The other objects saved in the same revision (a page's questions), by identity."""
    model = version._model
    others = version.revision.version_set.exclude(pk=version.pk).select_related("content_type")
    return {
        (other.content_type_id, other.object_id): (
            f"{capfirst(other._model._meta.verbose_name)}: {other.object_repr}",
            _values(other, skip_relations_to=model),
        )
        for other in others
    }


def compare(old: Version, new: Version) -> list[Row]:
    """Field-by-field rows for two versions of one object, followed objects after."""
    old_values, new_values = _values(old), _values(new)
    labels = list(old_values) + [label for label in new_values if label not in old_values]
    rows = [
        Row(label, old_values.get(label, EMPTY), new_values.get(label, EMPTY)) for label in labels
    ]
    old_related, new_related = _followed(old), _followed(new)
    for key in sorted(old_related.keys() | new_related.keys(), key=lambda k: (k[0], int(k[1]))):
        old_label, before = old_related.get(key, ("", {}))
        new_label, after = new_related.get(key, ("", {}))
        rows.append(Row(new_label or old_label, _summary(before), _summary(after)))
    return rows


def _summary(values: dict[str, str]) -> str:
    """A followed object in a few lines; EMPTY when it did not exist in that version."""
    if not values:
        return EMPTY
    return "\n".join(f"{label}: {value}" for label, value in values.items() if value != EMPTY)


# --- Visitors' answers per version ------------------------------------------------------------

# Set by the app that collects answers (feedback): version ids → {version id: (ja, nej)}.
_answer_counter = None


def count_answers_with(counter) -> None:
    """Register how answers per version are counted (called from an AppConfig.ready())."""
    global _answer_counter
    _answer_counter = counter


def answers_per_version(
    model: type[models.Model], version_ids
) -> dict[int, tuple[int, int]] | None:
    """(Ja, Nej) per version for content that counts them; None where nothing is counted."""
    if _answer_counter is None or not registry.counts_feedback_per_version(model):
        return None
    return _answer_counter(list(version_ids))
