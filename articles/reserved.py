"""The paths the site keeps for itself, next to the rubrics' ``/<rubric>/``.

Russian pages have no prefix and Kazakh pages live under ``/kk/``
(newsroom/urls.py, articles/urls.py); the first path segment is otherwise a
rubric's slug. From these names:

- no rubric may take one as its slug (its page would be unreachable);
- the page cache never stores what is under the technical paths;
- robots.txt keeps crawlers out of the admin, search results and the beacon.
"""

from django.conf import settings

ADMIN = "admin"
PREVIEW = "preview"
SEARCH = "search"
# Not language-prefixed: the view beacon (viewcounts/counters.py) and the health check.
TECHNICAL = "_"
HEALTH = "healthz"
# Readers' sign-in and comments (comments/urls.py).
COMMENTS = "comments"

# First path segments a rubric's slug must not take (the rubric_slug_not_reserved
# constraint of migrations 0007 and 0012 holds the same list).
SLUGS = frozenset(
    {
        ADMIN,
        SEARCH,
        "rss",
        "tag",
        PREVIEW,
        "kk",
        "ru",
        "static",
        "media",
        TECHNICAL,
        HEALTH,
        COMMENTS,
    }
)


def in_every_language(segment):
    """``/<segment>/`` for Russian, ``/kk/<segment>/`` for Kazakh."""
    return [
        f"/{segment}/",
        *[
            f"/{code}/{segment}/"
            for code, _n in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
        ],
    ]


# Never in the page cache: editors' pages, previews of drafts, beacons, health.
NEVER_CACHED = (
    *in_every_language(ADMIN),
    *in_every_language(PREVIEW),
    f"/{TECHNICAL}/",
    f"/{HEALTH}",
)

# robots.txt: "Disallow" for every crawler.
NOT_CRAWLED = (*in_every_language(ADMIN), *in_every_language(SEARCH), f"/{TECHNICAL}/")
