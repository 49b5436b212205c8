"""Related articles: ids kept on the article, rows fetched fresh for each page.

Ranking related articles (same rubric or shared tags, most shared tags first,
from around the same time) took an uncached article page 8–11 ms, mostly
building and compiling the query. The ranking only changes when the article's
tags, rubric or publication change, so it is computed then and kept in
``Article.related_ids`` (``RELATED_CANDIDATES`` ids, best first, every
language). A page fetches those rows through ``published().in_language()``:
an article unpublished since, or missing in the page's language, drops out.

Publishing an article also recomputes the lists of the articles it relates
to (see ``refresh_with_neighbours``). Bulk imports
(``generate_articles``, ``restore``) leave ``related_ids`` empty: the page
computes them on first view, or ``manage.py related_articles`` does it for
all in one pass.
"""

import bisect
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from groundwork import saves

from . import bulk
from .models import RELATED_CANDIDATES, RELATED_WINDOW, Article, TaggedArticle


def _rank(pk, rubric_id, mine, rows, tags_of):
    """The ranking, the one place it is decided: other published articles from
    ``rows`` (``(pk, rubric_id, published_at)`` within the window) of the same
    rubric or sharing a tag, most shared tags first, then the newest; at most
    ``RELATED_CANDIDATES`` ids."""
    candidates = []
    for other, other_rubric, other_time in rows:
        if other == pk:
            continue
        shared = len(mine & tags_of[other]) if mine else 0
        if shared or other_rubric == rubric_id:
            candidates.append((shared, other_time, other))
    candidates.sort(reverse=True)
    return [other for _shared, _time, other in candidates[:RELATED_CANDIDATES]]


def ranked_ids(article):
    """``article``'s related ids, best first: two queries on indexes (the published
    articles of the window, their tags), ranked by ``_rank``."""
    when = article.published_at or timezone.now()
    around = (when - RELATED_WINDOW, when + RELATED_WINDOW)
    rows = list(
        Article.objects.published()
        .filter(published_at__range=around)
        .values_list("pk", "rubric_id", "published_at")
    )
    tags_of = defaultdict(set)
    pks = [row[0] for row in rows] + [article.pk]
    for article_id, tag_id in TaggedArticle.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag_id"
    ):
        tags_of[article_id].add(tag_id)
    return _rank(article.pk, article.rubric_id, tags_of.get(article.pk, set()), rows, tags_of)


def refresh(article):
    """Compute and store ``article``'s related ids (a draft keeps none)."""
    if bulk.active():
        return None  # ranked with all the others when the bulk work is done
    ids = ranked_ids(article) if article.status == Article.Status.PUBLISHED else None
    Article.objects.filter(pk=article.pk).update(related_ids=ids)
    article.related_ids = ids
    return ids


def refresh_with_neighbours(article):
    """``article``'s ids, then those of the articles it relates to.

    Being related is mutual (same rubric or a shared tag, within a week), so
    the articles a newly published one ranks are those whose lists it may
    join: yesterday's story then leads to today's follow-up. Their pages
    show it when next rendered (their cached pages are not emptied for it).
    """
    if bulk.active():
        return
    for pk in refresh(article) or ():
        neighbour = Article.objects.filter(pk=pk).first()
        if neighbour is not None:
            refresh(neighbour)


def refresh_soon(article):
    """``refresh_with_neighbours``, once per save: an admin save writes the
    article, then its tags (taggit signals removals and additions apart)."""
    if bulk.active():
        return  # ranked with all the others when the bulk work is done
    pk = article.pk
    saves.once(("related", pk), lambda: _refresh_fresh(pk))


def _refresh_fresh(pk):
    article = Article.objects.filter(pk=pk).first()
    if article is not None:
        refresh_with_neighbours(article)


def for_page(article, language, count):
    """Up to ``count`` related articles readable in ``language``, fetched fresh."""
    ids = article.related_ids
    if ids is None:
        ids = refresh(article)
    shown = []
    # The best few first: most are readable in the page's language; the
    # others (one more query) only when some were not, or were unpublished since.
    ids = ids or []
    for wanted in (ids[: 2 * count], ids[2 * count :]):
        if not wanted:
            break
        found = (
            Article.objects.published()
            .in_language(language)
            .filter(pk__in=wanted)
            .for_teaser()
            .order_by()
            .in_bulk()
        )
        shown += [found[pk] for pk in wanted if pk in found]
        if len(shown) >= count:
            break
    return shown[:count]


def refresh_all(only_missing=False, batch_size=2000):
    """Compute every published article's related ids in one pass.

    The same ranking as saving does (``_rank``), from three plain queries
    for all articles instead of two per article: 100 000 articles in a few
    minutes. Returns how many articles were updated.
    """
    rows = list(
        Article.objects.published()
        .order_by("published_at", "pk")
        .values_list("pk", "rubric_id", "published_at", "related_ids")
    )
    times = [row[2] for row in rows]
    tags_of = defaultdict(set)
    for article_id, tag_id in TaggedArticle.objects.values_list("content_object_id", "tag_id"):
        tags_of[article_id].add(tag_id)
    updates = {}
    for pk, rubric_id, published_at, stored in rows:
        if only_missing and stored is not None:
            continue
        low = bisect.bisect_left(times, published_at - RELATED_WINDOW)
        high = bisect.bisect_right(times, published_at + RELATED_WINDOW)
        window = [row[:3] for row in rows[low:high]]
        updates[pk] = _rank(pk, rubric_id, tags_of.get(pk, set()), window, tags_of)
    items = list(updates.items())
    for start in range(0, len(items), batch_size):
        with transaction.atomic():
            for pk, ids in items[start : start + batch_size]:
                Article.objects.filter(pk=pk).update(related_ids=ids)
    return len(items)
