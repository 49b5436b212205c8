from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    """The WordPress (WXR) import and the old addresses it brings along."""

    name = "wordpress"
    verbose_name = _("Moved in from WordPress")
    default_auto_field = "django.db.models.BigAutoField"
