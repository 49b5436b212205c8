"""The page cache's receivers: what a change empties, whatever path saved it.

Connected in PageCacheConfig.ready(). Saving or deleting content (article,
photo, source, rubric, tag, and the links between them) empties the cached
pages that show it (pagecache/dependencies.py); so do a photo's new
renditions, which are stored with ``update()`` and send no model signal.
While a page is made, what it shows (``articles.signals.page_shows``) is
recorded as the page's keys. During bulk work (an import, articles/bulk.py)
the receivers of changes step aside and every page goes once, at the end.
"""

import functools

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from articles import bulk, images
from articles.models import Article, ArticleSource, Photo, Rubric, Source, Tag, TaggedArticle
from articles.signals import page_shows
from viewcounts.ranking import forget_most_read

from . import dependencies, fragments, middleware

# What a page's ``lists`` name, as page keys.
_LISTS = {
    "published": dependencies.PUBLISHED,
    "search": dependencies.SEARCH,
    "sitemaps": dependencies.SITEMAPS,
}
_LISTS_OF = {"rubric": dependencies.rubric_list, "tag": dependencies.tag_list}


def held_in_bulk(receiver):
    """Bulk work (an import, articles/bulk.py) empties every page once when it is
    done: working out what each of its saves empties would be wasted."""

    @functools.wraps(receiver)
    def wrapper(*args, **kwargs):
        if not bulk.active():
            receiver(*args, **kwargs)

    return wrapper


def page_showed(sender, articles=(), lists=(), tags=(), sources=(), **kwargs):
    """Record what the page being made shows as its keys."""
    keys = [dependencies.article(getattr(item, "pk", item)) for item in articles]
    keys += [
        _LISTS[name] if isinstance(name, str) else _LISTS_OF[name[0]](name[1]) for name in lists
    ]
    keys += [dependencies.tag(pk) for pk in tags]
    keys += [dependencies.source(pk) for pk in sources]
    if keys:
        dependencies.record(*keys)


@held_in_bulk
def article_saved(sender, instance, created=False, raw=False, **kwargs):
    """Its own pages and what lists it; home, rubric, tags, feeds when it came, moved or went.

    A text edit empties the article's pages and the listings, feeds and search
    pages that show it, nothing else. Publishing, unpublishing, moving to
    another rubric or adding a language also empties the first pages of its
    rubric and tags, the home page, feeds and sitemaps.
    """
    if raw:
        return
    before = instance.listed(before=True)
    now = instance.listed()
    was_public = before is not None and Article.is_public(before[0], before[1])
    is_public = Article.is_public(now[0], now[1])
    keys = {dependencies.article(instance.pk)}
    if was_public or is_public:
        keys |= {dependencies.SEARCH, dependencies.SITEMAPS}
        if before != now:
            keys |= middleware.publication_keys(instance)
            if before is not None:
                keys.add(dependencies.rubric_list(before[2]))
        forget_most_read()
    withdrawn = was_public and not is_public
    dependencies.changed(*keys, hard=withdrawn)
    if withdrawn:
        fragments.forget_related()
    if Article.Status.PUBLISHED in (now[0], before and before[0]):
        middleware.schedule_changed()


@held_in_bulk
def remember_deleted(sender, instance, **kwargs):
    # Before the delete: its tags go with it.
    instance._deleted_keys = middleware.publication_keys(instance)


@held_in_bulk
def article_deleted(sender, instance, **kwargs):
    keys = instance.__dict__.pop("_deleted_keys", None) or {dependencies.article(instance.pk)}
    dependencies.changed(*keys, hard=True)
    fragments.forget_related()
    forget_most_read()
    middleware.schedule_changed()


@held_in_bulk
def tags_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    """``article.tags.add()/remove()/set()`` (or ``tag.articles…`` from the tag's side)."""
    if not action.startswith("post_"):
        return
    if reverse:
        article_ids = set(pk_set or ())
        keys = {dependencies.tag_list(instance.pk)}
    else:
        article_ids = {instance.pk}
        keys = {dependencies.tag_list(pk) for pk in pk_set or ()}
    keys |= {dependencies.article(pk) for pk in article_ids}
    dependencies.changed(*keys)


@held_in_bulk
def tagging_changed(sender, instance, **kwargs):
    """One article tagged or untagged (a TaggedArticle row saved or deleted)."""
    dependencies.changed(
        dependencies.article(instance.content_object_id), dependencies.tag_list(instance.tag_id)
    )


@held_in_bulk
def sources_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if action.startswith("post_"):
        pks = (pk_set or ()) if reverse else (instance.pk,)
        dependencies.changed(*(dependencies.article(pk) for pk in pks))


@held_in_bulk
def part_changed(sender, instance, **kwargs):
    """A photo or a credited source of an article: its pages and the listings showing it."""
    dependencies.changed(dependencies.article(instance.article_id))


@held_in_bulk
def renditions_made(sender, photo, **kwargs):
    dependencies.changed(dependencies.article(photo.article_id))


@held_in_bulk
def tag_changed(sender, instance, **kwargs):
    """A tag's name: its pages and the article pages that show it."""
    dependencies.changed(dependencies.tag(instance.pk), dependencies.tag_list(instance.pk))


@held_in_bulk
def source_changed(sender, instance, **kwargs):
    dependencies.changed(dependencies.source(instance.pk))


@held_in_bulk
def rubric_changed(sender, instance, **kwargs):
    """A rubric's name or place is in every page's menu: every page goes."""
    dependencies.changed(dependencies.CHROME)


def connect():
    """Called from PageCacheConfig.ready()."""
    uid = "pagecache"
    page_shows.connect(page_showed, dispatch_uid=f"{uid}:shows")
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
    # Bulk work (an import, articles/bulk.py) cannot say what it touched: every page goes.
    bulk.done.connect(middleware.content_changed, dispatch_uid=f"{uid}:bulk")
