"""What a moderator does to comments and readers: approve, hide, delete, block.

Each function changes the database, empties the comments blocks of the
articles concerned (never a page of the page cache) and writes one audit
entry per comment or reader, so that "who hid this?" has an answer.
"""

from django.db import transaction
from django.utils import timezone

from audit import trail as audit

from . import blocks
from .models import Comment


def _set_status(user, comments, status):
    comments = list(comments)
    now = timezone.now()
    with transaction.atomic():
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
            status=status, moderated_at=now
        )
        for comment in comments:
            audit.record(user, "moderate", comment, decision=status)
        blocks.forget(c.article_id for c in comments)
    return len(comments)


def approve(user, comments):
    return _set_status(user, comments, Comment.Status.APPROVED)


def hide(user, comments):
    return _set_status(user, comments, Comment.Status.HIDDEN)


def delete(user, comments):
    comments = list(comments)
    with transaction.atomic():
        for comment in comments:
            audit.record(user, "moderate", comment, decision="deleted")
        Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
        blocks.forget(c.article_id for c in comments)
    return len(comments)


def block(user, readers):
    """Block readers: every comment of theirs is hidden, and they cannot post any more."""
    readers = [reader for reader in readers if reader.blocked_at is None]
    now = timezone.now()
    with transaction.atomic():
        for reader in readers:
            reader.blocked_at = now
            reader.save(update_fields=["blocked_at"])
            hidden = Comment.objects.filter(reader=reader).exclude(status=Comment.Status.HIDDEN)
            articles = set(hidden.values_list("article_id", flat=True))
            count = hidden.update(status=Comment.Status.HIDDEN, moderated_at=now)
            audit.record(user, "block_reader", reader, comments_hidden=count)
            blocks.forget(articles)
    return len(readers)


def unblock(user, readers):
    """Lets readers comment again; their hidden comments stay hidden."""
    readers = [reader for reader in readers if reader.blocked_at is not None]
    with transaction.atomic():
        for reader in readers:
            reader.blocked_at = None
            reader.save(update_fields=["blocked_at"])
            audit.record(user, "block_reader", reader, unblocked=True)
    return len(readers)
