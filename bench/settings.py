"""Settings for `make bench`: the site's own, plus the framework-floor URL."""

import os

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# Bench only: "token" brings back the old invalidation (any change empties
# every page) so that bench/day.py can run the same day both ways.
PAGE_CACHE_INVALIDATION = os.environ.get("BENCH_INVALIDATION", "keys")

# A newsroom's day keeps 10 000 articles' pages, in two languages, with their
# related blocks and key versions: more than the development default holds.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] = 100_000  # noqa: F405
