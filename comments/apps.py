from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Readers' comments")

    def ready(self):
        from articles.models import LISTING_ANNOTATIONS  # noqa: PLC0415 - apps are loaded now

        from . import blocks, checks, models  # noqa: F401, PLC0415 - checks register themselves

        # Every list of teasers, the article page and the feeds count the
        # approved comments in the same query that reads the articles.
        LISTING_ANNOTATIONS["comment_total"] = models.approved_count
        blocks.connect_signals()
