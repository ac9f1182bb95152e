from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Återkoppling och statistik"

    def ready(self):
        # Imported here: it reaches models, which are not loaded when this module is.
        from feedback import content

        content.connect()
