from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Återkoppling och statistik"

    def ready(self):
        from feedback import roles
        from feedback.models import Feedback
        from publishing.versions import count_answers_with

        # The content's history page shows the answers given on each version.
        count_answers_with(Feedback.objects.counts_per_version)
        # Analysts read what visitors answer about, for every content type that counts it.
        post_migrate.connect(roles.analysts_read_content, dispatch_uid="feedback_analysts")
