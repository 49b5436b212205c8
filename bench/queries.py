"""In-process part of `make bench`: SQL queries per page, page sizes, URL lists for wrk.

Run by bench/run.py with the bench environment; prints one JSON object.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from articles.models import Article  # noqa: E402
from pagecache import middleware as pagecache  # noqa: E402

MISS_PATHS = 20_000


def measure(client, path):
    cache.clear()
    pagecache.content_changed()
    # The test client leaves the page's language active in this thread: without
    # the override, URLs reversed afterwards got the /kk/ prefix (with Russian
    # slugs: 301 redirects instead of article pages).
    with translation.override(settings.LANGUAGE_CODE):
        with CaptureQueriesContext(connection) as miss:
            started = time.perf_counter()
            response = client.get(path, HTTP_HOST="127.0.0.1")
            elapsed = time.perf_counter() - started
        with CaptureQueriesContext(connection) as hit:
            again = client.get(path, HTTP_HOST="127.0.0.1")
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(response.content),
        "queries_miss": len(miss),
        "queries_hit": len(hit),
        "hit_header": again.get("X-Page-Cache"),
        "render_ms": round(elapsed * 1000, 1),
    }


def main(out_dir):
    out_dir = Path(out_dir)
    listing = (
        Article.objects.published()
        .in_language("ru")
        .in_language("kk")
        .latest()
        .select_related("rubric")
    )
    newest = listing.first()
    client = Client()
    pages = {
        "home (ru)": measure(client, "/"),
        "home (kk)": measure(client, "/kk/"),
        "rubric (ru)": measure(client, newest.rubric.get_absolute_url()),
        "article (ru)": measure(client, newest.get_absolute_url("ru")),
        "article (kk)": measure(client, newest.get_absolute_url("kk")),
    }
    # Cache-miss URLs: canonical article paths, never the warmed one.
    miss, ids = [], []
    for article in listing.only("id", "slug_ru", "rubric__slug")[1 : MISS_PATHS + 1]:
        ids.append(article.pk)
        miss.append(
            reverse(
                "articles:detail",
                kwargs={"rubric": article.rubric.slug, "pk": article.pk, "slug": article.slug_ru},
            )
        )
    (out_dir / "paths_miss.txt").write_text("\n".join(miss) + "\n")
    beacons = [reverse("beacon", args=[pk]) for pk in ids]
    (out_dir / "paths_beacon.txt").write_text("\n".join(beacons) + "\n")
    cold = cold_article_costs(client, miss[-COLD_SAMPLE:])
    print(json.dumps({"pages": pages, "articles": Article.objects.count(), "cold": cold}))


COLD_SAMPLE = 100


def cold_article_costs(client, paths):
    """Where an uncached article page's time goes, in this process (median ms per page).

    ``total``: the request through every middleware; ``sql``: inside the
    database driver; ``render``: the template (context ready); the rest of
    ``total`` is Python: the ORM building queries and objects, middleware,
    the view. ``floor``: the bare view of the floor, for scale.
    """
    from django.template import loader  # noqa: PLC0415 - after setup

    totals, sql_times, renders, floors = [], [], [], []
    original_render = type(loader.get_template("base.html")).render

    def timed_render(template, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original_render(template, *args, **kwargs)
        finally:
            # The page, and the blocks rendered apart from it (related
            # articles, "most read"): never nested in one another.
            renders[-1] += time.perf_counter() - started

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_times[-1] += time.perf_counter() - started

    type(loader.get_template("base.html")).render = timed_render
    try:
        with connection.execute_wrapper(timed_sql), translation.override(settings.LANGUAGE_CODE):
            for path in paths:
                sql_times.append(0.0)
                renders.append(0.0)
                started = time.perf_counter()
                response = client.get(path, HTTP_HOST="127.0.0.1")
                totals.append(time.perf_counter() - started)
                assert response.status_code == 200, path
                started = time.perf_counter()
                client.get("/_/bench/floor/", HTTP_HOST="127.0.0.1")
                floors.append(time.perf_counter() - started)
    finally:
        type(loader.get_template("base.html")).render = original_render

    def median_ms(values):
        return round(statistics.median(values) * 1000, 2)

    return {
        "pages": len(paths),
        "total": median_ms(totals),
        "sql": median_ms(sql_times),
        "render": median_ms(renders),
        "floor": median_ms(floors),
    }


if __name__ == "__main__":
    main(sys.argv[1])
