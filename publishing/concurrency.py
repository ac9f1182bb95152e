"""Two editors on one item: a save based on an outdated copy is refused, nothing is lost.

The change form carries the version the editor opened (`edit_token()`) in a hidden field.
When the item has been saved by someone since, the save is refused with the form bound
to everything the editor typed, a message saying who saved and when, and a link to compare
the version they opened with the latest one. The refused form then carries the latest
version: saving it again deliberately replaces the other person's change (which stays in
the history and can be restored).

A post without the field (a script, not the form) is not checked.
"""

from dataclasses import dataclass

from reversion.models import Version

from publishing.versions import current_version_id, version_label

FIELD = "_opened_version"


def edit_token(obj) -> str:
    """ "<latest version id>:<updated_at>" for a saved object: what its form was opened on.

    The version id names the version to compare with; `updated_at` also catches saves
    made outside version history (a script, a data migration).
    """
    updated_at = getattr(obj, "updated_at", None)
    return f"{current_version_id(obj) or 0}:{updated_at.isoformat() if updated_at else ''}"


def opened_version_id(token: str) -> int | None:
    head = (token or "").partition(":")[0]
    return int(head) if head.isdigit() and int(head) > 0 else None


@dataclass(frozen=True)
class Conflict:
    """Someone saved the item after the editor opened it."""

    obj: object
    opened_version_id: int | None
    latest: Version | None

    @property
    def saved_by(self) -> str:
        """ "30 november 2026 07:12 av anna", or a neutral phrase when no version tells."""
        return version_label(self.latest) if self.latest else "utanför redaktionen"

    @property
    def message(self) -> str:
        return (
            f"Någon annan har sparat ”{self.obj}” efter att du öppnade den "
            f"({self.saved_by}). Din ändring är inte sparad, men allt du skrev finns kvar "
            "i formuläret. Jämför versionerna; om du sparar igen ersätter din text den "
            "andras ändring (den finns kvar i historiken)."
        )

    def compare_query(self) -> str | None:
        """`?old=…&new=…` for the compare view, when both versions are known."""
        if self.opened_version_id and self.latest and self.latest.pk != self.opened_version_id:
            return f"?old={self.opened_version_id}&new={self.latest.pk}"
        return None


def _saved_at(token: str) -> str:
    return (token or "").partition(":")[2]


def find_conflict(obj, posted_token: str | None) -> Conflict | None:
    """The conflict between the stored `obj` and the version the form was opened on.

    Only a save counts: it moves `updated_at`. Recording a version of the unchanged row
    (four-eyes publishing does, before the first change of live content) is no conflict.
    """
    if posted_token is None or obj is None or obj.pk is None:
        return None
    current = edit_token(obj)
    if posted_token == current or (
        hasattr(obj, "updated_at") and _saved_at(posted_token) == _saved_at(current)
    ):
        return None
    latest = Version.objects.get_for_object(obj).select_related("revision__user").first()
    return Conflict(obj=obj, opened_version_id=opened_version_id(posted_token), latest=latest)
