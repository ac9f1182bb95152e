from django.apps import AppConfig
from django.db.models.signals import post_save


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = "Inkorg"
    # Editors read and handle the inbox (publishing.roles grants these to Redaktör);
    # messages come from visitors, so nobody adds them.
    editor_permissions = (
        "view_message",
        "change_message",
        "delete_message",
        "view_sendercontact",
        "delete_sendercontact",
    )

    def ready(self):
        from contributions import notices

        # An initiative is published in several places (review approval, "Publicera nu",
        # the list action, a restore), none of which knows about proposals: the sender's
        # "published" e-mail goes out from the one place they all pass, its save.
        post_save.connect(
            notices.initiative_saved,
            sender="initiatives.Initiative",
            dispatch_uid="contributions_published",
        )
