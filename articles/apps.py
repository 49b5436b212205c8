from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache  # noqa: PLC0415

        # Saving or deleting content empties the page cache, whatever path saved it.
        cache.connect_signals()

        from . import images  # noqa: PLC0415

        # Uploads are normalised, renditions made once and files deleted,
        # whatever path saves or deletes a photo.
        images.connect(self.get_model("Photo"))

        from . import workspace  # noqa: PLC0415

        # Whatever path saves a Kazakh text records the Russian it was made from.
        workspace.connect()
