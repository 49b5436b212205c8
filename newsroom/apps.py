"""The project as an app: it has no models, only the deploy checks it registers."""

from django.apps import AppConfig

from . import checks


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        checks.register()
