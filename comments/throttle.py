"""Per-number, per-account and per-address limits on sending codes and posting comments.

Fixed one-hour windows counted in Django's cache (Redis in production, so
every web process shares them). A limit reached answers 429 in the reader's
language; the same answer whether or not a number has an account.

The limits fail closed: when the cache cannot count (Redis stopped, or
hanging and skipped by the circuit breaker, newsroom/redisguard.py), nothing
is let through. An outage must not be a window for SMS pumping, which the
newsroom pays for; readers get the same 429 as at a limit and try again.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600


def _key(kind, who):
    digest = hashlib.blake2b(str(who).encode(), digest_size=12).hexdigest()
    window = int(time.time() // WINDOW_SECONDS)
    return f"comments:limit:{kind}:{digest}:{window}"


def _count(key):
    """One more in ``key``'s window; None when the cache cannot count just now."""
    for _attempt in range(2):
        cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
        try:
            # None: the cache is away (django-redis with IGNORE_EXCEPTIONS).
            return cache.incr(key)
        except ValueError:
            # Gone between add() and incr() (evicted, or the cache is away and
            # add() did nothing): add it again, once.
            continue
    return None


def hit(kind, who, limit):
    """Count one more ``kind`` for ``who``; False when that goes over ``limit`` an hour.

    Also False when it cannot be counted: a limit that cannot be checked is
    not let through.
    """
    count = _count(_key(kind, who))
    if count is None:
        logger.warning("Readers' limits cannot be counted (cache unavailable): %s refused.", kind)
        return False
    return count <= limit


def allow_code(phone, address):
    """May a code be sent to ``phone`` from ``address`` now? Both are counted."""
    by_address = hit("code-address", address, settings.READER_CODES_PER_ADDRESS_HOUR)
    by_phone = hit("code-phone", phone, settings.READER_CODES_PER_PHONE_HOUR)
    return by_address and by_phone


def allow_code_check(address):
    """Guessing codes for many numbers from one address is slowed down too."""
    return hit("check-address", address, settings.READER_CODES_PER_ADDRESS_HOUR * 5)


def allow_comment(reader, address):
    by_address = hit("comment-address", address, settings.COMMENTS_PER_ADDRESS_HOUR)
    by_reader = hit("comment-reader", reader.pk, settings.COMMENTS_PER_READER_HOUR)
    return by_address and by_reader
