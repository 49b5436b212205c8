# ruff: noqa: S603, S607 - a benchmark script starting our own local tools
"""`make bench`: the site under gunicorn with 100 000 articles, measured with wrk.

What it does, all on 127.0.0.1:

1. a scratch database (.bench/bench.sqlite3, or DATABASE_URL when set —
   then Redis too if REDIS_URL is set), migrated and filled by
   ``generate_articles`` (kept between runs);
2. collectstatic, then SQL queries per page and page sizes, measured
   in-process (bench/queries.py);
3. gunicorn (production settings: DEBUG off, hashed static files) plus a bare
   Django view returning a page of the article page's size — the floor;
4. wrk, for each of: article page (cache hit), article page (cache miss:
   every request a different article), home page, view beacon, with the
   floor measured before and after each; then one table with req/s,
   p50/p95/p99 and the ratio to the neighbouring floor runs, SQL queries per
   page, worker memory, and a check that every beacon reached the database.

Options: --articles, --duration, --connections, --threads, --workers.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PYTHON = sys.executable
FLOOR = ["/_/bench/floor/"]
TARGETS = {"cached article": 0.8, "uncached article": 0.1, "beacon": 1.0}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(args):
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_MANIFEST="true",
        MEDIA_ROOT=str(WORK / "media"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT),
        CACHE_KEY_PREFIX=f"bench{os.getpid()}",
    )
    return env


def _manage(env, *command, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def _prepare(env, articles):
    print(f"== database: {env['DATABASE_URL']}  cache: {env.get('REDIS_URL') or 'local memory'}")
    _manage(env, "migrate", "--no-input", "-v", "0")
    count = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from articles.models import Article; "
            "print(Article.objects.count())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    missing = articles - int(count)
    if missing > 0:
        print(f"== generating {missing} articles (kept in {WORK} for the next run)")
        started = time.monotonic()
        _manage(env, "generate_articles", "--count", str(missing), quiet=False)
        print(f"   {missing} articles in {time.monotonic() - started:.0f} s")
    # Databases generated before related articles were kept on the article.
    _manage(env, "related_articles", "--missing")
    _manage(env, "collectstatic", "--no-input", "-v", "0")


def _total_views(env):
    code = (
        "import django; django.setup(); from django.db.models import Sum; "
        "from articles.models import Article; "
        "print(Article.objects.aggregate(total=Sum('views'))['total'] or 0)"
    )
    result = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return int(result.stdout.strip())


def _measure_pages(env):
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "queries.py"), str(WORK)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _start_gunicorn(env, port, workers):
    log = open(WORK / "gunicorn.log", "w")
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsroom.wsgi:application",
            "--config",
            str(ROOT / "newsroom" / "gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_/bench/floor/", timeout=1)
            return process
        except OSError:
            if process.poll() is not None:
                sys.exit(f"gunicorn did not start; see {WORK / 'gunicorn.log'}")
            time.sleep(0.2)
    process.terminate()
    sys.exit(f"gunicorn did not answer; see {WORK / 'gunicorn.log'}")


def _worker_rss_mib(master_pid):
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def _warm(port, paths, workers):
    # Every worker has its own local-memory cache, and the cache-miss run
    # pushed older pages out of it: fill it again before measuring hits.
    for _ in range(workers * 4):
        for path in paths:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60)


def _wrk(args, port, paths, method="GET", new_reader=False):
    paths_file = WORK / "paths_current.txt"
    paths_file.write_text("\n".join(paths) + "\n" if isinstance(paths, list) else paths)
    env = dict(
        os.environ,
        BENCH_PATHS=str(paths_file),
        BENCH_METHOD=method,
        BENCH_NEW_READER="1" if new_reader else "0",
        BENCH_THREADS=str(args.threads),
    )
    output = subprocess.run(
        [
            "wrk",
            "-t",
            str(args.threads),
            "-c",
            str(args.connections),
            "-d",
            f"{args.duration}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "wrk.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def _print_table(results):
    print()
    header = f"{'endpoint':<22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    print(header + f"{'errors':>8}{'÷ floor':>9}{'target':>8}")
    print("-" * (len(header) + 25))
    for name, data in results.items():
        target = TARGETS.get(name)
        ratio = data["rps"] / data["floor_rps"]
        mark = "" if target is None else (f"≥{target:g} ✓" if ratio >= target else f"≥{target:g} ✗")
        errors = data["status_errors"] + data["socket_errors"]
        print(
            f"{name:<22}{data['rps']:>9.0f}{data['p50_us'] / 1000:>9.1f}"
            f"{data['p95_us'] / 1000:>9.1f}{data['p99_us'] / 1000:>9.1f}{errors:>8}"
            f"{ratio:>9.2f}{mark:>8}"
        )


def _print_table_with_floor(runs, floors, article):
    floor = dict(floors[0])
    floor["rps"] = sum(run["rps"] for run in floors) / len(floors)
    floor["floor_rps"] = floor["rps"]
    _print_table({"floor": floor, **runs})
    print(
        f"\nfloor: a bare Django view returning {article['bytes']} bytes (the article page's "
        f"size), run before and after each endpoint: "
        + ", ".join(f"{run['rps']:.0f}" for run in floors)
        + " req/s (latencies: first run); '÷ floor' compares each endpoint with the floor "
        "runs just before and after it"
    )


def _print_cold(cold):
    """Where an uncached article page's time goes (bench/queries.py measured it)."""
    rest = cold["total"] - cold["sql"] - cold["render"]
    print(
        f"uncached article, in one process (median of {cold['pages']} articles never read "
        f"before): {cold['total']} ms = SQL in the driver {cold['sql']} ms + template "
        f"{cold['render']} ms + ORM, view and middleware {rest:.2f} ms; the floor view "
        f"{cold['floor']} ms"
    )


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", "100000"))
    )
    parser.add_argument("--duration", type=int, default=10, help="Seconds per wrk run.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
    return parser.parse_args()


def main():
    args = _arguments()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk (make bench does it).")
    WORK.mkdir(exist_ok=True)
    env = _environment(args)
    _prepare(env, args.articles)

    print("== SQL queries per page (in-process, page cache cold, then warm)")
    measured = _measure_pages(env)
    pages = measured["pages"]
    for name, page in pages.items():
        print(
            f"   {name:<14} {page['status']}  {page['bytes']:>6} bytes  "
            f"{page['queries_miss']:>2} queries uncached, {page['queries_hit']} cached  "
            f"(first render {page['render_ms']} ms)"
        )
    article = pages["article (ru)"]
    env["BENCH_FLOOR_BYTES"] = str(article["bytes"])

    port = _free_port()
    print(
        f"== gunicorn: {args.workers} workers on 127.0.0.1:{port}; wrk: {args.threads} "
        f"threads, {args.connections} connections, {args.duration} s per run"
    )
    server = _start_gunicorn(env, port, args.workers)
    try:
        miss_paths = (WORK / "paths_miss.txt").read_text()
        beacon_paths = (WORK / "paths_beacon.txt").read_text()
        # The floor is measured before and after every endpoint, and each
        # endpoint is compared with its two neighbours: this machine's load
        # changes from minute to minute.
        floors = [_wrk(args, port, FLOOR)]
        runs = {}

        def measure(name, paths, warm=None, **options):
            if warm:
                _warm(port, warm, args.workers)
            runs[name] = _wrk(args, port, paths, **options)
            floors.append(_wrk(args, port, FLOOR))
            runs[name]["floor_rps"] = (floors[-2]["rps"] + floors[-1]["rps"]) / 2

        measure("cached article", [article["path"]], warm=[article["path"]])
        measure("uncached article", miss_paths)
        measure("home page", ["/"], warm=["/"])
        views_before = _total_views(env)
        measure("beacon", beacon_paths, method="POST", new_reader=True)
        rss = _worker_rss_mib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    # Every beacon came from a new reader: each must be in the database now
    # (workers flush what they hold when they exit; Redis needs flush_views).
    _manage(env, "flush_views")
    counted = _total_views(env) - views_before

    _print_table_with_floor(runs, floors, article)
    print(
        "SQL queries per page (uncached → cached): "
        + ", ".join(
            f"{name} {page['queries_miss']} → {page['queries_hit']}" for name, page in pages.items()
        )
    )
    beacons = runs["beacon"]["requests"] - runs["beacon"]["status_errors"]
    # wrk stops counting with up to one request per connection still in flight.
    exact = beacons <= counted <= beacons + args.connections
    print(
        f"beacons: {beacons} answered to wrk (+ up to {args.connections} in flight at the end), "
        f"{counted} views written to the database" + ("" if exact else "  ✗ MISMATCH")
    )
    print("gunicorn worker memory (RSS): " + ", ".join(f"{size:.0f} MiB" for size in rss))
    _print_cold(measured["cold"])
    print(
        "load average (1, 5, 15 min) at the end: "
        + ", ".join(f"{load:.1f}" for load in os.getloadavg())
        + f" on {os.cpu_count()} CPUs"
    )
    print(
        f"data set: {measured['articles']} articles; "
        f"database {env['DATABASE_URL'].split('://')[0]}, "
        f"cache {'Redis' if env.get('REDIS_URL') else 'local memory (per worker)'}"
    )
    (WORK / "results.json").write_text(
        json.dumps({"runs": runs, "floors": floors, "pages": pages, "rss_mib": rss}, indent=2)
    )


if __name__ == "__main__":
    main()
