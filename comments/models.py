"""Readers identified by phone (art. 36 п.5-1 «Об информатизации») and their comments.

A ``Reader`` is not a Django user: staff accounts live in ``auth`` and open
the admin, readers live here and open nothing but the comment form. The
identification data the law asks for (the phone number, the accepted terms'
version and time) stays while the account is open and for
``READER_RETENTION_DAYS`` after it is closed; ``purge_readers`` then deletes it.
"""

import hmac
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from . import phones

CODE_LIFETIME_SECONDS = 5 * 60
CODE_MAX_WRONG_TRIES = 5


class ReaderQuerySet(models.QuerySet):
    def active(self):
        return self.filter(closed_at__isnull=True)

    def due_for_purge(self, now=None):
        """Closed longer ago than the law's retention period, not purged yet."""
        now = now or timezone.now()
        cutoff = now - timezone.timedelta(days=settings.READER_RETENTION_DAYS)
        return self.filter(closed_at__lt=cutoff)


class Reader(models.Model):
    phone = models.CharField(_("phone"), max_length=16, db_index=True)
    display_name = models.CharField(
        _("display name"), max_length=40, help_text=_("Shown with every comment.")
    )
    terms_version = models.CharField(_("terms version accepted"), max_length=20)
    terms_accepted_at = models.DateTimeField(_("terms accepted at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        help_text=_("The reader closed the account; its data is deleted 3 months later."),
    )

    objects = ReaderQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader")
        verbose_name_plural = _("readers")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open account per number; a number that comes back after
            # closing its account gets a new one.
            models.UniqueConstraint(
                fields=["phone"], condition=Q(closed_at__isnull=True), name="reader_open_phone"
            )
        ]

    def __str__(self):
        return f"{self.display_name} ({self.masked_phone})"

    @property
    def masked_phone(self):
        return phones.mask(self.phone)

    @property
    def is_blocked(self):
        return self.blocked_at is not None


def _code_hash(phone, code):
    # Keyed with SECRET_KEY: a copy of the database alone does not give the codes away.
    return salted_hmac("comments.SignInCode", f"{phone}:{code}", algorithm="sha256").hexdigest()


class SignInCode(models.Model):
    """A one-time code sent by SMS: kept hashed, valid 5 minutes, 5 wrong tries."""

    phone = models.CharField(_("phone"), max_length=16, db_index=True)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return phones.mask(self.phone)

    @classmethod
    def issue(cls, phone):
        """A new code for ``phone`` (earlier ones stop working); returns the code in clear."""
        code = f"{secrets.randbelow(1_000_000):06d}"
        cls.objects.filter(phone=phone).delete()
        cls.objects.create(phone=phone, code_hash=_code_hash(phone, code))
        return code

    @classmethod
    def verify(cls, phone, code):
        """ "ok", "wrong", "expired" or "exhausted" (5 wrong tries: the right code fails too)."""
        found = cls.objects.filter(phone=phone, used=False).first()
        if found is None or found.created_at < timezone.now() - timezone.timedelta(
            seconds=CODE_LIFETIME_SECONDS
        ):
            return "expired"
        if found.wrong_tries >= CODE_MAX_WRONG_TRIES:
            return "exhausted"
        if not hmac.compare_digest(found.code_hash, _code_hash(phone, code)):
            cls.objects.filter(pk=found.pk).update(wrong_tries=models.F("wrong_tries") + 1)
            return "exhausted" if found.wrong_tries + 1 >= CODE_MAX_WRONG_TRIES else "wrong"
        # Used once: a second request with the same code finds nothing.
        if not cls.objects.filter(pk=found.pk, used=False).update(used=True):
            return "expired"
        return "ok"


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What readers see and count: approved comments (replies: under an approved one)."""
        return self.filter(status=Comment.Status.APPROVED).filter(
            Q(parent__isnull=True) | Q(parent__status=Comment.Status.APPROVED)
        )

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        APPROVED = "approved", _("approved")
        HIDDEN = "hidden", _("hidden")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    reader = models.ForeignKey(
        Reader,
        verbose_name=_("reader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Empty: the account was closed and its data deleted."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The article's comments block and every count under a headline.
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            # The moderation queue: pending comments, newest first.
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def author_name(self):
        return self.reader.display_name if self.reader_id else _("deleted account")

    def save(self, *args, **kwargs):
        # Replies are one level deep: a reply to a reply answers its thread.
        if self.parent_id and self.parent.parent_id:
            self.parent_id = self.parent.parent_id
        super().save(*args, **kwargs)


def approved_count():
    """The number of approved comments of the outer article (an annotation for listings)."""
    counted = (
        Comment.objects.visible()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)
