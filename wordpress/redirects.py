"""Old WordPress addresses answer 301 to the article or the photo they became.

``OldAddressMiddleware`` stands before the page cache in ``MIDDLEWARE``: a
"not found" page the cache kept for an old address before its import can
never hide the redirect. Reader pages pay no database query for it: each
process keeps the hashes of every old path (``OldAddress.path_hash``, a
sorted array of 64-bit numbers, 8 bytes per address) and asks the database
only when the request's path is among them. The array is loaded again when
the cache's version key moves (an import renews it when it ends); that
costs one small cache read per request.
"""

import bisect
import threading
from array import array

from django.core.cache import cache
from django.http import HttpResponsePermanentRedirect

from .models import OldAddress, address_hash

VERSION_KEY = "wordpress:addresses:version"

_lock = threading.Lock()
_loaded = {"version": None, "hashes": array("q")}


def addresses_changed():
    """Make every process load the old addresses again (an import added some)."""
    cache.set(VERSION_KEY, _new_version(), timeout=None)


def _new_version():
    import uuid  # noqa: PLC0415 - only when an import ends

    return uuid.uuid4().hex[:12]


def _hashes():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    if _loaded["version"] != version:
        with _lock:
            if _loaded["version"] != version:
                numbers = sorted(OldAddress.objects.values_list("path_hash", flat=True))
                _loaded["hashes"] = array("q", numbers)
                _loaded["version"] = version
    return _loaded["hashes"]


def _known(hashes, number):
    position = bisect.bisect_left(hashes, number)
    return position < len(hashes) and hashes[position] == number


def request_paths(request):
    """The keys an old address may have for this request: ``?p=ID``, then the path."""
    keys = []
    post = request.GET.get("p", "")
    if post.isdigit():
        keys.append(f"?p={int(post)}")
    # Django has decoded the path already (%D0%BD… → н); old paths are kept the same way.
    path = request.path_info.casefold().rstrip("/")
    if path:
        keys.append(path)
    return keys


def target(request):
    """The URL an old address leads to, or None."""
    keys = request_paths(request)
    if not keys:
        return None
    hashes = _hashes()
    wanted = [key for key in keys if _known(hashes, address_hash(key))]
    if not wanted:
        return None
    found = {
        address.path: address
        for address in OldAddress.objects.filter(path__in=wanted).select_related(
            "article__rubric", "photo"
        )
    }
    for key in wanted:
        if key in found:
            return found[key].target_url()
    return None


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"GET", "HEAD"}:
            url = target(request)
            if url:
                return HttpResponsePermanentRedirect(url)
        return self.get_response(request)
