from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = "Inkorg"

    def ready(self):
        from django.db.models.signals import post_save

        from contributions import notices
        from initiatives.models import Initiative
        from publishing.roles import editors_may

        # Editors read and handle the inbox; messages come from visitors, so nobody adds them.
        editors_may(
            self.label,
            {
                "view_message",
                "change_message",
                "delete_message",
                "view_sendercontact",
                "delete_sendercontact",
            },
        )
        # An initiative is published in several places (review approval, "Publicera nu",
        # the list action, a restore), none of which knows about proposals: the sender's
        # "published" e-mail goes out from the one place they all pass, its save.
        post_save.connect(
            notices.initiative_saved, sender=Initiative, dispatch_uid="contributions_published"
        )
