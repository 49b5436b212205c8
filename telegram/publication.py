"""When a language of an article counts as published, and which publications go to a channel.

``is_public`` is the one place that says whether readers can read an
article in a language now; ``publication_time`` says since when. Change
them here when the Kazakh version gets a publication of its own.

A channel gets only what is published while it is connected, never the
archive: a publication made now whose time is more than ``BACKDATED``
before now (an import, a story back-dated by hand) posts nothing, nor does
anything inside ``quiet()`` (the demo loader, an archive import).
"""

import contextlib
import threading
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

BACKDATED = timedelta(hours=1)

_quiet = threading.local()


def channel(language):
    """The language's channel ("@name" or an id); "" when it is not connected."""
    if not settings.TELEGRAM_BOT_TOKEN:
        return ""
    return getattr(settings, f"TELEGRAM_CHANNEL_{language.upper()}", "") or ""


def enabled():
    return any(channel(code) for code, _name in settings.LANGUAGES)


def exists_in(article, language):
    return bool(getattr(article, f"in_{language}", False))


def is_public(article, language):
    """Readers can read ``article`` in ``language`` now."""
    return exists_in(article, language) and article.is_published


def is_coming(article, language):
    """Public now, or scheduled to be: a post is due at ``publication_time``."""
    return (
        exists_in(article, language)
        and article.status == article.Status.PUBLISHED
        and article.published_at is not None
    )


def publication_time(article, language):
    return article.published_at


@contextlib.contextmanager
def quiet():
    """Publications inside post nothing: loading demo data, importing an archive."""
    depth = getattr(_quiet, "depth", 0)
    _quiet.depth = depth + 1
    try:
        yield
    finally:
        _quiet.depth = depth


def is_quiet():
    return getattr(_quiet, "depth", 0) > 0


def is_new_publication(article, language, connected_at, published_now):
    """Whether a language that becomes public (or scheduled) in this save goes to the channel.

    ``published_now``: the article itself was published or rescheduled in
    this save (else only this language appeared, on a published article).
    """
    when = publication_time(article, language)
    now = timezone.now()
    if published_now:
        return when >= now - BACKDATED
    # A translation added to a published article: posted, unless the
    # article is from before the channel was connected (the archive).
    return when >= connected_at - BACKDATED
