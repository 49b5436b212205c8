"""Full-page cache for anonymous readers, emptied the moment content changes.

``PageCacheMiddleware`` keeps whole reader pages (home, rubrics, tags,
articles, feeds: every view of the ``articles`` URL namespace, plus the
sitemaps and robots.txt) in Django's
cache, one entry per language and full URL, and marks them
``Cache-Control: public`` so that a reverse proxy or a CDN may keep them too
for a short while (``PAGE_CACHE_MAX_AGE``).

Invalidation is one "generation" token in the cache (``pagecache:state``).
Every stored page carries the token it was rendered under; any change to an
article, photo, source, rubric or tag replaces the token, so every page stored
before is stale at once, whichever server stored it (with Redis). The state
also holds the time of the next scheduled publication: once it passes, the
first request renews the token, so a scheduled article goes live on every page
without anyone saving anything.

A request that carries a session cookie (a logged-in editor) is never served
from or stored in the cache and gets ``Cache-Control: private, no-cache``.
The admin, previews, the view beacon and other technical URLs never are.

The local-memory cache (the embedded default) lives inside one process: run
a single process with it, or Redis (``REDIS_URL``) when there are several.
"""

import hashlib
import logging
import time
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from . import reserved
from .models import Article, forget_most_read

logger = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
# Statuses worth keeping: pages, canonical-URL redirects and "not found".
# Redirects and 404s are kept briefly (a flood of random URLs must not
# crowd the real pages out).
STORED_STATUSES = {200: None, 301: 60, 404: 60}
# Headers that describe one response, not the page: never replayed.
_NOT_REPLAYED = {"set-cookie", "cache-control", "vary", "expires", "x-page-cache"}
_STRIPPED_VARY = {"accept-language", "cookie"}
# Reader pages: every view of these URL namespaces...
CACHED_NAMESPACES = {"articles"}
# ...and, outside them, what search engines read, as content-bound as a page...
CACHED_VIEWS = {"robots_txt", "sitemap", "sitemap_section", "news_sitemap"}
# ...but never a draft's preview (signed link, one editor's eyes).
NEVER_CACHED_VIEWS = {"articles:preview"}
# One request renders a changed page while the others get the old one; a
# render that died lets the next request try again after this long.
RENDER_LOCK_SECONDS = 10
# What social networks, ad networks and newsletters add to shared links. No
# view reads them, so they must not make a new page: a post shared on
# Facebook would otherwise bring every reader with a ``?fbclid=`` of their
# own, each one a page-cache miss, at the very moment traffic peaks.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "ysclid",
        "igshid",
        "_openstat",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
    }
)


# The generation state ----------------------------------------------------


def _next_scheduled():
    """POSIX time of the next scheduled publication, or None."""
    when = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return when.timestamp() if when else None


def _renew_state():
    state = {"token": uuid.uuid4().hex[:16], "next": _next_scheduled()}
    cache.set(STATE_KEY, state, timeout=None)
    forget_most_read()
    return state


def content_changed(**_signal_kwargs):
    """Empty the page cache: every page stored so far is stale.

    Connected to the content models' signals (articles/signals.py); call it after a bulk
    change that bypasses them (``QuerySet.update()``, ``bulk_create()``).
    Inside a transaction the token is renewed now (pages stop being served)
    and again after the commit, because a reader may have stored a page with
    the old content in between.
    """
    _renew_state()
    if connection.in_atomic_block:
        transaction.on_commit(_renew_state)


def _current_state(found):
    """The generation state, renewed when missing or when a scheduled time has passed."""
    state = found.get(STATE_KEY)
    if state is None:
        return _renew_state()
    if state["next"] is not None and time.time() >= state["next"]:
        # A scheduled article has just gone live: one request renews the
        # token for everyone.
        if cache.add(f"pagecache:renew:{state['next']}", 1, timeout=60):
            return _renew_state()
        # Another request is renewing it this very moment: go on with the
        # old one for this request (milliseconds of staleness, no stampede).
    return state


def generation(request):
    """The generation token an anonymous request is served under; None for editors."""
    return getattr(request, "page_cache_token", None)


# The middleware ------------------------------------------------------------


def _never_cached_paths():
    return (*reserved.NEVER_CACHED, settings.STATIC_URL, settings.MEDIA_URL)


def _shared_query(request):
    """The query string without tracking parameters (``utm_*``, ``fbclid``…), in a fixed order."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return ""
    kept = [
        (name, value)
        for name, value in parse_qsl(raw, keep_blank_values=True)
        if not name.startswith("utm_") and name not in TRACKING_PARAMETERS
    ]
    # Stable: repeated names keep their order, which QueryDict.get() depends on.
    return urlencode(sorted(kept, key=lambda pair: pair[0]))


def page_key(request):
    """One key per language and URL: host, path and the query string views read."""
    url = f"{request.get_host()}{request.path}?{_shared_query(request)}"
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    digest = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"pagecache:page:{language}:{digest}"


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD reader pages from the cache; store what is safe to share.

    Sits after SecurityMiddleware/WhiteNoise and before the session, locale,
    CSRF and auth middleware, so that it sees the ``Vary`` and ``Set-Cookie``
    headers they add, and so that a cache hit skips them.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_paths = _never_cached_paths()

    def __call__(self, request):
        if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            # A logged-in editor (or anyone with a session) sees fresh pages
            # that no shared cache may keep.
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            response.headers.setdefault("X-Page-Cache", "bypass")
            return response
        if (
            request.method not in ("GET", "HEAD")
            or request.path.startswith(self.skip_paths)
            or len(request.get_full_path()) > 1000
        ):
            return self._not_shared(self.get_response(request))

        key = page_key(request)
        found = cache.get_many([STATE_KEY, key])
        state = _current_state(found)
        # Pieces shared by many pages (articles/fragments.py) are cached
        # under the same token: what empties the pages empties them too.
        request.page_cache_token = state["token"]
        entry = found.get(key)
        if entry is not None and entry[0] == state["token"]:
            return self._replay(request, entry, state, "hit")
        if entry is None:
            return self._render(request, key, state)
        # The page changed. When news breaks, every page is emptied at the
        # moment traffic peaks: one request renders it again while the
        # others get the previous version for that short while.
        lock = f"{key}:rendering"
        if not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
            return self._replay(request, entry, state, "stale")
        try:
            return self._render(request, key, state)
        finally:
            cache.delete(lock)

    def _render(self, request, key, state):
        response = self.get_response(request)
        if self._storable(request, response):
            self._store(key, response, state)
            self._mark_public(response, state)
            response.headers["X-Page-Cache"] = "miss"
            return response
        return self._not_shared(response)

    # What may be shared

    def _storable(self, request, response):
        match = getattr(request, "resolver_match", None)
        if match is None or (
            match.namespace not in CACHED_NAMESPACES and match.view_name not in CACHED_VIEWS
        ):
            return False
        if match.view_name in NEVER_CACHED_VIEWS:
            return False
        if response.status_code not in STORED_STATUSES or response.streaming:
            return False
        if response.cookies:
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        # Only two may be dropped from Vary. Accept-Language: the URL decides
        # the language (LocaleMiddleware adds it to unprefixed pages anyway,
        # and a CDN would keep a copy per browser language). Cookie: a request
        # without a session cookie is anonymous whatever other cookies it has
        # (kept, it would make one entry per cookie string).
        return vary <= _STRIPPED_VARY

    def _store(self, key, response, state):
        ttl = STORED_STATUSES[response.status_code] or settings.PAGE_CACHE_SECONDS
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _NOT_REPLAYED
        )
        entry = (state["token"], response.status_code, headers, response.content)
        cache.set(key, entry, timeout=ttl)

    # Headers

    def _max_age(self, state):
        max_age = settings.PAGE_CACHE_MAX_AGE
        if state["next"] is not None:
            # A shared cache must not serve the page past a scheduled publication.
            max_age = max(0, min(max_age, int(state["next"] - time.time())))
        return max_age

    def _mark_public(self, response, state, max_age=None):
        max_age = self._max_age(state) if max_age is None else max_age
        response.headers.pop("Vary", None)
        response.headers["Cache-Control"] = f"public, max-age={max_age}, s-maxage={max_age}"

    def _not_shared(self, response):
        if "Cache-Control" not in response.headers:
            # Without it, a proxy configured with a default validity
            # (nginx proxy_cache_valid) would keep this response.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _replay(self, request, entry, state, how):
        _token, status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response.headers[name] = value
        # A stale page is shown for an instant, never kept by a proxy.
        self._mark_public(response, state, max_age=0 if how == "stale" else None)
        response.headers["X-Page-Cache"] = how
        return response
