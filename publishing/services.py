"""Writes of the editorial workflow that span models or have side effects."""

import reversion
from django.db import transaction

from publishing.models import KeepsOldAddresses, Redirect
from publishing.versions import version_label


def restore_version(*, obj, version, user):
    """Bring `obj` (and what its versions follow, e.g. a page's questions) back to `version`.

    reversion writes the old rows directly, past `save()`; what `save()` would have done
    is done here: the address the content had until now keeps working, the content's own
    bookkeeping runs (`restored_from`), "Senast uppdaterad" moves to now, and the result
    is itself a new version by `user`, so a restore can be undone like any other change.
    """
    comment = f"Återställd till versionen från {version_label(version)}."
    with transaction.atomic(), reversion.create_revision():
        restored = revert_to(obj, version)
        restored.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
    return restored, comment


def revert_to(obj, version):
    """Write `version` (and what it follows) back over `obj`; return the row, not yet saved.

    The caller saves it inside its own revision, after any change of its own.
    """
    model = type(obj)
    before = model._base_manager.get(pk=obj.pk)
    version.revision.revert(delete=True)
    restored = model._base_manager.get(pk=obj.pk)
    if isinstance(restored, KeepsOldAddresses):
        old_path = before.get_absolute_url()
        if old_path != restored.get_absolute_url():
            Redirect.remember(old_path=old_path, target=restored)
    # A content type that derives data from its own changes (an initiative's phase
    # log) says how in `restored_from()`.
    if hasattr(restored, "restored_from"):
        restored.restored_from(before)
    return restored
