"""The page cache: whole reader pages kept per language and URL, emptied by what changed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receivers need the models, which are ready only once every app is loaded.
        from . import receivers  # noqa: PLC0415

        receivers.connect()
