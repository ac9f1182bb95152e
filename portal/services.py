"""Writes of the editorial workflow that span models or have side effects."""

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from portal.models import KeepsOldAddresses, Redirect


def version_label(version) -> str:
    """ "3 mars 2026 14:05 av anna" for a reversion Version."""
    revision = version.revision
    when = date_format(timezone.localtime(revision.date_created), "j F Y H:i")
    user = revision.user.get_username() if revision.user else "okänd användare"
    return f"{when} av {user}"


def restore_version(*, obj, version, user):
    """Bring `obj` (and what its versions follow, e.g. a page's questions) back to `version`.

    reversion writes the old rows directly, past `save()`; what `save()` would have done
    is done here: the address the content had until now keeps working, a changed phase
    is logged, "Senast uppdaterad" moves to now, and the result is itself a new version
    by `user`, so a restore can be undone like any other change.
    """
    model = type(obj)
    before = model._base_manager.get(pk=obj.pk)
    comment = f"Återställd till versionen från {version_label(version)}."
    with transaction.atomic(), reversion.create_revision():
        version.revision.revert(delete=True)
        restored = model._base_manager.get(pk=obj.pk)
        if isinstance(restored, KeepsOldAddresses):
            old_path = before.get_absolute_url()
            if old_path != restored.get_absolute_url():
                Redirect.remember(old_path=old_path, target=restored)
        if hasattr(restored, "record_phase_change"):
            restored.record_phase_change(previous_phase=before.phase)
        restored.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
    return restored, comment
