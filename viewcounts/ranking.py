"""Most read: the articles with the most views in the last 24 hours and 7 days."""

import uuid
from datetime import timedelta

from django.core.cache import cache
from django.db import models
from django.utils import timezone

from .models import ArticleViewDay

# "Most read" ranks at most this many articles (a sidebar shows a handful).
MOST_READ_CANDIDATES = 300
# "Most read" rankings are cached until view counts are flushed or content
# changes (see forget_most_read()).
MOST_READ_GENERATION = "mostread:generation"


def forget_most_read():
    """Make every cached "most read" ranking stale (new counts, or content changed)."""
    generation = uuid.uuid4().hex[:8]
    cache.set(MOST_READ_GENERATION, generation, timeout=None)
    return generation


class _ViewWindow:
    """The last ``days`` × 24 hours over per-day view rows.

    The window's oldest local day counts in proportion to the part of it
    still inside the window (in per mille, ``share``).
    """

    def __init__(self, days):
        now = timezone.localtime()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.oldest = now.date() - timedelta(days=days)
        self.share = 1000 - int((now - midnight).total_seconds() * 1000 / 86400)
        # A closed range (not just "since") leads SQLite to the day index.
        self.days = (self.oldest, now.date())

    def views(self):
        """The window's views of an article, as an aggregate over its day rows."""
        views = models.F("views")
        weighted = models.Case(
            models.When(day__lt=self.oldest, then=models.Value(0)),
            models.When(day=self.oldest, then=views * self.share),
            default=views * 1000,
        )
        return models.Sum(weighted) / 1000


def _most_read_ranking(periods):
    """``{days: [(article id, views), …]}``, best first, the top candidates of each period.

    One aggregate over the longest period's view rows gives every period's
    sum; kept in the cache until view counts are flushed or content changes.
    """
    windows = {days: _ViewWindow(days) for days in periods}
    longest = windows[max(periods)]
    generation = cache.get(MOST_READ_GENERATION) or forget_most_read()
    key = f"mostread:{generation}:{'-'.join(map(str, periods))}:{longest.share // 10}"
    ranking = cache.get(key)
    if ranking is None:
        rows = list(
            ArticleViewDay.objects.filter(day__range=longest.days)
            .values("article_id")
            .annotate(**{f"views_{days}": window.views() for days, window in windows.items()})
            .values_list("article_id", *(f"views_{days}" for days in periods))
        )
        ranking = {}
        for index, days in enumerate(periods, start=1):
            ranked = sorted(
                ((row[0], row[index]) for row in rows if row[index] and row[index] > 0),
                key=lambda pair: pair[1],
                reverse=True,
            )
            ranking[days] = ranked[:MOST_READ_CANDIDATES]
        cache.set(key, ranking, timeout=60)
    return ranking


def most_read(articles, periods=(1, 7), count=5):
    """``{days: [article, …]}``: the ``count`` most read of each period, best first.

    What the sidebar shows ("24 hours", "7 days"): one ranking query for
    all periods and one query for the articles, whatever the number of
    periods. The ``articles`` queryset's filters (the language) and ``published()``
    apply to the candidates.

    Views are kept per local day, so the window's oldest day counts in
    proportion to the part of it still inside the window: just after
    midnight "the last 24 hours" is mostly yesterday, not an empty today.
    The ranking starts from the few days' view rows (``view_day_idx``),
    never from the whole article table, and keeps the top
    ``MOST_READ_CANDIDATES`` of each period; it is kept in the cache until
    the next flush of view counts (at most a minute) or content change.
    """
    ranking = _most_read_ranking(tuple(periods))
    wanted = {pk for ranked in ranking.values() for pk, _views in ranked}
    found = articles.published().filter(pk__in=wanted).select_related("rubric").in_bulk()
    lists = {}
    for days, ranked in ranking.items():
        chosen = [(views, found[pk]) for pk, views in ranked if pk in found]
        chosen.sort(key=lambda pair: (pair[0], pair[1].published_at), reverse=True)
        lists[days] = [article for _views, article in chosen[:count]]
    return lists
