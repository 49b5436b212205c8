"""Every receiver of the articles app, connected in ArticlesConfig.ready().

- Any saved or deleted piece of content (article, photo, source, rubric, tag,
  and the links between them) empties the page cache (articles/pagecache.py),
  whatever path saved it; so do a photo's new renditions, which are stored
  with ``update()`` and send no model signal.
- Photos: a hostile file saved through the ORM is refused before Django's
  save writes anything; renditions are made once the photo is committed; a
  replaced or deleted photo's files are deleted (articles/images.py).
- Fixtures (``loaddata``, ``manage.py restore``) skip ``Article.save()``: the
  language flags are set on the way in.
- A save that changes an article's Kazakh text records the Russian text it
  was made from (articles/workspace.py), whatever path saved it.
"""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save

from . import images, pagecache, workspace
from .models import Article, ArticleSource, Photo, Rubric, Source, Tag, TaggedArticle

logger = logging.getLogger(__name__)

CONTENT_MODELS = (Article, ArticleSource, Photo, Rubric, Source, Tag, TaggedArticle)


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


def note_kazakh_stamp(sender, instance, **kwargs):
    # What kk_changed_at was when loaded: a save that moves it saved Kazakh text.
    instance._kk_stamp = instance.__dict__.get("kk_changed_at")


def remember_translation_basis(sender, instance, raw=False, **kwargs):
    # Article.save() moves kk_changed_at exactly when the Kazakh text changed.
    # (An instance refreshed since it was loaded may carry someone else's
    # stamp: that one has its basis already.)
    stamp = instance.kk_changed_at
    if raw or stamp is None or stamp == getattr(instance, "_kk_stamp", None):
        return
    if not workspace.has_basis(instance, stamp):
        workspace.remember_basis(instance)


def connect():
    """Called from ArticlesConfig.ready()."""
    for model in CONTENT_MODELS:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(pagecache.content_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(pagecache.content_changed, sender=model, dispatch_uid=f"{uid}:delete")
    for through in (Article.tags.through, Article.sources.through):
        m2m_changed.connect(
            pagecache.content_changed,
            sender=through,
            dispatch_uid=f"pagecache:{through._meta.label}:m2m",
        )
    images.renditions_made.connect(
        pagecache.content_changed, sender=Photo, dispatch_uid="pagecache:renditions"
    )

    uid = "newsroom.images"
    pre_save.connect(check_photo_before_save, sender=Photo, dispatch_uid=f"{uid}.pre")
    post_save.connect(make_renditions_after_save, sender=Photo, dispatch_uid=f"{uid}.post")
    post_delete.connect(delete_photo_files_after_delete, sender=Photo, dispatch_uid=f"{uid}.delete")

    pre_save.connect(
        language_flags_for_fixtures, sender=Article, dispatch_uid="articles:language-flags"
    )
    post_init.connect(note_kazakh_stamp, sender=Article, dispatch_uid="articles:kk-stamp")
    post_save.connect(
        remember_translation_basis, sender=Article, dispatch_uid="articles:translation-basis"
    )
