"""Every receiver of the articles app, connected in ArticlesConfig.ready().

- Saving or deleting content (article, photo, source, rubric, tag, and the
  links between them) empties the cached pages that show it
  (articles/pagecache.py, articles/dependencies.py), whatever path saved it;
  so do a photo's new renditions, which are stored with ``update()`` and
  send no model signal.
- An article's related articles are computed again when its tags, rubric or
  publication change (articles/related.py).
- Photos: a hostile file saved through the ORM is refused before Django's
  save writes anything; renditions are made once the photo is committed; a
  replaced or deleted photo's files are deleted (articles/images.py).
- Fixtures (``loaddata``, ``manage.py restore``) skip ``Article.save()``: the
  language flags are set on the way in.
- A save that changes an article's Kazakh text records the Russian text it
  was made from (articles/workspace.py), whatever path saved it; a photo's
  caption, alt text or credit is part of its article's text in that language.
"""

import logging

from django.db import transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils import timezone

from . import dependencies, fragments, images, pagecache, related, workspace
from .models import (
    Article,
    ArticleSource,
    Photo,
    Rubric,
    Source,
    Tag,
    TaggedArticle,
    forget_most_read,
)

logger = logging.getLogger(__name__)


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


# Articles: what a change empties, related articles -------------------------------

# Where an article is listed and what its related articles depend on.
_LISTED_BY = ("status", "published_at", "rubric_id", "in_ru", "in_kk")


def _public(status, published_at):
    return (
        status == Article.Status.PUBLISHED
        and published_at is not None
        and published_at <= timezone.now()
    )


def remember_listing(sender, instance, raw=False, **kwargs):
    """Where the article was listed before this save (compared after it)."""
    if not raw and instance.pk:
        instance._listed_before = (
            Article.objects.filter(pk=instance.pk).values_list(*_LISTED_BY).first()
        )


def article_saved(sender, instance, created=False, raw=False, **kwargs):
    """Its own pages and what lists it; home, rubric, tags, feeds when it came, moved or went.

    A text edit empties the article's pages and the listings, feeds and search
    pages that show it, nothing else. Publishing, unpublishing, moving to
    another rubric or adding a language also empties the first pages of its
    rubric and tags, the home page, feeds and sitemaps.
    """
    if raw:
        return
    before = instance.__dict__.pop("_listed_before", None)
    now = tuple(getattr(instance, name) for name in _LISTED_BY)
    was_public = before is not None and _public(before[0], before[1])
    is_public = _public(now[0], now[1])
    keys = {dependencies.article(instance.pk)}
    if was_public or is_public:
        keys |= {dependencies.SEARCH, dependencies.SITEMAPS}
        if before != now:
            keys |= pagecache.publication_keys(instance)
            if before is not None:
                keys.add(dependencies.rubric_list(before[2]))
        forget_most_read()
    withdrawn = was_public and not is_public
    dependencies.changed(*keys, hard=withdrawn)
    if withdrawn:
        fragments.forget_related()
    if Article.Status.PUBLISHED in (now[0], before and before[0]):
        pagecache.schedule_changed()
    # Related articles follow the rubric, the publication and the tags.
    if created or before is None or before[:3] != now[:3]:
        related.refresh_with_neighbours(instance)
    elif instance.related_ids is None and instance.status == Article.Status.PUBLISHED:
        related.refresh(instance)


def remember_deleted(sender, instance, **kwargs):
    # Before the delete: its tags go with it.
    instance._deleted_keys = pagecache.publication_keys(instance)


def article_deleted(sender, instance, **kwargs):
    keys = instance.__dict__.pop("_deleted_keys", None) or {dependencies.article(instance.pk)}
    dependencies.changed(*keys, hard=True)
    fragments.forget_related()
    forget_most_read()
    pagecache.schedule_changed()


def tags_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    """``article.tags.add()/remove()/set()`` (or ``tag.articles…`` from the tag's side)."""
    if not action.startswith("post_"):
        return
    if reverse:
        articles = list(Article.objects.filter(pk__in=pk_set or ()))
        keys = {dependencies.tag_list(instance.pk)}
    else:
        articles = [instance]
        keys = {dependencies.tag_list(pk) for pk in pk_set or ()}
    keys |= {dependencies.article(article.pk) for article in articles}
    dependencies.changed(*keys)
    for article in articles:
        related.refresh_with_neighbours(article)


def tagging_changed(sender, instance, **kwargs):
    """One article tagged or untagged (a TaggedArticle row saved or deleted)."""
    dependencies.changed(
        dependencies.article(instance.content_object_id), dependencies.tag_list(instance.tag_id)
    )


def sources_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if action.startswith("post_"):
        pks = (pk_set or ()) if reverse else (instance.pk,)
        dependencies.changed(*(dependencies.article(pk) for pk in pks))


def part_changed(sender, instance, **kwargs):
    """A photo or a credited source of an article: its pages and the listings showing it."""
    dependencies.changed(dependencies.article(instance.article_id))


def renditions_made(sender, photo, **kwargs):
    dependencies.changed(dependencies.article(photo.article_id))


def tag_changed(sender, instance, **kwargs):
    """A tag's name: its pages and the article pages that show it."""
    dependencies.changed(dependencies.tag(instance.pk), dependencies.tag_list(instance.pk))


def source_changed(sender, instance, **kwargs):
    dependencies.changed(dependencies.source(instance.pk))


def rubric_changed(sender, instance, **kwargs):
    """A rubric's name or place is in every page's menu: every page goes."""
    dependencies.changed(dependencies.CHROME)


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


def note_photo_texts(sender, instance, **kwargs):
    # A photo's texts as loaded (None for a new one): a save compares with them.
    instance._loaded_texts = workspace.photo_texts(instance) if instance.pk else None


def photo_texts_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    workspace.photo_texts_saved(instance, getattr(instance, "_loaded_texts", None))
    instance._loaded_texts = workspace.photo_texts(instance)


def connect():
    """Called from ArticlesConfig.ready()."""
    uid = "pagecache"
    pre_save.connect(remember_listing, sender=Article, dispatch_uid=f"{uid}:article:before")
    post_save.connect(article_saved, sender=Article, dispatch_uid=f"{uid}:article:save")
    pre_delete.connect(remember_deleted, sender=Article, dispatch_uid=f"{uid}:article:gone")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid=f"{uid}:article:delete")
    for model, receiver in (
        (Photo, part_changed),
        (ArticleSource, part_changed),
        (TaggedArticle, tagging_changed),
        (Tag, tag_changed),
        (Source, source_changed),
        (Rubric, rubric_changed),
    ):
        label = f"{uid}:{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{label}:save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{label}:delete")
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid=f"{uid}:tags")
    m2m_changed.connect(
        sources_changed, sender=Article.sources.through, dispatch_uid=f"{uid}:sources"
    )
    images.renditions_made.connect(renditions_made, sender=Photo, dispatch_uid=f"{uid}:renditions")

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
    post_init.connect(note_photo_texts, sender=Photo, dispatch_uid="articles:photo-texts")
    post_save.connect(photo_texts_changed, sender=Photo, dispatch_uid="articles:photo-texts")
