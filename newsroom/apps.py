"""The project as an app: it has no models, only the deploy checks it registers."""

from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import checks  # noqa: PLC0415 - checks read settings once apps are loaded

        checks.register()
