"""View counting: the beacon, pending counts, the flush into the database, most read."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ViewCountsConfig(AppConfig):
    name = "viewcounts"
    verbose_name = _("View counts")
    default_auto_field = "django.db.models.BigAutoField"
