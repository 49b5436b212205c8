"""View counting that works behind the page cache.

The article page loads ``static/js/beacon.js``, which POSTs to
``/_/views/<id>/`` (url name ``beacon``) once the page is shown. The beacon:

- drops bots, recognised by their user agent (``BOT_PATTERN``), and requests
  without one;
- counts a reader once per article within ``VIEW_DEDUPE_SECONDS`` (a hash of
  client address — ``newsroom.middleware.client_ip``, which trusts
  X-Forwarded-For only behind ``TRUSTED_PROXY_COUNT`` proxies — user agent
  and article id, kept in the cache);
- adds one to a pending counter per article and day (Asia/Aqtau): with Redis
  one atomic script (``SET NX`` + ``HINCRBY``), so no database query on the
  hot path; otherwise a counter inside this process;
- answers the article's current count, ``{"views": n, "text": "n просмотров"}``
  (views in the database plus those pending), so that ``beacon.js`` can put
  it on a page the page cache kept with an older number. The database's part
  comes from the cache (``views:known:<id>``), where every flush puts the
  numbers it wrote: the beacon never asks the database. Until an article's
  first flush (a few seconds), and while Redis fails, ``views`` is null and
  the page keeps its number.

``flush()`` moves pending counts into ``Article.views`` and ``ArticleViewDay``
in one transaction with ``F()`` arithmetic; run it from cron with
``manage.py flush_views``. Web processes also flush by themselves every
``VIEW_AUTOFLUSH_SECONDS``, so with the embedded default (local-memory cache)
counts reach the database without any extra process.

No count is lost or counted twice under concurrency: Redis increments are
atomic, and a flush renames the pending hash away before reading it, so
beacons arriving during a flush land in a fresh hash for the next one. If the
database write fails, the renamed hash stays and the next flush applies it.
The renamed hash carries a batch id that the database transaction records
(``ViewFlush``): a flush that dies after committing but before deleting the
hash leaves it behind, and the next flush sees the batch was written and only
deletes it. If Redis is down, beacons count into the process (logged), never
a 500.
"""

import hashlib
import json
import logging
import re
import threading
import time
import uuid
from collections import Counter, OrderedDict, defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import formats, timezone, translation
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_redis import get_redis_connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from articles.models import Article
from groundwork.requests import client_ip

from .models import ViewFlush
from .ranking import forget_most_read

logger = logging.getLogger(__name__)

# Crawlers, link previewers and scripted clients. A browser's user agent
# contains none of these words.
BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrape|preview|fetch|monitor|headless|lighthouse"
    r"|facebookexternalhit|whatsapp|telegram|vkshare|yandex|mediapartners"
    r"|^curl|^wget|python-|^python|go-http|java/|okhttp|libwww|httpclient|axios|node-fetch",
    re.IGNORECASE,
)

PENDING = "views:pending"
FLUSHING = "views:flushing"
# In the flushing hash beside the "<article id>:<day>" fields.
BATCH_FIELD = "batch"
FLUSH_RECORDS_KEPT = timedelta(days=7)
FLUSH_LOCK = "views:flush-lock"
AUTOFLUSH = "views:autoflush"
# An article's views in the database, as the last flush left them.
KNOWN = "views:known:{pk}"
KNOWN_SECONDS = 7 * 24 * 60 * 60

# Counts the beacon could not give to Redis wait here; so do all counts when
# the cache is not Redis (the local-memory cache is per process anyway).
_buffer = Counter()
# Readers seen lately, oldest first (without Redis): bounded memory.
_seen = OrderedDict()
SEEN_MAX = 200_000
_buffer_lock = threading.Lock()
_autoflush_lock = threading.Lock()
_last_autoflush = time.monotonic()
_redis_failures = 0

# One round trip: count unless this reader was seen, say whether it is time
# for an automatic flush, and return what the count is made of: pending
# today (also in a flush under way) and the database's part, if known.
_COUNT_SCRIPT = """
local result = 0
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  result = 1
  if tonumber(ARGV[3]) > 0 and redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[3]) then
    result = 2
  end
end
local pending = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
  + tonumber(redis.call('HGET', KEYS[4], ARGV[2]) or '0')
return {result, pending, redis.call('GET', KEYS[5])}
"""
_script = None


def _redis():
    """The raw Redis client behind the default cache, or None when the cache is not Redis."""
    if not uses_redis():
        return None
    return get_redis_connection("default")


def uses_redis():
    return settings.CACHES["default"]["BACKEND"].startswith("django_redis.")


def is_bot(user_agent):
    return not user_agent or BOT_PATTERN.search(user_agent) is not None


def _reader_key(request, pk, user_agent):
    raw = f"{client_ip(request)}\0{user_agent}\0{pk}".encode()
    return "views:seen:" + hashlib.blake2b(raw, digest_size=12).hexdigest()


def views_text(count):
    """A view count in words ("12 просмотров") in the active language, as the page has it."""
    # The same catalog entry and number format as the {% blocktranslate count %}
    # in templates/articles/includes/meta.html.
    # Digit groups held by a no-break space ("15 970"), as the `grouped` filter.
    return ngettext("%(views)s view", "%(views)s views", count) % {
        "views": formats.number_format(count, force_grouping=True)
    }


@csrf_exempt
@require_POST
def beacon(request, pk):
    """Count one view of article ``pk`` and answer its current count (204 for bots)."""
    pk = int(pk)
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if is_bot(user_agent):
        response = HttpResponse(status=204)
    else:
        views = count_view(pk, _reader_key(request, pk, user_agent))
        answer = {"views": views, "text": None}
        if views is not None:
            language = request.GET.get("lang")
            if language not in dict(settings.LANGUAGES):
                language = settings.LANGUAGE_CODE
            with translation.override(language):
                answer["text"] = views_text(views)
        response = HttpResponse(json.dumps(answer), content_type="application/json")
    response["Cache-Control"] = "private, no-store"
    return response


# The beacon's URL, outside the language prefixes: newsroom/urls.py routes it
# with this pattern and BeaconMiddleware answers it before the URL resolver.
# A longer number is no article id (404).
BEACON_PATH = r"^_/views/(?P<pk>[0-9]{1,19})/$"
_BEACON_PATH = re.compile(BEACON_PATH)


class BeaconMiddleware:
    """Answer beacons before the session, auth, CSRF and locale middleware run.

    The beacon needs none of them, and when news breaks it is the most
    frequent request of all: this makes it cheaper than the framework's floor.
    Placed right after SecurityMiddleware (a 204 has no content for a CSP
    to protect); other requests pass.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            # path_info starts with "/", the URL patterns do not.
            match = _BEACON_PATH.match(request.path_info[1:])
            if match:
                return beacon(request, match["pk"])
        return self.get_response(request)


def count_view(pk, reader_key):
    """Count one view unless ``reader_key`` was seen within the window.

    Returns the article's views (in the database and pending), or None when
    the database's number is not in the cache yet, or Redis fails.
    """
    day = timezone.localdate().isoformat()
    window = settings.VIEW_DEDUPE_SECONDS
    autoflush = settings.VIEW_AUTOFLUSH_SECONDS
    redis = _redis()
    if redis is not None:
        try:
            result, pending, known = _counted_in_redis(
                redis, pk, f"{pk}:{day}", reader_key, window=window, autoflush=autoflush
            )
        except Exception:  # any Redis failure: keep the count here
            _note_redis_failure()
        else:
            if result == 2:
                _flush_quietly()
            # Both read before that flush moved the pending views into the database.
            return None if known is None else int(known) + pending
        with _buffer_lock:
            _buffer[(pk, day)] += 1
        _maybe_flush_buffer(autoflush)
        return None
    if _first_time_here(reader_key, window):
        with _buffer_lock:
            _buffer[(pk, day)] += 1
        _maybe_flush_buffer(autoflush)
    known = cache.get(KNOWN.format(pk=pk))
    with _buffer_lock:
        pending = _buffer.get((pk, day), 0)
    return None if known is None else known + pending


def _known_entries(pks):
    """The database's counts of ``pks`` as cache entries for the beacon's answers."""
    current = dict(Article.objects.filter(pk__in=list(pks)).values_list("pk", "views"))
    return {KNOWN.format(pk=pk): views for pk, views in current.items()}


def _first_time_here(reader_key, window):
    """Deduplication inside this process (the cache is per process too, without Redis).

    Kept apart from the cache so that readers' keys never push pages out of it.
    """
    now = time.monotonic()
    with _buffer_lock:
        seen = _seen.get(reader_key)
        if seen is not None and now - seen < window:
            return False
        _seen[reader_key] = now
        _seen.move_to_end(reader_key)
        while len(_seen) > SEEN_MAX:
            _seen.popitem(last=False)
    return True


def _counted_in_redis(redis, pk, field, reader_key, *, window, autoflush):
    global _script  # noqa: PLW0603 - registered once per process
    if _script is None:
        _script = redis.register_script(_COUNT_SCRIPT)
    keys = [
        cache.make_key(reader_key),
        cache.make_key(PENDING),
        cache.make_key(AUTOFLUSH),
        cache.make_key(FLUSHING),
        cache.make_key(KNOWN.format(pk=pk)),
    ]
    result, pending, known = _script(keys=keys, args=[window, field, autoflush], client=redis)
    return int(result), int(pending), known


def _note_redis_failure():
    global _redis_failures  # noqa: PLW0603 - a per-process tally for the log
    _redis_failures += 1
    if _redis_failures == 1 or _redis_failures % 1000 == 0:
        logger.warning(
            "Redis unavailable: %d view(s) counted inside this process instead "
            "(not deduplicated; flushed by this process).",
            _redis_failures,
            exc_info=_redis_failures == 1,
        )


def _flush_quietly():
    try:
        flush()
    except Exception:
        # The counts stay pending; the reader still gets a 204.
        logger.exception("Could not flush view counts; they stay pending.")


def _maybe_flush_buffer(autoflush):
    global _last_autoflush  # noqa: PLW0603 - per process by design
    if not autoflush or time.monotonic() - _last_autoflush < autoflush:
        return
    if not _autoflush_lock.acquire(blocking=False):
        return
    try:
        _last_autoflush = time.monotonic()
        _flush_buffer()
    except Exception:
        logger.exception("Could not flush view counts; they stay pending in this process.")
    finally:
        _autoflush_lock.release()


# Flushing -------------------------------------------------------------------


def flush():
    """Move every pending count into the database. Returns the number of views written."""
    written = _flush_buffer()
    redis = _redis()
    if redis is None:
        return written
    token = uuid.uuid4().hex
    if not cache.add(FLUSH_LOCK, token, timeout=300):
        return written  # another process is flushing Redis right now
    try:
        flushing = cache.make_key(FLUSHING)
        # A hash left by a flush whose database write failed goes first.
        if redis.exists(flushing):
            written += _apply_redis_hash(redis, flushing)
        try:
            redis.rename(cache.make_key(PENDING), flushing)
        except ResponseError:
            pass  # nothing counted since the last flush
        else:
            written += _apply_redis_hash(redis, flushing)
    except (RedisConnectionError, RedisTimeoutError):
        # Redis went away mid-flush: what it holds stays there (a written
        # batch is recognised), and the next flush carries on.
        logger.warning("Redis failed during a view flush; its counts wait for the next one.")
    finally:
        cache.delete(FLUSH_LOCK)
    return written


def _apply_redis_hash(redis, key):
    # The batch id lives in the hash itself: a retry after a crash finds the same one.
    redis.hsetnx(key, BATCH_FIELD, uuid.uuid4().hex)
    batch, counts = None, {}
    for raw, value in redis.hgetall(key).items():
        field = raw.decode()
        if field == BATCH_FIELD:
            batch = value.decode()
            continue
        pk, _sep, day = field.partition(":")
        counts[(int(pk), day)] = int(value)
    written = write_counts(counts, batch=batch)
    known = _known_entries({pk for pk, _day in counts})
    # At once: the beacon's answer counts these views either in the hash or
    # in the database's number, never in both or neither.
    with redis.pipeline(transaction=True) as pipe:
        pipe.delete(key)
        for name, views in known.items():
            pipe.set(cache.make_key(name), views, ex=KNOWN_SECONDS)
        pipe.execute()
    return written


def _flush_buffer():
    with _buffer_lock:
        counts = dict(_buffer)
        _buffer.clear()
    if not counts:
        return 0
    try:
        written = write_counts(counts)
    except Exception:
        with _buffer_lock:
            _buffer.update(counts)
        raise
    cache.set_many(_known_entries({pk for pk, _day in counts}), timeout=KNOWN_SECONDS)
    return written


def flush_pending_in_process():
    """Write the counts waiting inside this process (a gunicorn worker_exit hook calls it)."""
    try:
        return _flush_buffer()
    except Exception:
        logger.exception("Could not flush this process's view counts; they are lost.")
        return 0


def health():
    """For /healthz: views waiting in this process and Redis failures seen by it."""
    with _buffer_lock:
        waiting = sum(_buffer.values())
    return {"views_waiting_in_process": waiting, "view_counter_redis_failures": _redis_failures}


def discard_pending():
    """Forget the counts waiting in this process (tests start clean with it)."""
    with _buffer_lock:
        _buffer.clear()
        _seen.clear()


def write_counts(counts, batch=None):
    """Add ``{(article id, "YYYY-MM-DD"): views}`` to the database in one transaction.

    Only published articles are counted: an id nobody can read is dropped here,
    which keeps the beacon free of database queries. A ``batch`` id is written
    in the same transaction; a batch already written adds nothing.
    """
    if batch is not None and ViewFlush.objects.filter(batch=batch).exists():
        logger.warning("View count batch %s was written before; not counted again.", batch)
        return 0
    per_article = Counter()
    for (pk, _day), views in counts.items():
        per_article[pk] += views
    published = set()
    ids = list(per_article)
    for start in range(0, len(ids), 500):
        published.update(
            Article.objects.published()
            .filter(pk__in=ids[start : start + 500])
            .values_list("pk", flat=True)
        )
    if not published:
        return 0
    # One UPDATE per distinct increment: most articles get the same few numbers.
    by_increment = defaultdict(list)
    for pk in published:
        by_increment[per_article[pk]].append(pk)
    rows = [
        (pk, date.fromisoformat(day), views)
        for (pk, day), views in counts.items()
        if pk in published
    ]
    with transaction.atomic():
        if batch is not None:
            # UNIQUE(batch): a second writer of the same batch rolls back whole.
            ViewFlush.objects.create(batch=batch, views=sum(v for _p, _d, v in rows))
            ViewFlush.objects.filter(applied_at__lt=timezone.now() - FLUSH_RECORDS_KEPT).delete()
        for increment, pks in by_increment.items():
            for start in range(0, len(pks), 500):
                Article.objects.filter(pk__in=pks[start : start + 500]).update(
                    views=F("views") + increment
                )
        _add_daily_views(rows)
    # "Most read" is ranked again from the new counts.
    forget_most_read()
    return sum(views for _pk, _day, views in rows)


def _add_daily_views(rows):
    # INSERT ... ON CONFLICT DO UPDATE adds to the existing row atomically
    # (PostgreSQL, SQLite >= 3.24); bulk_create(update_conflicts=True) can
    # only overwrite, not add.
    with connection.cursor() as cursor:
        cursor.executemany(_ADD_DAILY_VIEWS_SQL, rows)


_ADD_DAILY_VIEWS_SQL = (
    "INSERT INTO articles_articleviewday (article_id, day, views) VALUES (%s, %s, %s) "
    "ON CONFLICT (article_id, day) "
    "DO UPDATE SET views = articles_articleviewday.views + excluded.views"
)
