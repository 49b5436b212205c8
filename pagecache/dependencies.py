"""What a cached page shows, and which pages a change empties.

While a reader page renders, the view records the keys of what it shows
(``record()``); the page cache (pagecache/middleware.py) stores the page with
the current version of each key and serves it as long as none has changed.
A change gives the keys it touches new versions (``changed()``): only the
pages that recorded one of them are rendered again. The same keys go out in
the ``Surrogate-Key`` header, and to the purge endpoint (pagecache/purge.py),
so a CDN or Varnish can drop the same pages.

The keys:

``chrome``
    the site's frame (rubric menu, names, footer): every page. A rubric's
    change, or a bulk change with no detail (``content_changed()``), renews
    it: every page goes.
``published``
    which articles are published: the home page, the main feed, search
    results, pages that were "not found".
``rubric-<id>-list``, ``tag-<id>-list``
    the newest articles of a rubric or tag: its first page and its feed.
    Pages 2–N only record the articles they show.
``article-<id>``
    one article: its pages in both languages (and their redirects), and every
    listing, feed and related-articles block that shows it.
``tag-<id>``, ``source-<id>``
    a tag's name (its pages, the article pages showing it); a source's name
    and link (the article pages crediting it).
``search``, ``sitemaps``
    any change to a published article's text or publication.

Versions live in the cache without an expiry (like the old generation token;
Redis' ``volatile-lru`` never evicts them). A version that is missing anyway
counts as changed: at worst a page is rendered again, never served stale.
"""

import uuid
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction

from pagecache import purge

CHROME = "chrome"
PUBLISHED = "published"
SEARCH = "search"
SITEMAPS = "sitemaps"
VERSION_PREFIX = "pagecache:version:"
# Renewed with every change: a page rendered while it moved is not stored.
CHANGES = "pagecache:changes"
# A change readers must not see the old page of, even for the instant it
# renders again (an unpublished or deleted article): its versions start so.
HARD = "!"

_recorded = ContextVar("pagecache_dependencies", default=None)


def article(pk):
    return f"article-{pk}"


def tag(pk):
    return f"tag-{pk}"


def tag_list(pk):
    return f"tag-{pk}-list"


def rubric_list(pk):
    return f"rubric-{pk}-list"


def source(pk):
    return f"source-{pk}"


# Recording, while a page renders -----------------------------------------------


def start():
    """Begin recording for this request; returns what ``stop()`` needs."""
    return _recorded.set(set())


def stop(started):
    keys = _recorded.get()
    _recorded.reset(started)
    return keys or set()


def record(*keys):
    """The page being rendered shows what these keys name (no-op outside the page cache)."""
    keys_so_far = _recorded.get()
    if keys_so_far is not None:
        keys_so_far.update(keys)


def record_articles(articles):
    """The page shows these articles (teasers, feed items, search results)."""
    record(*(article(item.pk) for item in articles))


# Versions ---------------------------------------------------------------------


def _new_version(hard=False):
    return (HARD if hard else "") + uuid.uuid4().hex[:10]


def versions(keys, changes_seen):
    """``{key: version}`` now, for a page about to be stored; None if it must not be.

    ``changes_seen``: what ``CHANGES`` held before the page was rendered. If
    anything changed since, the page may show the old content under the new
    versions: it is not stored (the next request renders it again). Missing
    versions are made in one call.
    """
    names = {key: VERSION_PREFIX + key for key in keys}
    found = cache.get_many([CHANGES, *names.values()])
    if found.get(CHANGES) != changes_seen:
        return None
    missing = {name: _new_version() for name in names.values() if name not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return {key: found[name] for key, name in names.items()}


def version_keys(stored):
    """The cache keys of the versions a page was stored with (to fetch them in one call)."""
    return [VERSION_PREFIX + key for key in stored]


def freshness(stored, current):
    """``"fresh"``, ``"stale"`` (changed) or ``"gone"`` (changed by an unpublication).

    ``stored``: the ``{key: version}`` a page was stored with; ``current``:
    what the cache holds now under ``version_keys(stored)``.
    """
    state = "fresh"
    for key, version in stored.items():
        now = current.get(VERSION_PREFIX + key)
        if now != version:
            if now is None or now.startswith(HARD):
                return "gone"
            state = "stale"
    return state


def changed(*keys, hard=False):
    """These keys' pages are stale: new versions now, again after the commit, then purge.

    Inside a transaction the versions are renewed now (pages stop being
    served) and again after the commit, because a reader may have stored a
    page with the old content in between. The purge endpoint hears of them
    after the commit, from a background thread (pagecache/purge.py).
    """
    keys = set(keys)
    if not keys:
        return
    _renew(keys, hard)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: (_renew(keys, hard), purge.send(keys)))
    else:
        purge.send(keys)


def _renew(keys, hard):
    renewed = {VERSION_PREFIX + key: _new_version(hard) for key in keys}
    renewed[CHANGES] = _new_version()
    cache.set_many(renewed, timeout=None)
