# ruff: noqa: S310, S603, S607 - a benchmark script calling our own local server and tools
"""`make bench`, part two: a newsroom's day, with the page cache's two invalidations side by side.

Over ``--articles`` (10 000) articles, for ``--duration`` (60) seconds:

- readers (wrk): article pages with Zipf popularity (s = 1; the newest
  articles are the most read), the home page and the rubrics' first pages,
  in Russian and in Kazakh;
- a crawler (a second wrk, paced to about 5 % of all requests): every article
  and every rubric page of the archive, uniformly;
- an editor (a thread here): saves one of the newest articles every 5 s and
  publishes a new one every 60 s (bench/editor.py, through the models).

The same day runs twice against a fresh gunicorn and an empty cache, after
the same warm-up (``--warmup`` seconds of the same readers: the cache holds
what they read before the editor starts): with the page cache's dependency keys ("keys": a change
empties the pages that show what changed) and with the old single
generation token ("token": any change empties every page; a bench-only
switch, BENCH_INVALIDATION). Printed side by side: the readers' page-cache
hit ratio, their p50/p95/p99, renders per second, the crawler's p95; and,
for scale, the readers' p99 when every page they ask for is cached.

The cache must be shared by the gunicorn workers for an edit to reach them
all: with REDIS_URL the day runs ``--workers`` workers; with the local-memory
cache, one worker.
"""

import argparse
import bisect
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import run as bench

ROOT = bench.ROOT
WORK = bench.WORK
PYTHON = bench.PYTHON
MODES = ("keys", "token")
# The readers' mix: article pages, the home page, the rubrics' first pages.
MIX = {"article": 0.8, "home": 0.1, "rubric": 0.1}
CRAWLER_SHARE = 0.05
KAZAKH_SHARE = 0.3
READER_PATHS = 400_000

_LIST_PAGES = """
import json, math, django
django.setup()
from django.utils import translation
from articles.models import Article, Rubric
from articles.views import PAGE_SIZE
articles = []
for a in (Article.objects.published().latest().select_related("rubric")
          .only("id", "slug_ru", "slug_kk", "in_ru", "in_kk", "rubric__slug")):
    articles.append({code: a.get_absolute_url(code) for code in a.languages})
rubrics = []
for rubric in Rubric.objects.all():
    for code in ("ru", "kk"):
        count = Article.objects.published().in_language(code).in_rubric(rubric).count()
        if count:
            with translation.override(code):
                path = rubric.get_absolute_url()
            rubrics.append({"path": path, "pages": math.ceil(count / PAGE_SIZE)})
print(json.dumps({"articles": articles, "rubrics": rubrics}))
"""


def _site_pages(env):
    output = subprocess.run(
        [PYTHON, "-c", _LIST_PAGES], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _write_paths(site, rng):
    """The readers' and the crawler's requests, in order; the readers' most read head."""
    articles = site["articles"]
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(articles) + 1)))

    def article_path(index):
        urls = articles[index]
        if "kk" in urls and (rng.random() < KAZAKH_SHARE or "ru" not in urls):
            return urls["kk"]
        return urls["ru"]

    homes = ["/", "/kk/"]
    first_pages = [rubric["path"] for rubric in site["rubrics"]]
    readers = []
    kinds, weights = list(MIX), list(MIX.values())
    for kind in rng.choices(kinds, weights, k=READER_PATHS):
        if kind == "article":
            index = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
            readers.append(article_path(min(index, len(articles) - 1)))
        elif kind == "home":
            readers.append(rng.choice(homes))
        else:
            readers.append(rng.choice(first_pages))
    archive = [url for urls in articles for url in urls.values()]
    archive += [
        f"{rubric['path']}?page={number}"
        for rubric in site["rubrics"]
        for number in range(2, rubric["pages"] + 1)
    ]
    rng.shuffle(archive)
    head = homes + first_pages + [article_path(index) for index in range(100)]
    files = {}
    for name, paths in (("readers", readers), ("crawler", archive), ("head", head)):
        files[name] = WORK / f"day_{name}.txt"
        files[name].write_text("\n".join(paths) + "\n")
    return files


def _wrk(port, paths_file, duration, threads, connections, *, delay_ms=0):
    env = dict(os.environ, BENCH_PATHS=str(paths_file), BENCH_DELAY_MS=str(delay_ms))
    return subprocess.Popen(
        [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "day.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _result(process):
    output, errors = process.communicate()
    if process.returncode:
        sys.exit(f"wrk failed: {errors}")
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


class Editor(threading.Thread):
    """Saves an article every ``save_every`` s, publishes one every ``publish_every`` s."""

    def __init__(self, port, duration, save_every=5, publish_every=60):
        super().__init__(daemon=True)
        self.url = f"http://127.0.0.1:{port}/_/bench/editor/"
        self.duration, self.save_every, self.publish_every = duration, save_every, publish_every
        self.done = {"save": 0, "publish": 0, "failed": 0}
        self.seconds = []

    def _post(self, action):
        started = time.monotonic()
        try:
            data = urllib.parse.urlencode({"action": action}).encode()
            urllib.request.urlopen(self.url, data=data, timeout=30).read()
            self.done[action] += 1
        except OSError:
            self.done["failed"] += 1
        self.seconds.append(time.monotonic() - started)

    def run(self):
        started = time.monotonic()
        # Saves at 5, 10, … s; the publication half-way through each minute.
        events = [(t, "save") for t in range(self.save_every, self.duration, self.save_every)]
        events += [
            (t, "publish")
            for t in range(self.publish_every // 2, self.duration, self.publish_every)
        ]
        for at, action in sorted(events):
            pause = started + at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._post(action)


def _day(args, env, files, mode, *, workers, crawler_delay_ms):
    env = dict(env, BENCH_INVALIDATION=mode, CACHE_KEY_PREFIX=f"{env['CACHE_KEY_PREFIX']}{mode}")
    port = bench._free_port()
    server = bench._start_gunicorn(env, port, workers)
    try:
        # The same warm-up for both: what readers asked for before the day began.
        _result(_wrk(port, files["readers"], args.warmup, 2, args.connections))
        head = _result(_wrk(port, files["head"], 10, 2, args.connections))
        editor = Editor(port, args.duration)
        crawler = _wrk(port, files["crawler"], args.duration, 1, 1, delay_ms=crawler_delay_ms)
        readers = _wrk(port, files["readers"], args.duration, 2, args.connections)
        editor.start()
        readers, crawler = _result(readers), _result(crawler)
        editor.join(timeout=30)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        _forget(env)
    seconds = readers["duration_us"] / 1e6
    return {
        "readers": readers,
        "crawler": crawler,
        "all_cached": head,
        "editor": editor.done,
        "editor_ms": round(1000 * max(editor.seconds or [0]), 1),
        "renders_per_s": (readers["miss"] + crawler["miss"]) / seconds,
        "crawler_share": crawler["requests"] / (crawler["requests"] + readers["requests"]),
    }


def _forget(env):
    """Leave no bench pages in a shared Redis (the local-memory cache dies with gunicorn)."""
    if not env.get("REDIS_URL"):
        return
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.delete_pattern('*')"
    )
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=False, capture_output=True)


def _print(results):
    print()
    print(f"{'a newsroom’s day':<34}" + "".join(f"{mode:>16}" for mode in results))
    print("-" * (34 + 16 * len(results)))
    rows = [
        ("readers: page-cache hit ratio", lambda r: f"{r['readers']['hit'] / _n(r):.3f}"),
        ("readers: served stale", lambda r: f"{r['readers']['stale'] / _n(r):.3f}"),
        ("readers: rendered (miss)", lambda r: f"{r['readers']['miss'] / _n(r):.3f}"),
        ("readers: req/s", lambda r: f"{r['readers']['rps']:.0f}"),
        ("readers: p50 ms", lambda r: f"{r['readers']['p50_us'] / 1000:.1f}"),
        ("readers: p95 ms", lambda r: f"{r['readers']['p95_us'] / 1000:.1f}"),
        ("readers: p99 ms", lambda r: f"{r['readers']['p99_us'] / 1000:.1f}"),
        ("readers: p99 ÷ all-cached p99", _p99_ratio),
        ("renders/s (readers + crawler)", lambda r: f"{r['renders_per_s']:.1f}"),
        ("crawler: p95 ms", lambda r: f"{r['crawler']['p95_us'] / 1000:.1f}"),
        ("crawler: share of requests", lambda r: f"{r['crawler_share']:.3f}"),
        ("crawler: hit ratio", lambda r: f"{r['crawler']['hit'] / _n(r, 'crawler'):.3f}"),
        ("all cached: readers' p99 ms", lambda r: f"{r['all_cached']['p99_us'] / 1000:.1f}"),
        ("editor: saves/publications", lambda r: f"{r['editor']['save']}/{r['editor']['publish']}"),
        ("editor: slowest request ms", lambda r: f"{r['editor_ms']:.0f}"),
        ("errors (readers + crawler)", _errors),
    ]
    for name, cell in rows:
        print(f"{name:<34}" + "".join(f"{cell(r):>16}" for r in results.values()))
    print(
        "\nkeys: a change empties the pages that depend on it (pagecache/middleware.py); token: "
        "the old single generation token, any change empties every page (bench only). "
        "Target for keys: hit ratio ≥ 0.9, p99 ≤ 3× the all-cached p99."
    )


def _n(result, who="readers"):
    return max(1, result[who]["requests"])


def _p99_ratio(result):
    return f"{result['readers']['p99_us'] / max(1, result['all_cached']['p99_us']):.2f}"


def _errors(result):
    return str(
        sum(
            result[who][kind]
            for who in ("readers", "crawler")
            for kind in ("status_errors", "socket_errors")
        )
    )


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("BENCH_DAY_ARTICLES", "10000"))
    )
    parser.add_argument("--duration", type=int, default=60, help="Seconds of the day.")
    parser.add_argument(
        "--warmup", type=int, default=60, help="Seconds of the same readers before the day."
    )
    parser.add_argument("--connections", type=int, default=32, help="Readers' connections.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (with Redis).")
    parser.add_argument("--modes", default=",".join(MODES), help="keys,token (the default).")
    return parser.parse_args()


def main():
    args = _arguments()
    WORK.mkdir(exist_ok=True)
    env = bench._environment(args)
    if "DATABASE_URL" not in os.environ:
        env["DATABASE_URL"] = f"sqlite:///{WORK / f'day-{args.articles}.sqlite3'}"
    bench._prepare(env, args.articles)
    workers = args.workers if env.get("REDIS_URL") else 1
    site = _site_pages(env)
    files = _write_paths(site, random.Random(1))
    # Paced so that about 5 % of requests are the crawler's at the readers'
    # usual rate (measured by the first warm-up in the first mode).
    print(
        f"== a newsroom's day: {len(site['articles'])} published articles, "
        f"{args.duration} s per mode, gunicorn {workers} worker(s), readers' wrk "
        f"{args.connections} connections, crawler 1 connection; modes: {args.modes}"
    )
    results = {}
    crawler_delay_ms = 0
    for mode in args.modes.split(","):
        if not crawler_delay_ms:
            crawler_delay_ms = _crawler_pace(args, env, files, workers)
        results[mode] = _day(
            args, env, files, mode, workers=workers, crawler_delay_ms=crawler_delay_ms
        )
    _print(results)
    print(
        "load average (1, 5, 15 min) at the end: "
        + ", ".join(f"{load:.1f}" for load in os.getloadavg())
        + f" on {os.cpu_count()} CPUs"
    )
    (WORK / "day.json").write_text(json.dumps(results, indent=2))


def _crawler_pace(args, env, files, workers):
    """Milliseconds between the crawler's requests for about 5 % of the readers' rate."""
    port = bench._free_port()
    server = bench._start_gunicorn(env, port, workers)
    try:
        rate = _result(_wrk(port, files["readers"], 10, 2, args.connections))["rps"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        _forget(env)
    crawler_rate = rate * CRAWLER_SHARE / (1 - CRAWLER_SHARE)
    return max(1, int(1000 / crawler_rate))


if __name__ == "__main__":
    main()
