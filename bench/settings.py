"""Settings for `make bench`: the site's own, plus the framework-floor URL."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
