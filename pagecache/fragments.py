"""Pieces of reader pages that outlive one page: "most read", the rubric menu, the frame.

- **"Most read"** (the sidebar) is the same on every page of a language and
  changes with every flush of view counts. A page served through the page
  cache holds a marker where it goes; the page cache (pagecache/middleware.py)
  puts the current sidebar in each time it serves the page, whether it was
  rendered just now or ten minutes ago. So the sidebar follows the counts
  within ``MOST_READ_SECONDS`` and no page is ever emptied for it. It is
  built again when view counts are flushed or a published article changes
  (``forget_most_read()``), by one request at a time: the others get the
  previous sidebar for that moment.
- **Related articles** of an article page are put in the same way, from a
  block kept per article and language for ``RELATED_SECONDS``: a headline
  changed in a related article shows there within that time, and the pages
  showing it are not emptied for it. Unpublishing or deleting an article
  renews every related block at once (``forget_related()``), so no page
  links to a withdrawn article.
- **The rubric menu and the footer** (the page's frame, "chrome") are
  rendered once per version of the ``chrome`` key and language
  (articles/templatetags/reader.py, ``chrome``).

Only requests served through the page cache use them; an editor's page
builds everything fresh.
"""

import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from articles import related as related_articles
from articles.models import Article, Rubric
from viewcounts import ranking
from viewcounts.ranking import MOST_READ_GENERATION, forget_most_read

# The sidebar follows the view counts within this many seconds.
MOST_READ_SECONDS = 60
SIDEBAR_SIZE = 5
# Related articles follow headline changes within this many seconds.
RELATED_SECONDS = 300
RELATED_SIZE = 4
RELATED_GENERATION = "fragment:related:generation"
# Where a cached page gets its sidebar and its related articles.
MARKER = b"<!--pagecache:most-read-->"
_MARKERS = re.compile(rb"<!--pagecache:(most-read|related-(\d+))-->")


def _now():
    return time.time()


def served_by_page_cache(request):
    """True for anonymous readers' requests, whose pages the page cache keeps."""
    return getattr(request, "page_cache_served", False)


# "Most read" --------------------------------------------------------------------


def build_most_read(language):
    """Most read in 24 hours and in 7 days; of all time when nobody read anything."""
    periods = ranking.most_read(Article.objects.in_language(language), (1, 7), count=SIDEBAR_SIZE)
    most_read = {"day": periods[1], "week": periods[7], "all_time": []}
    if not most_read["day"] and not most_read["week"]:
        most_read["all_time"] = list(
            Article.objects.published()
            .in_language(language)
            .select_related("rubric")
            .order_by("-views", "-published_at")[:SIDEBAR_SIZE]
        )
    return most_read


class _Spliced:
    """What a cached page's template gets instead of a block: the marker to fill."""

    spliced = True

    def __init__(self, marker):
        self.marker = mark_safe(marker.decode())  # noqa: S308 - our own constant


def most_read(request, language):
    """The sidebar's articles for an editor; for readers, the marker the page cache fills."""
    if served_by_page_cache(request):
        return _Spliced(MARKER)
    return build_most_read(language)


def _sidebar_key(language):
    return f"fragment:most-read:{language}"


def sidebar_keys(language):
    """What ``splice()`` needs for every page: fetched by the page cache with the page."""
    return [_sidebar_key(language), MOST_READ_GENERATION, RELATED_GENERATION]


def keys_in(content, language):
    """The cache keys of the related blocks ``content`` has markers for (stored with the page)."""
    return [_related_key(language, int(pk)) for _name, pk in _MARKERS.findall(content) if pk]


def splice(content, language, found):
    """``content`` with the current blocks in place of their markers.

    ``found``: what the page cache fetched of ``sidebar_keys()`` and ``keys_in()``.
    """
    if b"<!--pagecache:" not in content:
        return content

    def block(match):
        if match.group(2) is None:
            return _sidebar(language, found).encode()
        return _related(language, int(match.group(2)), found).encode()

    return _MARKERS.sub(block, content)


def _sidebar(language, found):
    key = _sidebar_key(language)
    generation = found.get(MOST_READ_GENERATION) or forget_most_read()
    entry = found.get(key)
    if entry is not None:
        built_for, built_at, html = entry
        if built_for == generation and _now() - built_at < MOST_READ_SECONDS:
            return html
        # One request builds it again; the others show the previous one meanwhile.
        if not cache.add(f"{key}:building", 1, timeout=10):
            return html
    try:
        with translation.override(language):
            html = render_to_string(
                "articles/includes/sidebar.html", {"most_read": build_most_read(language)}
            )
        cache.set(key, (generation, _now(), html), timeout=None)
    finally:
        if entry is not None:
            cache.delete(f"{key}:building")
    return html


# Related articles ---------------------------------------------------------------------


def forget_related():
    """Build every related block again before it is shown (an article was withdrawn)."""
    cache.set(RELATED_GENERATION, uuid.uuid4().hex[:8], timeout=None)


def _related_key(language, pk):
    return f"fragment:related:{language}:{pk}"


def _render_related(language, articles):
    with translation.override(language):
        return render_to_string("articles/includes/related.html", {"related": articles})


def related(request, article, language):
    """Related articles for an editor; for readers, the marker the page cache fills.

    A page being rendered has the article at hand: its block is built now.
    """
    articles = related_articles.for_page(article, language, RELATED_SIZE)
    if not served_by_page_cache(request):
        return articles
    found = getattr(request, "page_cache_found", {})
    generation = found.get(RELATED_GENERATION) or ""
    html = _render_related(language, articles)
    key = _related_key(language, article.pk)
    cache.set(key, (generation, _now(), html), timeout=settings.PAGE_CACHE_SECONDS)
    found[key] = (generation, _now(), html)
    return _Spliced(f"<!--pagecache:related-{article.pk}-->".encode())


def _related(language, pk, found):
    key = _related_key(language, pk)
    generation = found.get(RELATED_GENERATION) or ""
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        _built_for, built_at, html = entry
        if _now() - built_at < RELATED_SECONDS:
            return html
        # Out of date only by time: one request builds it again, the others
        # show the previous one meanwhile.
        if not cache.add(f"{key}:building", 1, timeout=10):
            return html
    article = (
        Article.objects.filter(pk=pk)
        .only("id", "related_ids", "status", "published_at", "rubric_id")
        .first()
    )
    articles = related_articles.for_page(article, language, RELATED_SIZE) if article else []
    html = _render_related(language, articles)
    cache.set(key, (generation, _now(), html), timeout=settings.PAGE_CACHE_SECONDS)
    cache.delete(f"{key}:building")
    return html


# The frame --------------------------------------------------------------------------


def _chrome_version(request):
    """The ``chrome`` key's version the page cache read for this request (None: unknown)."""
    return getattr(request, "page_cache_chrome", None) if served_by_page_cache(request) else None


def rubric_menu(request):
    """The rubrics in menu order (both languages' names): shared by every page."""
    version = _chrome_version(request)
    if version is None:
        return list(Rubric.objects.order_by("position", "id"))
    key = f"fragment:rubrics:{version}"
    rubrics = cache.get(key)
    if rubrics is None:
        rubrics = list(Rubric.objects.order_by("position", "id"))
        cache.set(key, rubrics, timeout=settings.PAGE_CACHE_SECONDS)
    return rubrics


def chrome(request, name, render):
    """The frame's piece ``name`` (language and variant included), as ``render()`` makes it.

    For readers, rendered once per version of the ``chrome`` key.
    """
    version = _chrome_version(request)
    if version is None:
        return render()
    key = f"fragment:chrome:{name}:{version}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout=settings.PAGE_CACHE_SECONDS)
    return html
