"""Per-number, per-account and per-address limits on sending codes and posting comments.

Fixed one-hour windows counted in Django's cache (Redis in production, so
every web process shares them). A limit reached answers 429 in the reader's
language; the same answer whether or not a number has an account.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _key(kind, who):
    digest = hashlib.blake2b(str(who).encode(), digest_size=12).hexdigest()
    window = int(time.time() // WINDOW_SECONDS)
    return f"comments:limit:{kind}:{digest}:{window}"


def hit(kind, who, limit):
    """Count one more ``kind`` for ``who``; False when that goes over ``limit`` an hour."""
    key = _key(kind, who)
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:
        # Evicted between add() and incr(): let it through.
        return True
    # None: Redis is away (IGNORE_EXCEPTIONS). Readers keep commenting, unlimited
    # for that moment, rather than getting an error.
    return count is None or count <= limit


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
