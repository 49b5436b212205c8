"""What the channels hold: one row per article and language, and each channel's shared state.

``Post`` is the state machine the editor sees: waiting → sending → posted
(→ withdrawn), or failed, or "not for Telegram". ``UniqueConstraint`` on
(article, language) is what makes "one post per article and language" a
fact of the database; a worker claims a row with a conditional UPDATE
(``Post.objects.claim()``), so two workers never both send it.

``Channel`` is what every worker on every machine must agree on for one
channel: who is sending to it right now (a lease, so posts arrive in order),
the sends of the last minute (Telegram's ~20 a minute) and how long a 429
told us to wait.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Channel(models.Model):
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, unique=True
    )
    chat_id = models.CharField(_("channel"), max_length=64)
    connected_at = models.DateTimeField(
        _("connected at"),
        help_text=_("Only what is published after this is posted: never the archive."),
    )
    lease_owner = models.CharField(max_length=64, blank=True, editable=False)
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    blocked_until = models.DateTimeField(
        _("Telegram asked to wait until"), null=True, blank=True, editable=False
    )
    # ISO times of the sends within the last minute (Telegram's limit).
    recent_sends = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("Telegram channel")
        verbose_name_plural = _("Telegram channels")
        ordering = ["language"]

    def __str__(self):
        return f"{self.get_language_display()}: {self.chat_id}"


class PostQuerySet(models.QuerySet):
    def in_channel(self, language):
        return self.filter(language=language)

    def to_send(self, now=None):
        """Waiting posts whose publication time has come, in publication order."""
        now = now or timezone.now()
        return self.filter(state=Post.State.WAITING, due_at__lte=now).order_by("due_at", "id")

    def to_update(self):
        """Posted messages that must be edited or deleted."""
        return self.filter(state=Post.State.POSTED).exclude(pending="").order_by("updated_at", "id")

    def stuck_sending(self, older_than):
        return self.filter(state=Post.State.SENDING, sending_since__lt=timezone.now() - older_than)

    def claim(self, pk):
        """Waiting → sending for one worker only: True when this call won the row.

        A conditional UPDATE that reports how many rows it changed: the same
        on SQLite and PostgreSQL, and whichever of two workers comes second
        changes nothing.
        """
        return (
            self.filter(pk=pk, state=Post.State.WAITING).update(
                state=Post.State.SENDING,
                sending_since=timezone.now(),
                attempts=models.F("attempts") + 1,
                updated_at=timezone.now(),
            )
            == 1
        )


class Post(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SENDING = "sending", _("sending")
        POSTED = "posted", _("posted")
        FAILED = "failed", _("failed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        SKIPPED = "skipped", _("not for Telegram")

    class Pending(models.TextChoices):
        NONE = "", _("nothing")
        EDIT = "edit", _("edit")
        DELETE = "delete", _("withdraw")

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="telegram_posts",
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    # When this language was published: posts reach a channel in this order.
    due_at = models.DateTimeField(_("published at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Tries of the pending edit or withdrawal that Telegram could not take (5xx, no
    # connection): each waits longer; a new change to send starts again at 0.
    update_attempts = models.PositiveSmallIntegerField(_("edit attempts"), default=0)
    sending_since = models.DateTimeField(null=True, blank=True, editable=False)
    chat_id = models.CharField(_("channel"), max_length=64, blank=True)
    message_id = models.BigIntegerField(_("message id"), null=True, blank=True)
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)
    # What the message shows now, to know what an edit must change.
    has_photo = models.BooleanField(default=False, editable=False)
    sent_text = models.TextField(blank=True, editable=False)
    sent_photo = models.CharField(max_length=255, blank=True, editable=False)
    pending = models.CharField(
        _("to do"), max_length=10, choices=Pending.choices, blank=True, default=""
    )
    error = models.TextField(_("reason"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("Telegram post")
        verbose_name_plural = _("Telegram posts")
        ordering = ["-due_at", "-id"]
        constraints = [
            # One post per article and language, whatever path tries a second.
            models.UniqueConstraint(fields=["article", "language"], name="telegram_one_post"),
            models.CheckConstraint(
                condition=~Q(state="posted") | Q(message_id__isnull=False),
                name="telegram_posted_has_message",
            ),
        ]
        indexes = [
            # The worker's question: the next waiting post of a channel.
            models.Index(fields=["language", "state", "due_at", "id"], name="telegram_queue_idx"),
        ]

    def __str__(self):
        return f"{self.article} [{self.language}]: {self.get_state_display()}"

    @property
    def link(self):
        """The post's address, for a public channel (@name); "" for a private one."""
        if self.message_id and self.chat_id.startswith("@"):
            return f"https://t.me/{self.chat_id[1:]}/{self.message_id}"
        if self.message_id and self.chat_id.startswith("-100"):
            return f"https://t.me/c/{self.chat_id[4:]}/{self.message_id}"
        return ""

    @property
    def deletable(self):
        """A bot may delete its channel post only within 48 hours of sending it."""
        return bool(self.posted_at) and timezone.now() - self.posted_at < timedelta(hours=47)
