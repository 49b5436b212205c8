"""Pieces of reader pages that outlive one page: "most read", the rubric menu, the frame.

- **"Most read"** (the sidebar) is the same on every page of a language and
  changes with every flush of view counts. A page served through the page
  cache holds a marker where it goes; the page cache (articles/pagecache.py)
  puts the current sidebar in each time it serves the page, whether it was
  rendered just now or ten minutes ago. So the sidebar follows the counts
  within ``MOST_READ_SECONDS`` and no page is ever emptied for it. It is
  built again when view counts are flushed or a published article changes
  (``forget_most_read()``), by one request at a time: the others get the
  previous sidebar for that moment.
- **The rubric menu and the footer** (the page's frame, "chrome") are
  rendered once per version of the ``chrome`` key and language
  (articles/templatetags/reader.py, ``chrome``).

Only requests served through the page cache use them; an editor's page
builds everything fresh.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from .models import MOST_READ_GENERATION, Article, Rubric, forget_most_read

# The sidebar follows the view counts within this many seconds.
MOST_READ_SECONDS = 60
SIDEBAR_SIZE = 5
# Where a cached page gets its sidebar.
MARKER = b"<!--pagecache:most-read-->"


def served_by_page_cache(request):
    """True for anonymous readers' requests, whose pages the page cache keeps."""
    return getattr(request, "page_cache_served", False)


# "Most read" --------------------------------------------------------------------


def build_most_read(language):
    """Most read in 24 hours and in 7 days; of all time when nobody read anything."""
    periods = Article.objects.in_language(language).most_read_by_period((1, 7), count=SIDEBAR_SIZE)
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
    """What a cached page's template gets instead of the sidebar's articles."""

    spliced = True
    marker = mark_safe(MARKER.decode())  # noqa: S308 - our own constant


def most_read(request, language):
    """The sidebar's articles for an editor; for readers, the marker the page cache fills."""
    if served_by_page_cache(request):
        return _Spliced()
    return build_most_read(language)


def _sidebar_key(language):
    return f"fragment:most-read:{language}"


def sidebar_keys(language):
    """What ``splice()`` reads, for the page cache to fetch with the page itself."""
    return [_sidebar_key(language), MOST_READ_GENERATION]


def splice(content, language, found):
    """``content`` with the current sidebar of ``language`` in place of the marker.

    ``found``: what the page cache already fetched of ``sidebar_keys()``.
    """
    if MARKER not in content:
        return content
    return content.replace(MARKER, _sidebar(language, found).encode())


def _sidebar(language, found):
    key = _sidebar_key(language)
    generation = found.get(MOST_READ_GENERATION) or forget_most_read()
    entry = found.get(key)
    if entry is not None:
        built_for, built_at, html = entry
        if built_for == generation and time.time() - built_at < MOST_READ_SECONDS:
            return html
        # One request builds it again; the others show the previous one meanwhile.
        if not cache.add(f"{key}:building", 1, timeout=10):
            return html
    try:
        with translation.override(language):
            html = render_to_string(
                "articles/includes/sidebar.html", {"most_read": build_most_read(language)}
            )
        cache.set(key, (generation, time.time(), html), timeout=None)
    finally:
        if entry is not None:
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
