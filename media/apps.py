from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Bilder, dokument och film"

    def ready(self):
        from media import embeds

        embeds.register()
