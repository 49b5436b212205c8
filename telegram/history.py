"""The article's history of its Telegram posts, in the audit log.

Each event (posted, edited, withdrawn, failed and why, tried again by whom)
is an ``AuditEntry`` on the article, action "telegram": the editor-in-chief
reads it in the audit log beside publication and deletion, and the change
form shows the article's latest ones. Details are stored as machine values
and read in the reader's language (``DETAIL_LABELS``).
"""

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit import actions, trail
from audit.models import AuditEntry

ACTION = "telegram"

EVENTS = {
    "queued": _("waiting to be posted"),
    "posted": _("posted"),
    "edited": _("post edited"),
    "deleted": _("post deleted"),
    "marked_withdrawn": _("post marked as withdrawn"),
    "failed": _("not posted"),
    "unknown": _("outcome unknown"),
    "edit_failed": _("edit refused"),
    "withdraw_failed": _("withdrawal refused"),
    "retry": _("tried again"),
    "skipped": _("not for Telegram"),
}


def record(post, event, actor=None, **details):
    details = {"language": post.language, "telegram": event, **details}
    return trail.record(actor, ACTION, post.article, **details)


def for_article(article, count=8):
    return AuditEntry.objects.filter(
        action=ACTION,
        object_type=article._meta.label_lower,
        object_id=str(article.pk),
    )[:count]


def _language_name(code):
    return gettext(dict(settings.LANGUAGES).get(code, code))


def _event_name(code):
    return str(EVENTS.get(code, code))


def _reason(text):
    # Our own reasons are kept in English and read in the reader's language;
    # Telegram's own descriptions stay as Telegram wrote them.
    return gettext(text)


def declare():
    """What the audit log calls this app's action and details (TelegramConfig.ready())."""
    actions.declare(
        actions={ACTION: _("Telegram channel")},
        details={
            "language": (_("language"), _language_name),
            "telegram": (_("Telegram"), _event_name),
            "reason": (_("reason"), _reason),
            "link": (_("link"), str),
        },
    )
