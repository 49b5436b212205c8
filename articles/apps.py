from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, as Django asks: the receivers need the models, which
        # are only ready once every app is loaded.
        from . import signals  # noqa: PLC0415

        # Content changes empty the page cache, photos are checked, get their
        # renditions and lose their files, whatever path saves or deletes them.
        signals.connect()
