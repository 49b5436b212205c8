"""What every app stands on: the admin's sentences, the client's address, spellings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroundworkConfig(AppConfig):
    name = "groundwork"
    verbose_name = _("Groundwork")
    default_auto_field = "django.db.models.BigAutoField"
