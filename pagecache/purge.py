"""Tells a CDN or Varnish which page keys changed, from a background thread.

With ``PAGE_CACHE_PURGE_URL`` set, every change's keys (the ones reader
pages carry in their ``Surrogate-Key`` header, pagecache/dependencies.py) are
POSTed there: ``Content-Type: application/json``, body ``{"keys": [...]}``,
and the same keys space-separated in a ``Surrogate-Key`` request header (what
a Varnish ``xkey`` purge reads). ``PAGE_CACHE_PURGE_TOKEN``, when set, goes
in ``Authorization: Bearer …``.

Never inside the editor's request: keys are queued and a daemon thread of
the process sends them, a fraction of a second later, several changes in one
POST. An endpoint that fails or does not answer within
``PAGE_CACHE_PURGE_TIMEOUT`` seconds is logged, never raised: the proxy then
keeps its copy until its ``s-maxage`` (``PAGE_CACHE_MAX_AGE``) runs out.
Keys still queued when the process exits are lost the same way.
"""

import json
import logging
import queue
import threading
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

# Changes that arrive within this many seconds share one POST.
BATCH_SECONDS = 0.2
# One POST carries at most this many keys (a bulk change may touch many).
BATCH_KEYS = 256

_queue = queue.Queue()
_started = threading.Lock()
_worker = None


def endpoint():
    return getattr(settings, "PAGE_CACHE_PURGE_URL", "") or ""


def send(keys):
    """Queue ``keys`` for the purge endpoint (nothing when none is set)."""
    if not endpoint() or not keys:
        return
    _ensure_worker()
    _queue.put(sorted(keys))


def _ensure_worker():
    global _worker  # noqa: PLW0603 - one sender thread per process
    with _started:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_run, name="pagecache-purge", daemon=True)
            _worker.start()


def _run():
    while True:
        keys = set(_queue.get())
        # Let the changes of the same moment join this POST.
        try:
            while len(keys) < BATCH_KEYS:
                keys.update(_queue.get(timeout=BATCH_SECONDS))
        except queue.Empty:
            pass
        post(sorted(keys))


def post(keys):
    """POST ``keys`` to the endpoint now; True when it answered 2xx. Failures are logged."""
    url = endpoint()
    if not url:
        return False
    headers = {"Content-Type": "application/json", "Surrogate-Key": " ".join(keys)}
    token = getattr(settings, "PAGE_CACHE_PURGE_TOKEN", "")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310 - the operator's own URL (http/https)
        url, data=json.dumps({"keys": keys}).encode(), headers=headers, method="POST"
    )
    timeout = getattr(settings, "PAGE_CACHE_PURGE_TIMEOUT", 2)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return 200 <= response.status < 300
    except Exception as error:
        logger.warning("Page cache purge at %s failed (%d key(s)): %s", url, len(keys), error)
        return False
