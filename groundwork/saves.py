"""Work that one save asks for several times, done once at its end.

An editor's save in the admin writes the article, then each inline (photos,
sources) and its tags: receivers of each of those writes may ask for the
same follow-up work (rank the related articles again, note the Russian text
a translation was made from). Inside ``one_save()`` such work is collected
by key and done once, after every write of the save, with what they wrote;
outside it (the shell, a command) it is done at once.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_pending = ContextVar("groundwork_pending_work", default=None)


@contextmanager
def one_save():
    """Around one save made of several writes (the admin's change form)."""
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for work in pending.values():
        work()


def once(key, work):
    """Do ``work()`` now, or once at the end of the save in progress (the last asked wins)."""
    pending = _pending.get()
    if pending is None:
        work()
    else:
        pending[key] = work
