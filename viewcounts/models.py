"""Views per article and day (behind "most read"), and the batches already flushed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleViewDay(models.Model):
    """Views of one article on one day (Asia/Aqtau): feeds "most read"."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views per day")
        verbose_name_plural = _("views per day")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_view_day_unique")
        ]
        # "Most read" sums the last days' rows.
        indexes = [models.Index(fields=["day", "article"], name="view_day_idx")]
        # The table it has had since it lived in the articles app.
        db_table = "articles_articleviewday"

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.views}"


class ViewFlush(models.Model):
    """A batch of view counts already written to the database.

    A flush that died after its transaction committed but before it could
    delete its batch from Redis leaves the batch there; the next flush finds
    the batch's id here and deletes it instead of counting it twice
    (viewcounts/counters.py). Rows older than a week are pruned by the flush.
    """

    batch = models.CharField(_("batch"), max_length=32, unique=True)
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True, db_index=True)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("view count batch")
        verbose_name_plural = _("view count batches")
        db_table = "articles_viewflush"

    def __str__(self):
        return f"{self.batch}: {self.views}"
