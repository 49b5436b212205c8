"""The receivers of the Telegram app, connected in TelegramConfig.ready().

An article's save decides, for each language whose channel is connected,
what its post must do: a publication made now (or scheduled) becomes a
waiting post and a task for when its time comes; a posted one whose
headline, lead, age mark or link changed is edited; one that is no longer
public is withdrawn. A photo's change may change the post's picture. Saves
from fixtures (``raw``) and inside ``publication.quiet()`` post nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from articles import images
from articles.models import Article, Photo

from . import delivery, history, publication
from .models import Post

# What a post shows or depends on.
_SHOWN = ("title_ru", "title_kk", "lead_ru", "lead_kk", "age_rating", "rubric_id")
_PUBLICATION = ("status", "published_at", "in_ru", "in_kk", "not_for_telegram")


def _coming(values, language):
    return (
        values is not None
        and values["status"] == Article.Status.PUBLISHED
        and values["published_at"] is not None
        and values[f"in_{language}"]
    )


def remember_before(sender, instance, raw=False, **kwargs):
    if raw or not publication.enabled() or not instance.pk:
        return
    instance._telegram_before = (
        Article.objects.filter(pk=instance.pk).values(*_SHOWN, *_PUBLICATION).first()
    )


def article_saved(sender, instance, created=False, raw=False, **kwargs):
    before = instance.__dict__.pop("_telegram_before", None)
    if raw or not publication.enabled():
        return
    for language, _name in settings.LANGUAGES:
        channel = delivery.connect(language)
        if channel is not None:
            follow(instance, language, channel, before)


def follow(article, language, channel, before):
    """What this save means for the article's post in ``language``."""
    post = Post.objects.filter(article=article, language=language).first()
    coming = publication.is_coming(article, language)
    published_now = before is None or (
        before["status"] != Article.Status.PUBLISHED
        or before["published_at"] != article.published_at
    )
    appeared = coming and (not _coming(before, language) or published_now)
    if post is None or post.state == Post.State.WITHDRAWN:
        if appeared and not publication.is_quiet():
            if publication.is_new_publication(
                article, language, channel.connected_at, published_now
            ):
                _start(article, language, channel, post, published_now)
        return
    if post.state == Post.State.WAITING:
        if not coming:
            post.state, post.error = Post.State.WITHDRAWN, delivery.UNPUBLISHED
            post.save(update_fields=["state", "error"])
        elif article.not_for_telegram:
            post.state = Post.State.SKIPPED
            post.save(update_fields=["state"])
            history.record(post, "skipped")
        else:
            post.due_at = _due(article, language, published_now)
            post.save(update_fields=["due_at"])
            delivery.schedule(channel, post.due_at)
    elif post.state == Post.State.SKIPPED:
        if coming and not article.not_for_telegram:
            post.state, post.due_at = Post.State.WAITING, _due(article, language, False)
            post.save(update_fields=["state", "due_at"])
            history.record(post, "queued")
            delivery.schedule(channel, post.due_at)
    elif post.state == Post.State.POSTED:
        if not publication.is_public(article, language):
            _update(post, Post.Pending.DELETE, channel)
        elif post.pending == Post.Pending.DELETE or (
            before is not None and any(before[name] != getattr(article, name) for name in _SHOWN)
        ):
            _update(post, Post.Pending.EDIT, channel)


def _due(article, language, published_now):
    when = publication.publication_time(article, language)
    # A translation that appears on a published article is published now.
    return when if published_now else max(when, timezone.now())


def _start(article, language, channel, post, published_now):
    state = Post.State.SKIPPED if article.not_for_telegram else Post.State.WAITING
    fields = {
        "state": state,
        "due_at": _due(article, language, published_now),
        "attempts": 0,
        "message_id": None,
        "posted_at": None,
        "pending": "",
        "error": "",
        "sending_since": None,
        "updated_at": timezone.now(),
    }
    if post is None:
        post = Post.objects.create(article=article, language=language, **fields)
    else:
        Post.objects.filter(pk=post.pk).update(**fields)
        post.refresh_from_db()
    history.record(post, "skipped" if state == Post.State.SKIPPED else "queued")
    if state == Post.State.WAITING:
        delivery.schedule(channel, post.due_at)


def _update(post, pending, channel):
    Post.objects.filter(pk=post.pk, state=Post.State.POSTED).update(
        pending=pending, update_attempts=0, updated_at=timezone.now()
    )
    delivery.schedule(channel)


def photo_changed(sender, instance, raw=False, **kwargs):
    if raw or not publication.enabled():
        return
    _photos_changed(instance.article_id)


def renditions_made(sender, photo, **kwargs):
    if publication.enabled():
        _photos_changed(photo.article_id)


def _photos_changed(article_id):
    posted = Post.objects.filter(article_id=article_id, state=Post.State.POSTED, pending="")
    for post in posted:
        channel = delivery.connect(post.language)
        if channel is not None:
            _update(post, Post.Pending.EDIT, channel)


def article_deleted(sender, instance, **kwargs):
    """A deleted article's posts (young enough to delete) leave the channels too."""
    if not publication.enabled():
        return
    young = timezone.now() - timedelta(hours=47)
    for post in Post.objects.filter(article=instance, state=Post.State.POSTED, posted_at__gt=young):
        channel = delivery.connect(post.language)
        if channel is not None and channel.chat_id == post.chat_id:
            channel_id, message_id = channel.pk, post.message_id
            transaction.on_commit(
                lambda c=channel_id, m=message_id: delivery.delete_message.enqueue(c, m)
            )


def connect():
    uid = "telegram"
    pre_save.connect(remember_before, sender=Article, dispatch_uid=f"{uid}:article:before")
    post_save.connect(article_saved, sender=Article, dispatch_uid=f"{uid}:article:save")
    pre_delete.connect(article_deleted, sender=Article, dispatch_uid=f"{uid}:article:delete")
    post_save.connect(photo_changed, sender=Photo, dispatch_uid=f"{uid}:photo:save")
    post_delete.connect(photo_changed, sender=Photo, dispatch_uid=f"{uid}:photo:delete")
    images.renditions_made.connect(renditions_made, sender=Photo, dispatch_uid=f"{uid}:renditions")
