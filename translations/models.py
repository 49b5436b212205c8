"""What the translators' workspace keeps: the Russian text each translation was made from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationBasis(models.Model):
    """The Russian text an article's Kazakh version was made from.

    Written whenever the Kazakh text is saved or confirmed as current
    (translations/workspace.py), so the translators' workspace can show what
    changed in Russian since, however many Russian edits came in between.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="kazakh_basis",
    )
    title = models.CharField(_("headline"), max_length=255, blank=True)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True)
    # {"<photo id>": {"caption": …, "alt": …, "credit": …}}: the Russian photo texts.
    photos = models.JSONField(_("photos"), default=dict, blank=True)
    # The article's kk_changed_at this text belongs to.
    taken_at = models.DateTimeField(_("taken at"))

    class Meta:
        verbose_name = _("Russian text of a translation")
        verbose_name_plural = _("Russian texts of translations")
        # The table it has had since it lived in the articles app.
        db_table = "articles_translationbasis"

    def __str__(self):
        return str(self.article)
