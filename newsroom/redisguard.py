"""A circuit breaker in front of Redis: after one failure, skip it in this process for a while.

A Redis that refuses connections fails in a millisecond, but one that hangs
(overloaded, or a half-open network) makes every call wait the whole socket
timeout; a page makes a dozen cache calls, so it waited seconds for each one.
With the breaker, the first call that times out (or cannot connect) opens
it, and for ``REDIS_BREAKER_SECONDS`` every call to that Redis in this
process fails at once with ``RedisSkipped``. Then one call tries Redis again
(the others still skip): if Redis answers, the breaker closes; if not, it
stays open for another pause.

It sits in the connection itself, so it covers every path to Redis: the cache
API (django-redis turns the error into a miss, ``IGNORE_EXCEPTIONS``) and the
raw clients of ``get_redis_connection``, locks and Lua scripts (the view
counter keeps its counts in the process when Redis fails). It is wired in by
``CONNECTION_POOL_CLASS`` in the cache's ``OPTIONS`` (newsroom/settings.py):
each pool, that is each Redis server, gets a breaker of its own.
"""

import logging
import threading
import time

from django.conf import settings
from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a Redis that is away or hanging raises from a connection.
_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class RedisSkipped(RedisConnectionError):
    """Raised instead of talking to a Redis that failed moments ago."""


class CircuitBreaker:
    """Closed: calls go through. Open: calls fail at once until the pause is over."""

    def __init__(self, name, seconds):
        self.name = name
        self.seconds = seconds
        self._lock = threading.Lock()
        self._open_until = 0.0  # 0: closed
        self._prober = None  # the thread trying Redis again after a pause

    @property
    def is_open(self):
        return self._open_until != 0.0

    def before(self):
        """Raise ``RedisSkipped`` while open; after the pause, let one thread try."""
        if not self._open_until:  # closed: the usual case, no lock
            return
        with self._lock:
            if not self._open_until or self._prober == threading.get_ident():
                return  # closed meanwhile, or this thread is trying (connect, then command)
            now = time.monotonic()
            if now < self._open_until:
                raise RedisSkipped(f"Redis at {self.name} skipped for a while after a failure")
            # This thread tries Redis; the others keep skipping while it does.
            self._open_until = now + self.seconds
            self._prober = threading.get_ident()

    def failed(self, error):
        with self._lock:
            was_closed = not self._open_until
            self._open_until = time.monotonic() + self.seconds
            self._prober = None
        if was_closed:
            logger.warning(
                "Redis at %s failed (%s): skipping it in this process for %s s.",
                self.name,
                error,
                self.seconds,
            )

    def succeeded(self):
        if not self._open_until:
            return
        with self._lock:
            self._open_until = 0.0
            self._prober = None
        logger.warning("Redis at %s answers again.", self.name)


class GuardedConnectionMixin:
    """A redis-py connection that asks its pool's breaker before each exchange."""

    breaker = None  # set on the subclass a GuardedConnectionPool makes

    def connect(self, *args, **kwargs):
        self.breaker.before()
        try:
            return super().connect(*args, **kwargs)
        except RedisSkipped:
            raise
        except _FAILURES as error:
            self.breaker.failed(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        self.breaker.before()
        try:
            return super().send_packed_command(*args, **kwargs)
        except RedisSkipped:
            raise
        except _FAILURES as error:
            self.breaker.failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except RedisSkipped:
            raise
        except _FAILURES as error:
            self.breaker.failed(error)
            raise
        except ResponseError:
            self.breaker.succeeded()  # an error reply is still an answer
            raise
        self.breaker.succeeded()
        return response


class GuardedConnectionPool(ConnectionPool):
    """redis-py's pool whose connections (plain, TLS or Unix socket) share one breaker."""

    def __init__(self, connection_class=None, **kwargs):
        base = connection_class or Connection
        host = kwargs.get("host") or kwargs.get("path") or "localhost"
        name = f"{host}:{kwargs.get('port', '')}/{kwargs.get('db', 0)}"
        self.breaker = CircuitBreaker(name, getattr(settings, "REDIS_BREAKER_SECONDS", 5))
        guarded = type(
            f"Guarded{base.__name__}",
            (GuardedConnectionMixin, base),
            {"breaker": self.breaker},
        )
        super().__init__(connection_class=guarded, **kwargs)


class DropSkipped(logging.Filter):
    """Keeps django-redis from logging a traceback for every call the breaker skips.

    The breaker logs once when it opens and once when Redis answers again;
    other ignored errors are still logged.
    """

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        while error is not None:
            if isinstance(error, RedisSkipped):
                return False
            error = error.__cause__ or error.__context__
        return True
