"""Settings for `make bench`: the site's own, plus the framework-floor URL."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# A newsroom's day keeps 10 000 articles' pages, in two languages, with their
# related blocks and key versions: more than the development default holds.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] = 100_000  # noqa: F405
