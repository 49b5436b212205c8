"""The site's URLs plus /_/bench/floor/: a bare view returning a page of the article's size.

The floor goes through the same middleware as every page (under /_/, which
the page cache leaves alone) but renders no template and asks no database:
what Django itself costs per request on this machine. /_/bench/editor/ is
the editor of "a newsroom's day" (bench/editor.py).
"""

import os

from django.http import HttpResponse
from django.urls import path

from bench.editor import editor
from newsroom.urls import urlpatterns as site_urlpatterns
from pagecache import dependencies

FLOOR_BYTES = int(os.environ.get("BENCH_FLOOR_BYTES", "30000"))
_FLOOR_PAGE = b"<!doctype html><title>floor</title>" + b"x" * FLOOR_BYTES


def floor(request):
    return HttpResponse(_FLOOR_PAGE[:FLOOR_BYTES], content_type="text/html; charset=utf-8")


if os.environ.get("BENCH_INVALIDATION") == "token":
    # bench/day.py runs the same day once more with the old invalidation, for
    # comparison: any change empties every page (the single generation token).
    _changed_keys = dependencies.changed

    def _every_page_changed(*keys, hard=False):
        if keys:
            _changed_keys(dependencies.CHROME, hard=hard)

    dependencies.changed = _every_page_changed


urlpatterns = [
    path("_/bench/floor/", floor),
    path("_/bench/editor/", editor),
    *site_urlpatterns,
]
