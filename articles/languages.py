"""The site's languages: Russian pages at ``/…``, Kazakh pages at ``/kk/…``.

``current()`` is the one answer to "which language is this page in": the
language LocaleMiddleware took from the URL, or the default language outside
a request (a command, the shell) or for a language the site does not have.
"""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def current():
    """The language of the page being served (``settings.LANGUAGE_CODE`` when in doubt)."""
    language = get_language()
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE
