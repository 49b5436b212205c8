"""The audit log's one table."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import actions


class AuditEntry(models.Model):
    """Who did what that matters (publish, delete, role change…), and when.

    Content history lives in django-reversion; this log answers "who
    published this?" for the editor-in-chief. Written through audit.trail.record();
    each app declares its actions (audit/actions.py), so the column has no choices.
    """

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("who (name)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        # The table it has had since it lived in the articles app.
        db_table = "articles_auditentry"

    def get_action_display(self):
        return actions.label(self.action)

    def __str__(self):
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"
        )
