"""The content's own receivers, connected in ArticlesConfig.ready().

- Photos: a hostile file saved through the ORM is refused before Django's
  save writes anything; renditions are made once the photo is committed; a
  replaced or deleted photo's files are deleted (articles/images.py).
- Fixtures (``loaddata``, ``manage.py restore``) skip ``Article.save()``: the
  language flags are set on the way in.
- An article's related articles are ranked again when its tags, rubric or
  publication change (articles/related.py): once per save, however many of
  its writes (the article, then its tags) ask for it (groundwork/saves.py);
  after bulk work (articles/bulk.py), all of them in one pass.
- ``page_shows``: reader views and feeds say what a page shows; the page
  cache listens (pagecache/receivers.py), the content knows nothing of it.
"""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal

from . import bulk, images, related
from .models import Article, Photo

logger = logging.getLogger(__name__)

# Sent by reader views and feeds while a page is made: ``articles`` (ids or
# articles), ``lists`` ("published", "search", "sitemaps", ("rubric", id),
# ("tag", id)), ``tags`` and ``sources`` (ids) it shows.
page_shows = Signal()


def shows(*, articles=(), lists=(), tags=(), sources=()):
    """Say what the page being made shows (pagecache/receivers.py listens)."""
    page_shows.send(sender=Article, articles=articles, lists=lists, tags=tags, sources=sources)


# Photos ------------------------------------------------------------------------


def check_photo_before_save(sender, instance, raw=False, **kwargs):
    """A hostile file saved through the ORM is refused here, before Django's
    save starts writing (an error there would spoil the caller's transaction).

    A replaced picture: the old files go once the new one is committed.
    """
    if raw:
        return
    if instance.image and not instance.image._committed:
        images.inspect(instance.image.file)
    if not instance.pk:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("image", "renditions").first()
    if old and old[0] and old[0] != instance.image.name:
        stale = [old[0], *images.rendition_names(old[1] or {})]
        transaction.on_commit(lambda: images.delete_files(stale))


def make_renditions_after_save(sender, instance, raw=False, **kwargs):
    if raw or not instance.image:
        return
    if (instance.renditions or {}).get("original") == instance.image.name:
        return  # made already: a caption edit makes nothing
    picture = instance.__dict__.pop("_newsroom_picture", None)

    def build():
        try:
            images.make_renditions(instance, picture)
        except Exception:
            # Logged loudly; the page falls back to the original and
            # `manage.py rebuild_renditions` makes them again.
            logger.exception("Renditions failed for photo %s", instance.pk)

    transaction.on_commit(build)


def delete_photo_files_after_delete(sender, instance, **kwargs):
    names = [instance.image.name, *images.rendition_names(instance.renditions or {})]
    transaction.on_commit(lambda: images.delete_files(names))


# Articles ----------------------------------------------------------------------


def language_flags_for_fixtures(sender, instance, raw=False, **kwargs):
    """Fixtures (``loaddata``, ``manage.py restore``) skip Article.save(): a
    backup made before the flags existed must not hide its articles."""
    if raw:
        instance.set_language_flags()


def rank_related(sender, instance, created=False, raw=False, **kwargs):
    """Related articles follow the rubric, the publication and the tags."""
    if raw:
        return
    before = instance.listed(before=True)
    now = instance.listed()
    if created or before is None or before[:3] != now[:3]:
        related.refresh_soon(instance)
    elif instance.related_ids is None and instance.status == Article.Status.PUBLISHED:
        related.refresh(instance)


def tags_ranked(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    """``article.tags.add()/remove()/set()``: the articles' related ones, once per save."""
    if not action.startswith("post_"):
        return
    articles = list(Article.objects.filter(pk__in=pk_set or ())) if reverse else [instance]
    for article in articles:
        related.refresh_soon(article)


def rank_all_related(sender, **kwargs):
    """Bulk work is done (articles/bulk.py): every related list in one pass."""
    related.refresh_all()


def connect():
    """Called from ArticlesConfig.ready()."""
    uid = "articles"
    pre_save.connect(check_photo_before_save, sender=Photo, dispatch_uid=f"{uid}:photo:check")
    post_save.connect(make_renditions_after_save, sender=Photo, dispatch_uid=f"{uid}:photo:made")
    post_delete.connect(
        delete_photo_files_after_delete, sender=Photo, dispatch_uid=f"{uid}:photo:gone"
    )
    pre_save.connect(language_flags_for_fixtures, sender=Article, dispatch_uid=f"{uid}:flags")
    post_save.connect(rank_related, sender=Article, dispatch_uid=f"{uid}:related")
    m2m_changed.connect(tags_ranked, sender=Article.tags.through, dispatch_uid=f"{uid}:tags")
    bulk.done.connect(rank_all_related, dispatch_uid=f"{uid}:bulk:related")
