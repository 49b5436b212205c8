"""What the translators' workspace keeps: the Russian text each translation was made
from, and the Kazakh text being translated until it is published."""

from django.conf import settings
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


class KazakhDraft(models.Model):
    """The Kazakh version of an article while it is being translated.

    Readers see the article's own Kazakh fields; this holds the work in
    progress until a translator or an editor publishes it (translations/drafts.py),
    on the server, so that it survives signing out and anyone with the
    translators' permission can take it over.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="kazakh_draft",
    )
    title = models.CharField(_("headline"), max_length=255, blank=True)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True)
    # {"<photo id>": {"caption": …, "alt": …, "credit": …}}: the Kazakh photo texts.
    photos = models.JSONField(_("photos"), default=dict, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"))
    # The article's version when the draft was started: what the translator began from.
    started_from = models.PositiveIntegerField(_("started from version"))

    class Meta:
        verbose_name = _("Kazakh draft")
        verbose_name_plural = _("Kazakh drafts")

    def __str__(self):
        return str(self.article)
