"""Bulk work on the content (an import): receivers that can wait do their work once.

Saving one article through the admin ranks its related articles and empties
the cached pages that show it, each in a receiver, on every save. An import
of thousands of articles would pay that work thousands of times, for pages
no reader sees before the import ends. Inside ``with bulk.saving():`` those
receivers step aside (``bulk.active()``); when the block ends, ``done`` is
sent once and each of them does its work for everything at once (the page
cache empties every page, related articles are ranked in one pass).

Only work that can be done later for everything is held back: sanitizing,
slugs, photo checks and renditions, translation bases still happen on each
save.
"""

import threading
from contextlib import contextmanager

from django.dispatch import Signal

# Sent once when bulk work ends (also when it stopped on an error: what was
# saved before the error is there).
done = Signal()

_state = threading.local()


def active():
    """Whether this thread is inside ``saving()``."""
    return getattr(_state, "active", False)


@contextmanager
def saving(sender=None, *, rolled_back=False):
    """Hold back the receivers that can wait; send ``done`` once at the end.

    ``rolled_back``: the work is undone when it ends (a dry run), so there is
    nothing to catch up on and ``done`` is not sent.
    """
    _state.active = True
    try:
        yield
    finally:
        _state.active = False
        if not rolled_back:
            done.send(sender=sender)
