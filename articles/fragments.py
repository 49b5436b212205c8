"""Pieces of reader pages that outlive one page: "most read", the rubric menu, related articles.

An uncached page spent most of its time on pieces that every page of a
language shares ("most read" and the rubric menu) or that every URL of one
article shares (related articles: its canonical URL, an old slug's redirect,
a page cache emptied by an edit elsewhere). They are
kept in the cache under the page cache's generation token (articles/pagecache.py):
any content change that empties the page cache renews the token, so these
pieces are rebuilt with it, on every server. "Most read" is also keyed by the
view-count generation, renewed by every flush of view counts.

Only requests served under a token (anonymous readers, through
``PageCacheMiddleware``) use them; an editor's page builds everything fresh.
"""

from django.conf import settings
from django.core.cache import cache

from . import pagecache
from .models import MOST_READ_GENERATION, Rubric, forget_most_read

# "Most read" follows the view counts: rebuilt at least this often.
MOST_READ_SECONDS = 60


def _cached(request, key, build, timeout=None):
    token = pagecache.generation(request)
    if token is None:
        return build()
    key = f"fragment:{token}:{key}"
    value = cache.get(key)
    if value is None:
        value = build()
        if timeout is None:
            timeout = settings.PAGE_CACHE_SECONDS
        cache.set(key, value, timeout=timeout)
    return value


def most_read(request, language, build):
    """The "most read" sidebar of ``language``: shared by every page."""
    generation = cache.get(MOST_READ_GENERATION) or forget_most_read()
    return _cached(request, f"mostread:{language}:{generation}", build, timeout=MOST_READ_SECONDS)


def rubric_menu(request):
    """The rubrics in menu order (both languages' names): shared by every page."""
    return _cached(request, "rubrics", lambda: list(Rubric.objects.order_by("position", "id")))


def related(request, article, language, build):
    """Related articles of one article in ``language``: shared by every URL of it."""
    return _cached(request, f"related:{language}:{article.pk}", build)
