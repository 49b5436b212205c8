"""The content: rubrics, articles, photos, sources and tags, their admin and the reader site."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, as Django asks: they need the models, which are only
        # ready once every app is loaded.
        import reversion  # noqa: PLC0415

        from audit import actions  # noqa: PLC0415

        from . import history, signals  # noqa: PLC0415
        from .models import Article, ArticleSource, Photo, TaggedArticle  # noqa: PLC0415

        # Photos are checked, get their renditions and lose their files, related
        # articles are ranked again, whatever path saves or deletes them.
        signals.connect()

        # History: an article's version holds its photos, sources and tags, so
        # restoring it brings them back too. reversion.register() follows only
        # what it is told to, and tags are not versioned unless their rows are.
        for part in (Photo, ArticleSource, TaggedArticle):
            if not reversion.is_registered(part):
                reversion.register(part)
        if not reversion.is_registered(Article):
            reversion.register(Article, follow=("photos", "article_sources", "tagged_items"))

        actions.declare(
            actions={
                "publish": _("published"),
                "unpublish": _("unpublished"),
                "schedule": _("scheduled"),
                "delete": _("deleted"),
                "restore": _("restored a version"),
            },
            details={
                "published_at": (
                    Article._meta.get_field("published_at").verbose_name,
                    history.date_text,
                ),
                "version_id": (_("version"), history.version_number),
            },
        )
