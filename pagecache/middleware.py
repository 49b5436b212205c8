"""Full-page cache for anonymous readers: a change empties only the pages that show it.

``PageCacheMiddleware`` keeps whole reader pages (home, rubrics, tags,
articles, feeds: every view of the ``articles`` URL namespace, plus the
sitemaps and robots.txt) in Django's
cache, one entry per language and full URL, and marks them
``Cache-Control: public`` so that a reverse proxy or a CDN may keep them too
for a short while (``PAGE_CACHE_MAX_AGE``).

Each page is stored with the keys of what it shows and their versions
(pagecache/dependencies.py): the articles, the rubric's or tag's newest
articles, tags, sources, the site's frame. A change renews the versions of
the keys it touches, so only the pages that show what changed are rendered
again; the keys also go out in ``Surrogate-Key`` and ``Cache-Tag`` headers
and to an optional purge endpoint (pagecache/purge.py) for a CDN or Varnish.
"Most read" is put into the page each time it is served
(pagecache/fragments.py), so no page is emptied for it.

The state (``pagecache:state``) holds the time of the next scheduled
publication: once it passes, the first request empties what that
publication changes, so a scheduled article goes live on every page without
anyone saving anything.

A request whose session belongs to a signed-in user of the admin (an editor)
is never served from or stored in the cache and gets ``Cache-Control:
private, no-cache``. A reader signed in to comment carries a session too, but
reader pages are the same for everyone (the comments come apart,
comments/blocks.py): they get the cached page, and a page rendered for them
is stored only if nothing in it read the session or a cookie (no ``Vary:
Cookie``).
The admin, previews, the view beacon and other technical URLs never are.

The local-memory cache (the embedded default) lives inside one process: run
a single process with it, or Redis (``REDIS_URL``) when there are several.
"""

import hashlib
import logging
import time
from datetime import UTC, datetime
from importlib import import_module
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from articles import reserved
from articles.models import Article, TaggedArticle
from pagecache import dependencies, fragments
from viewcounts.ranking import forget_most_read

logger = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
# Statuses worth keeping: pages, canonical-URL redirects and "not found".
# Redirects and 404s are kept briefly (a flood of random URLs must not
# crowd the real pages out).
STORED_STATUSES = {200: None, 301: 60, 404: 60}
# Headers that describe one response, not the page: never replayed.
_NOT_REPLAYED = {
    "set-cookie",
    "cache-control",
    "vary",
    "expires",
    "x-page-cache",
    "content-length",
}
_STRIPPED_VARY = {"accept-language", "cookie"}
# Reader pages: every view of these URL namespaces...
CACHED_NAMESPACES = {"articles", "search"}
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


# The state: when the next scheduled article goes live -----------------------


def _next_scheduled():
    """POSIX time of the next scheduled publication, or None."""
    when = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return when.timestamp() if when else None


def schedule_changed():
    """Note the next scheduled publication (an article was saved or deleted)."""
    state = {"next": _next_scheduled()}
    cache.set(STATE_KEY, state, timeout=None)
    return state


def content_changed(**_signal_kwargs):
    """Empty the whole page cache: every page stored so far is stale.

    For a bulk change that bypasses the models' signals (``QuerySet.update()``,
    ``bulk_create()``, an import): it cannot say what it touched. Saving and
    deleting through the models empties only what changed (pagecache/receivers.py).
    """
    dependencies.changed(dependencies.CHROME)
    fragments.forget_related()
    forget_most_read()
    schedule_changed()


def _went_live(since):
    """Scheduled articles published since ``since`` (POSIX time): empty what they change."""
    since = datetime.fromtimestamp(since, tz=UTC)
    for article in Article.objects.published().filter(published_at__gte=since):
        dependencies.changed(*publication_keys(article))
    forget_most_read()


def _current_state(found):
    """The state; when a scheduled time has passed, what went live is emptied first."""
    state = found.get(STATE_KEY)
    if state is None or "next" not in state:
        return schedule_changed()
    if state["next"] is not None and time.time() >= state["next"]:
        # A scheduled article has just gone live: one request empties its pages for everyone.
        if cache.add(f"pagecache:renew:{state['next']}", 1, timeout=60):
            _went_live(state["next"])
            return schedule_changed()
        # Another request is doing it this very moment: go on with the old
        # state for this request (milliseconds of staleness, no stampede).
    return state


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


def _language(request):
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_key(request):
    """One key per language and URL: host, path and the query string views read."""
    url = f"{request.get_host()}{request.path}?{_shared_query(request)}"
    digest = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"pagecache:page:{_language(request)}:{digest}"


def _admin_session(request):
    """Whether the request's session is a signed-in admin user's (one query, or one
    cache read, for a request with a session cookie; none without)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        return SESSION_KEY in store
    except Exception:  # a session store that cannot answer: fresh and private, to be safe
        logger.warning("Session store unavailable: serving a private page", exc_info=True)
        return True


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
        if (
            request.method not in ("GET", "HEAD")
            or request.path.startswith(self.skip_paths)
            or len(request.get_full_path()) > 1000
        ):
            return self._not_shared(self.get_response(request))
        if _admin_session(request):
            # A logged-in editor sees fresh pages that no shared cache may keep.
            # (Asked only here: the admin itself does not pay the session read twice.)
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            response.headers.setdefault("X-Page-Cache", "bypass")
            return response

        key = page_key(request)
        language = _language(request)
        chrome = dependencies.VERSION_PREFIX + dependencies.CHROME
        found = cache.get_many(
            [STATE_KEY, key, chrome, dependencies.CHANGES, *fragments.sidebar_keys(language)]
        )
        state = _current_state(found)
        # Pieces shared by many pages (pagecache/fragments.py) come from the
        # cache too, and "most read" is left for this middleware to put in.
        request.page_cache_served = True
        request.page_cache_chrome = found.get(chrome)
        request.page_cache_found = found
        entry = found.get(key)
        freshness = "missing"
        if entry is not None:
            _status, _headers, _content, versions, blocks = entry
            # One call: the versions the page was stored with, and its related block.
            found.update(cache.get_many(dependencies.version_keys(versions) + blocks))
            freshness = dependencies.freshness(versions, found)
        if freshness == "fresh":
            return self._replay(request, entry, state, "hit", found)
        if freshness != "stale":
            # Never stored, expired, or showing an article since unpublished:
            # nobody gets the old page, not even for an instant.
            return self._render(request, key, state, found)
        # The page changed. When news breaks, the pages that show it are
        # emptied at the moment traffic peaks: one request renders it again
        # while the others get the previous version for that short while.
        lock = f"{key}:rendering"
        if not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
            return self._replay(request, entry, state, "stale", found)
        try:
            return self._render(request, key, state, found)
        finally:
            cache.delete(lock)

    def _render(self, request, key, state, found):
        recording = dependencies.start()
        try:
            response = self.get_response(request)
        finally:
            recorded = dependencies.stop(recording)
        if self._storable(request, response):
            keys = sorted(self._keys(request, response, recorded))
            self._tag(response, keys)
            self._store(request, key, response, keys)
            self._mark_public(response, state)
            response.headers["X-Page-Cache"] = "miss"
            self._splice(request, response, found)
            return response
        self._splice(request, response, found)
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
        # (kept, it would make one entry per cookie string); a page that read
        # a reader's session is theirs alone.
        session = bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
        return vary <= (_STRIPPED_VARY - {"cookie"} if session else _STRIPPED_VARY)

    def _keys(self, request, response, recorded):
        """What the page depends on: what its view recorded, the frame, and by kind of page."""
        keys = set(recorded) | {dependencies.CHROME}
        if request.resolver_match.view_name in ("sitemap", "sitemap_section", "news_sitemap"):
            keys.add(dependencies.SITEMAPS)
        if response.status_code != 200:
            # "Not found" and redirects: until anything is published or unpublished.
            keys.add(dependencies.PUBLISHED)
        return keys

    def _tag(self, response, keys):
        """The page's keys for a CDN (Fastly: Surrogate-Key, Cloudflare: Cache-Tag) or Varnish."""
        response.headers["Surrogate-Key"] = " ".join(keys)
        response.headers["Cache-Tag"] = ",".join(keys)

    def _store(self, request, key, response, keys):
        versions = dependencies.versions(keys, request.page_cache_found.get(dependencies.CHANGES))
        if versions is None:
            return  # something changed while it rendered: the next request renders it
        ttl = STORED_STATUSES[response.status_code] or settings.PAGE_CACHE_SECONDS
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _NOT_REPLAYED
        )
        blocks = fragments.keys_in(response.content, _language(request))
        entry = (response.status_code, headers, response.content, versions, blocks)
        cache.set(key, entry, timeout=ttl)

    def _splice(self, request, response, found):
        """Put "most read" into the page (pagecache/fragments.py), just before it leaves."""
        if response.streaming or request.method == "HEAD":
            return
        content = fragments.splice(response.content, _language(request), found)
        if content is not response.content:
            response.content = content
            if response.has_header("Content-Length"):
                response.headers["Content-Length"] = str(len(content))

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

    def _replay(self, request, entry, state, how, found):
        status, headers, content, _versions, _blocks = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response.headers[name] = value
        # A stale page is shown for an instant, never kept by a proxy.
        self._mark_public(response, state, max_age=0 if how == "stale" else None)
        response.headers["X-Page-Cache"] = how
        self._splice(request, response, found)
        return response


# What a publication empties -----------------------------------------------------------


def publication_keys(article):
    """What an article's publication, unpublication or move empties."""
    tag_ids = TaggedArticle.objects.filter(content_object_id=article.pk).values_list(
        "tag_id", flat=True
    )
    return {
        dependencies.article(article.pk),
        dependencies.PUBLISHED,
        dependencies.SEARCH,
        dependencies.SITEMAPS,
        dependencies.rubric_list(article.rubric_id),
        *(dependencies.tag_list(pk) for pk in tag_ids),
    }
