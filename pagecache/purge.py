"""Tells a CDN or Varnish which page keys changed, from a background task.

With ``PAGE_CACHE_PURGE_URL`` set, every change's keys (the ones reader
pages carry in their ``Surrogate-Key`` header, pagecache/dependencies.py) are
POSTed there: ``Content-Type: application/json``, body ``{"keys": [...]}``,
and the same keys space-separated in a ``Surrogate-Key`` request header (what
a Varnish ``xkey`` purge reads). ``PAGE_CACHE_PURGE_TOKEN``, when set, goes
in ``Authorization: Bearer …``.

Never inside the editor's request: once the change is committed, a task
(Django's tasks framework, run by ``manage.py db_worker``) sends the keys.
An endpoint that fails or does not answer within ``PAGE_CACHE_PURGE_TIMEOUT``
seconds is logged and tried again a little later (``RETRY_SECONDS``); after
the last attempt the proxy keeps its copy until its ``s-maxage``
(``PAGE_CACHE_MAX_AGE``) runs out. Keys wait in the task queue, so a web
process that stops loses none.
"""

import json
import logging
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds before each new attempt after a failed POST.
RETRY_SECONDS = (5, 30, 120)


def endpoint():
    return getattr(settings, "PAGE_CACHE_PURGE_URL", "") or ""


def send(keys):
    """Have ``keys`` sent to the purge endpoint once the transaction commits (if one is set)."""
    if not endpoint() or not keys:
        return
    keys = sorted(keys)
    transaction.on_commit(lambda: purge_keys.enqueue(keys))


@task()
def purge_keys(keys, attempt=0):
    """The task: POST ``keys``; on failure, try again later a few times."""
    if post(keys):
        return True
    if attempt < len(RETRY_SECONDS):
        later = timezone.now() + timedelta(seconds=RETRY_SECONDS[attempt])
        purge_keys.using(run_after=later).enqueue(keys, attempt + 1)
    return False


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
