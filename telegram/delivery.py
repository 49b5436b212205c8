"""Sending to a channel: one worker at a time per channel, in publication order, within the limits.

``work(channel)`` is what the task ``work_channel`` runs. It takes the channel's lease (a
conditional UPDATE on its ``Channel`` row, so it holds across processes and
machines), then sends the waiting posts whose time has come, oldest
publication first, and the edits and withdrawals of posted ones, until
there is nothing left or Telegram's limit says wait; then it asks for
another run when the wait is over. A worker that finds the lease taken
leaves the work to its holder, who looks again after letting go.

Exactly one post per article and language:

- the row is claimed (waiting → sending) by a conditional UPDATE that only
  one worker can win, and "sending" is committed before the call, the
  message id right after it;
- a failure that proves nothing was posted (Telegram refused, or the
  request never left: refused connection, a timeout while connecting) is
  tried again: 429 after its ``retry_after``, 5xx and network errors with
  a growing backoff, for every worker, since the channel's row holds it;
- a call that was sent and got no answer, and a row still "sending" when a
  worker takes the lease (its worker was killed mid-send), may or may not
  have been posted. Telegram has no idempotency key, so those are never
  sent again by themselves: they become "failed" with a reason that says
  to look at the channel, and the editor's "try again" sends them.
"""

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from articles import images

from . import botapi, captions, history, publication
from .models import Channel, Post

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = 300
# Telegram's minute, and a second to spare: our clock starts before the
# request travels, Telegram's when it arrives.
WINDOW = timedelta(seconds=61)

# Reasons kept in English and shown translated (gettext_noop: the catalogs have them).
NO_ANSWER = gettext_noop(
    "Telegram did not answer: the post may or may not be in the channel. Look at the "
    "channel; if it is not there, try again."
)
INTERRUPTED = gettext_noop(
    "The worker stopped while sending: the post may or may not be in the channel. Look at "
    "the channel; if it is not there, try again."
)
GAVE_UP = gettext_noop("Telegram could not be reached after several attempts.")
UNPUBLISHED = gettext_noop("Unpublished before it was posted.")


def lease_length():
    # Longer than two calls: a live holder renews it before every call.
    return timedelta(seconds=settings.TELEGRAM_TIMEOUT * 2 + 10)


def connect(language):
    """The language's ``Channel`` row (made when the channel is first seen); None when off."""
    chat_id = publication.channel(language)
    if not chat_id:
        return None
    channel, created = Channel.objects.get_or_create(
        language=language, defaults={"chat_id": chat_id, "connected_at": timezone.now()}
    )
    if not created and channel.chat_id != chat_id:
        # Another channel: it starts from now, the archive stays out of it.
        channel.chat_id, channel.connected_at = chat_id, timezone.now()
        channel.save(update_fields=["chat_id", "connected_at"])
    return channel


@task()
def work_channel(channel_id):
    """The task: send, edit and withdraw what is due on one channel."""
    return work(channel_id)


@task()
def delete_message(channel_id, message_id):
    """The task for an article deleted from the newsroom: its post leaves the channel."""
    channel = Channel.objects.filter(pk=channel_id).first()
    if channel is None:
        return False
    try:
        botapi.call("deleteMessage", {"chat_id": channel.chat_id, "message_id": message_id})
    except botapi.BotApiError:
        return False
    return True


def schedule(channel, at=None):
    """Ask a worker to work on ``channel`` (at ``at``), once the current transaction commits.

    Only the channel's id travels: with a broker outside the database (RQ)
    the task could otherwise run before the data it needs is committed.
    """

    def enqueue():
        task = work_channel
        if at is not None and at > timezone.now():
            task = task.using(run_after=at)
        task.enqueue(channel.pk)

    transaction.on_commit(enqueue)


# The lease ---------------------------------------------------------------------


def _acquire(channel, owner):
    now = timezone.now()
    try:
        return (
            Channel.objects.filter(pk=channel.pk)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now) | Q(lease_owner=owner))
            .update(lease_owner=owner, lease_until=now + lease_length())
            == 1
        )
    except OperationalError as error:
        # SQLite: another worker is writing this very row ("locked"): it is
        # the one taking the lease.
        if "locked" in str(error):
            return False
        raise


def _release(channel, owner):
    Channel.objects.filter(pk=channel.pk, lease_owner=owner).update(
        lease_owner="", lease_until=None
    )


def work(channel_id):
    """Do what is due on one channel. Returns how many calls to Telegram were made."""
    channel = Channel.objects.filter(pk=channel_id).first()
    if channel is None or publication.channel(channel.language) != channel.chat_id:
        return 0
    owner = uuid.uuid4().hex
    calls = 0
    while True:
        if not _acquire(channel, owner):
            # Its holder looks again after letting go; this run only makes
            # sure the work is not stranded if that holder died.
            busy_until = Channel.objects.filter(pk=channel.pk).values_list(
                "lease_until", flat=True
            )[0]
            schedule(channel, (busy_until or timezone.now()) + timedelta(seconds=1))
            return calls
        try:
            _recover_interrupted(channel)
            calls += _drain(channel, owner)
        finally:
            _release(channel, owner)
        # Work that arrived while the lease was held, its own run turned away.
        if not _has_work(channel):
            return calls


def _recover_interrupted(channel):
    # Under the lease nobody else sends to this channel: a row still
    # "sending" was left by a worker that died mid-call.
    for post in Post.objects.filter(language=channel.language, state=Post.State.SENDING):
        Post.objects.filter(pk=post.pk, state=Post.State.SENDING).update(
            state=Post.State.FAILED, error=INTERRUPTED, updated_at=timezone.now()
        )
        history.record(post, "unknown", reason=INTERRUPTED)


def _has_work(channel):
    if _wait(Channel.objects.get(pk=channel.pk)) > 0:
        return False
    posts = Post.objects.in_channel(channel.language)
    return posts.to_send().exists() or posts.to_update().exists()


def _next(channel):
    posts = Post.objects.in_channel(channel.language).select_related("article__rubric")
    post = posts.to_send().first()
    if post is not None:
        return "send", post
    post = posts.to_update().first()
    if post is not None:
        return post.pending, post
    return None, None


def _drain(channel, owner):
    calls = 0
    while True:
        kind, post = _next(channel)
        if post is None:
            return calls
        channel.refresh_from_db()
        wait = _wait(channel)
        if wait > 0:
            schedule(channel, timezone.now() + timedelta(seconds=wait))
            return calls
        # Renewed before each call: a live holder never loses the lease.
        Channel.objects.filter(pk=channel.pk, lease_owner=owner).update(
            lease_until=timezone.now() + lease_length()
        )
        handler = {"send": _send, "edit": _edit, "delete": _withdraw}[kind]
        calls += handler(channel, post)


# Telegram's limits -------------------------------------------------------------


def _recent(channel, now):
    recent = []
    for stamp in channel.recent_sends or []:
        moment = datetime.fromisoformat(stamp)
        if moment > now - WINDOW:
            recent.append(moment)
    return sorted(recent)


def _wait(channel):
    """Seconds before the next call to this channel may go out (0: now)."""
    now = timezone.now()
    waits = [0.0]
    if channel.blocked_until and channel.blocked_until > now:
        waits.append((channel.blocked_until - now).total_seconds())
    recent = _recent(channel, now)
    per_minute = settings.TELEGRAM_POSTS_PER_MINUTE
    if len(recent) >= per_minute:
        waits.append((recent[-per_minute] + WINDOW - now).total_seconds())
    return max(waits)


def _count_call(channel):
    now = timezone.now()
    recent = [*_recent(channel, now), now]
    channel.recent_sends = [moment.isoformat() for moment in recent]
    Channel.objects.filter(pk=channel.pk).update(recent_sends=channel.recent_sends)


def _block(channel, seconds):
    until = timezone.now() + timedelta(seconds=seconds)
    Channel.objects.filter(pk=channel.pk).update(blocked_until=until)
    schedule(channel, until)
    return until


def _backoff(attempts):
    return min(MAX_BACKOFF, 2 ** max(0, attempts - 1))


# What a post carries -----------------------------------------------------------


def _photo(article):
    """The lead photo as we upload it: (its original's name, JPEG bytes), or None.

    Named by the original, so that its renditions arriving later do not
    count as another photo.
    """
    photo = article.photos.order_by("position", "id").first()
    if photo is None or not photo.image:
        return None
    chosen = images.pick(photo.renditions or {}, "jpeg", 1280)
    name = chosen[2] if chosen else photo.image.name
    try:
        with default_storage.open(name, "rb") as stored:
            return photo.image.name, stored.read()
    except OSError:
        logger.warning("Telegram: the lead photo %s of article %s is missing", name, article.pk)
        return None


def _content(post):
    photo = _photo(post.article)
    limit = captions.CAPTION_LIMIT if photo else captions.TEXT_LIMIT
    return photo, captions.compose(post.article, post.language, limit)


def _upload(photo):
    name, data = photo
    return {"photo": (name.rsplit("/", 1)[-1], data, "image/jpeg")}


# Sending, editing, withdrawing -----------------------------------------------


def _send(channel, post):  # noqa: PLR0911 - each outcome of a send ends here
    article = post.article
    if article.not_for_telegram:
        Post.objects.filter(pk=post.pk, state=Post.State.WAITING).update(
            state=Post.State.SKIPPED, updated_at=timezone.now()
        )
        return 0
    if not publication.is_public(article, post.language):
        # Checked when the time comes: rescheduled or unpublished meanwhile.
        if publication.is_coming(article, post.language):
            due = publication.publication_time(article, post.language)
            Post.objects.filter(pk=post.pk).update(due_at=due)
            schedule(channel, due)
        else:
            Post.objects.filter(pk=post.pk, state=Post.State.WAITING).update(
                state=Post.State.WITHDRAWN, error=UNPUBLISHED, updated_at=timezone.now()
            )
        return 0
    photo, text = _content(post)
    if not Post.objects.claim(post.pk):
        return 0
    # A watchdog: if this worker dies mid-send, a run after its lease has
    # expired finds the row still "sending" and says so (it costs nothing
    # when this worker lives).
    schedule(channel, timezone.now() + lease_length() + timedelta(seconds=1))
    post.refresh_from_db()
    fields = {"chat_id": channel.chat_id, "parse_mode": "HTML"}
    _count_call(channel)
    try:
        if photo:
            result = botapi.call("sendPhoto", {**fields, "caption": text}, files=_upload(photo))
        else:
            result = botapi.call(
                "sendMessage",
                {**fields, "text": text, "link_preview_options": {"is_disabled": True}},
            )
    except botapi.Refused as error:
        if error.temporary:
            _try_later(channel, post, error)
        else:
            _fail(post, error.description)
        return 1
    except botapi.NotDelivered as error:
        _try_later(channel, post, error)
        return 1
    except botapi.NoAnswer:
        _fail(post, NO_ANSWER, event="unknown")
        return 1
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(
        state=Post.State.POSTED,
        chat_id=channel.chat_id,
        message_id=result["message_id"],
        posted_at=now,
        has_photo=bool(photo),
        sent_photo=photo[0] if photo else "",
        sent_text=text,
        error="",
        pending="",
        updated_at=now,
    )
    post.refresh_from_db()
    history.record(post, "posted", link=post.link)
    return 1


def _try_later(channel, post, error):
    """A failure that proves nothing was posted: back to waiting, the channel waits."""
    if isinstance(error, botapi.Refused) and error.status == 429:
        seconds = float(error.retry_after or 1)
        reason = gettext_noop("Telegram's limit: waiting before the next post.")
    elif post.attempts >= MAX_ATTEMPTS:
        _fail(post, GAVE_UP, detail=str(error))
        return
    else:
        seconds = _backoff(post.attempts)
        reason = str(error)
    Post.objects.filter(pk=post.pk, state=Post.State.SENDING).update(
        state=Post.State.WAITING, sending_since=None, error=reason, updated_at=timezone.now()
    )
    _block(channel, seconds)


def _fail(post, reason, event="failed", detail=""):
    """``reason`` is a sentence of the catalogs (the editor reads it translated);
    ``detail``, Telegram's own words, goes to the history beside it."""
    Post.objects.filter(pk=post.pk, state=Post.State.SENDING).update(
        state=Post.State.FAILED, error=reason, updated_at=timezone.now()
    )
    history.record(post, event, reason=f"{reason} ({detail})" if detail else reason)


def _update_later(channel, post, error, event):
    """An edit or withdrawal Telegram could not take now (429, 5xx, no connection).

    An edit sent twice shows the same thing, so it is tried again: after
    Telegram's ``retry_after`` for a 429, otherwise after a wait that doubles
    with each try, until MAX_ATTEMPTS; then the change is given up (the post
    keeps what it shows) and the editor reads why.
    """
    if isinstance(error, botapi.Refused) and error.status == 429:
        _block(channel, float(error.retry_after or 1))
        return
    attempts = post.update_attempts + 1
    if attempts >= MAX_ATTEMPTS:
        Post.objects.filter(pk=post.pk, pending=post.pending).update(
            pending="", update_attempts=0, error=GAVE_UP, updated_at=timezone.now()
        )
        history.record(post, event, reason=f"{GAVE_UP} ({error})")
        return
    Post.objects.filter(pk=post.pk, pending=post.pending).update(update_attempts=attempts)
    _block(channel, _backoff(attempts))


def _change(channel, post, call, event, *, accepted):
    """Send an edit or a withdrawal of a posted message: True when it is done.

    A refusal that ``accepted(error)`` says leaves the message as wanted is
    done too; one that cannot be taken now waits (``_update_later``); any other
    refusal is given up with Telegram's reason (``event`` in the history).
    """
    _count_call(channel)
    try:
        botapi.call(*call)
    except botapi.Refused as error:
        if error.temporary:
            _update_later(channel, post, error, event)
            return False
        if accepted(error):
            return True
        Post.objects.filter(pk=post.pk).update(
            pending="", update_attempts=0, error=error.description
        )
        history.record(post, event, reason=error.description)
        return False
    except (botapi.NotDelivered, botapi.NoAnswer) as error:
        _update_later(channel, post, error, event)
        return False
    return True


def _gone(error):
    """A message already deleted (or already saying "withdrawn") is withdrawn."""
    return "not found" in error.description or error.not_modified


def _edit(channel, post):
    photo, text = _content(post)
    target = {"chat_id": post.chat_id, "message_id": post.message_id, "parse_mode": "HTML"}
    if post.has_photo and photo and photo[0] != post.sent_photo:
        media = {"type": "photo", "media": "attach://photo", "caption": text, "parse_mode": "HTML"}
        call = ("editMessageMedia", {**target, "media": media}, _upload(photo))
    elif text == post.sent_text:
        Post.objects.filter(pk=post.pk, pending=Post.Pending.EDIT).update(pending="")
        return 0
    elif post.has_photo:
        call = ("editMessageCaption", {**target, "caption": text}, None)
    else:
        call = ("editMessageText", {**target, "text": text}, None)
    if not _change(channel, post, call, "edit_failed", accepted=lambda error: error.not_modified):
        return 1
    Post.objects.filter(pk=post.pk, pending=Post.Pending.EDIT).update(
        pending="",
        update_attempts=0,
        error="",
        sent_text=text,
        sent_photo=photo[0] if (photo and post.has_photo) else post.sent_photo,
        updated_at=timezone.now(),
    )
    history.record(post, "edited", link=post.link)
    return 1


def _withdraw(channel, post):
    target = {"chat_id": post.chat_id, "message_id": post.message_id}
    if post.deletable:
        call = ("deleteMessage", target)
    else:
        # Too old to delete: the post says the story was withdrawn.
        text = captions.escape(captions.withdrawn_text(post.language))
        method = "editMessageCaption" if post.has_photo else "editMessageText"
        field = "caption" if post.has_photo else "text"
        call = (method, {**target, field: text, "parse_mode": "HTML"})
    if not _change(channel, post, call, "withdraw_failed", accepted=_gone):
        return 1
    Post.objects.filter(pk=post.pk, pending=Post.Pending.DELETE).update(
        state=Post.State.WITHDRAWN,
        pending="",
        update_attempts=0,
        error="",
        updated_at=timezone.now(),
    )
    history.record(post, "deleted" if call[0] == "deleteMessage" else "marked_withdrawn")
    return 1
