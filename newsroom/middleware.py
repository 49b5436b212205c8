"""Request guards: bad input, the admin's CSP nonce.

- ``RejectBadInputMiddleware`` answers 400 to NUL bytes in the path, query
  string or a header, broken UTF-8 in the query string and more query fields than
  ``DATA_UPLOAD_MAX_NUMBER_FIELDS``, before any view (or PostgreSQL, which
  refuses NUL in text) sees them, and drops a cookie that smuggles in a NUL.
- The client's address is defined once, in groundwork/requests.py
  (``client_ip``); django-axes counts login failures per client with it.
- ``AdminMediaNonceMiddleware`` gives the admin's form media the request's
  CSP nonce, so the prose editor's inline import map runs under a policy
  without 'unsafe-inline'.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest
from js_asset import Media

from groundwork.requests import admin_path

# What a browser or a crawler never sends; seeing one means a probe.
_NUL_SPELLINGS = ("\x00", "%00")


def _is_utf8(raw):
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _too_many_fields(query):
    # Django refuses these only when a view reads request.GET; refuse them
    # for every page, so the answer does not depend on the view.
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return limit is not None and query.count("&") >= limit


def _bad_request():
    return HttpResponseBadRequest(b"Bad request.", content_type="text/plain; charset=utf-8")


class RejectBadInputMiddleware:
    """400 for NUL bytes (path, query, headers), invalid UTF-8 or too many query fields."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Django already re-percent-encodes broken UTF-8 in the path (it then
        # matches no URL: 404), but lets NUL through, and decodes the query
        # string with replacement characters.
        query = request.META.get("QUERY_STRING", "")
        if (
            "\x00" in request.path_info
            or any(nul in query.lower() for nul in _NUL_SPELLINGS)
            or not _is_utf8(unquote_to_bytes(query.encode("latin-1", "replace")))
            or _too_many_fields(query)
            or any(
                "\x00" in value for key, value in request.META.items() if key.startswith("HTTP_")
            )
        ):
            return _bad_request()
        # A cookie can smuggle NUL in as an octal escape ("\\000"); PostgreSQL
        # refuses it in a session lookup. No cookie of ours has one: drop it.
        for name in [name for name, value in request.COOKIES.items() if "\x00" in name + value]:
            del request.COOKIES[name]
        return self.get_response(request)

    def process_exception(self, request, exception):
        # A number too big for a date or a C integer, straight from the query
        # string: Django's admin date drill-down (``?published_at__year=99999999999``)
        # catches ValueError but not OverflowError.
        if isinstance(exception, OverflowError):
            return _bad_request()
        return None


class AdminMediaNonceMiddleware:
    """Put the request's CSP nonce on the admin's rendered form media.

    Django 5.2's admin renders ``{{ media }}`` without a nonce; the prose
    editor's media (django-js-asset) carries an inline import map that a
    strict script-src blocks unless it has one. Reader pages never take this
    path, so their CSP header stays free of a per-request nonce and cached
    copies stay valid.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = getattr(response, "context_data", None)
        nonce = getattr(request, "csp_nonce", None)
        if not context or nonce is None or not admin_path(request):
            return response
        for key in ("media", "inline_admin_formsets_media"):
            media = context.get(key)
            if media is not None and getattr(media, "_importmap", None) is not None:
                context[key] = Media.from_media(media, nonce=str(nonce))
        return response
