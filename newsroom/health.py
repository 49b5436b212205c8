"""Is the service well? ``/healthz`` for a load balancer, and the 503 page.

``healthz`` answers JSON with the state of the database and the cache: 200
while the database answers (a site without its cache still serves readers),
503 when it does not, so a load balancer takes the server out of rotation.

``server_error`` is the project's ``handler500``: when the database is away
(refused, timed out, dropped), readers get a plain bilingual 503 page that
needs neither the database nor a context processor, and a ``Retry-After``;
Django reconnects on the next request by itself, so the site comes back when
the database does. Any other error gets the reader site's 500 page, which
does not touch the database either.
"""

import logging
import secrets
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import never_cache

from viewcounts import counters

log = logging.getLogger(__name__)

# Errors that mean "the database is not there", as opposed to a bug.
_DATABASE_AWAY = (OperationalError, InterfaceError)


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        log.warning("healthz: the database does not answer", exc_info=True)
        return False
    return True


def _cache_ok():
    # django-redis swallows errors (IGNORE_EXCEPTIONS), so ask for a value
    # back rather than waiting for an exception.
    key = "healthz:probe"
    token = secrets.token_hex(8)
    try:
        cache.set(key, token, 30)
        return cache.get(key) == token
    except Exception:  # any cache backend's own error
        log.warning("healthz: the cache does not answer", exc_info=True)
        return False


@never_cache
def healthz(request):
    state = {
        "database": "ok" if _database_ok() else "error",
        "cache": "ok" if _cache_ok() else "error",
        # View counts kept aside (or lost) while the cache was away.
        **counters.health(),
    }
    status = 200 if state["database"] == "ok" else 503
    return JsonResponse(state, status=status)


def unavailable(request=None):
    """The plain 503 page, in the request's language first, then the other."""
    path = request.path_info if request is not None else "/"
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    languages = [language] + [code for code, _name in settings.LANGUAGES if code != language]
    # No request and no context processor: nothing here may touch the database.
    html = render_to_string("503.html", {"languages": languages, "language": language})
    response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: the 503 page when the database is away, else the 500 page."""
    error = sys.exc_info()[1]
    while error is not None:
        if isinstance(error, _DATABASE_AWAY):
            log.error("The database is unavailable: answering 503")
            return unavailable(request)
        error = error.__cause__ or error.__context__
    return _server_error_page(request)


def _server_error_page(request):
    """The 500 page in the language of the URL, without touching the database."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(
            "500.html",
            {
                "LANGUAGE_CODE": language,
                "site_names": settings.NEWSROOM_SITE_NAME,
                "site_age_mark": settings.NEWSROOM_AGE_MARK,
                "home_url": reverse("articles:home"),
            },
        )
    return HttpResponseServerError(body)
