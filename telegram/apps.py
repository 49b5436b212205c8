from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelegramConfig(AppConfig):
    name = "telegram"
    verbose_name = _("Telegram channels")

    def ready(self):
        # Imported here, as Django asks: they need the models, which are only
        # ready once every app is loaded.
        from . import history, signals  # noqa: PLC0415

        signals.connect()
        history.declare()
