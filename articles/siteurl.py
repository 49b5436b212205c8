"""The site's absolute address, for links that leave the page: canonical and
Open Graph links, share links, feeds, sitemaps, robots.txt.

In production ``SITE_URL`` decides (``check --deploy`` insists on an https
one): every absolute link names the public host, whatever ``Host`` a request
came with. In development (``DEBUG``) with ``SITE_URL`` unset, links follow
the address the site is actually served on, the request's own scheme and
host (``request.build_absolute_uri``): ``make run PORT=8123``, or a phone on
the local network, gets share links and feeds that work.

The page cache keeps pages per host (``pagecache.page_key`` hashes the host
with the path), so a page rendered for one address is never served to
another with that address's links.
"""

import contextvars

from django.conf import settings

_request = contextvars.ContextVar("siteurl_request", default=None)


def follows_request():
    """Do absolute links follow the request's host? Only in development, SITE_URL unset."""
    return settings.DEBUG and getattr(settings, "SITE_URL_FROM_REQUEST", False)


def origin():
    """``https://news.example.kz``: scheme and host, no trailing slash."""
    request = _request.get()
    if request is not None and follows_request():
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL


def absolute(path):
    """A site path (``/kk/…``) as an absolute URL; an absolute URL stays as it is."""
    if not path:
        return origin() + "/"
    if str(path).startswith(("http://", "https://")):
        return str(path)
    return origin() + str(path)


class SiteURLMiddleware:
    """Makes the request's address known to ``origin()`` while the request is handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
