"""The translators' workspace: the queue, the Russian text a translation was made from."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receivers need the models, which are ready only once every app is loaded.
        from . import receivers  # noqa: PLC0415

        receivers.connect()
