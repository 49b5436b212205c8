from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Readers' comments")

    def ready(self):
        # Imported here, as Django asks: they need the models, which are only
        # ready once every app is loaded.
        from audit import actions  # noqa: PLC0415

        from . import checks, signals  # noqa: PLC0415

        checks.register()
        signals.connect()
        actions.declare(
            actions={
                "moderate": _("moderated comments"),
                "block_reader": _("blocked a reader"),
            }
        )
