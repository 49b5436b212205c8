"""The comments block under an article: cached per article and language, apart from pages.

The article page is the same for every reader and stays in the page cache;
its comments and their count come from a small endpoint (``comments:block``)
whose HTML is cached here. Approving, hiding or deleting one of an article's
comments empties that article's two blocks and nothing else: no page of the
page cache is touched.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

BLOCK_SECONDS = 24 * 60 * 60


def block_key(article_id, language):
    return f"comments:block:{article_id}:{language}"


def forget(article_ids):
    """Empty the blocks of these articles (now, and again after the commit)."""
    keys = [block_key(pk, code) for pk in set(article_ids) for code, _name in settings.LANGUAGES]
    if not keys:
        return
    cache.delete_many(keys)
    if connection.in_atomic_block:
        # A reader may store the old block between now and the commit.
        transaction.on_commit(lambda: cache.delete_many(keys))


def cached_block(article_id, language, render):
    html = cache.get(block_key(article_id, language))
    if html is None:
        html = render()
        cache.set(block_key(article_id, language), html, timeout=BLOCK_SECONDS)
    return html
