"""The site survives its services: Redis stopped or silent, PostgreSQL away.

Real failures, not mocks: a private ``redis-server`` on a spare loopback port
that the test stops; a listener that accepts connections and never answers;
and a TCP relay in front of PostgreSQL that the test cuts, makes silent, and
restores. Times are asserted loosely (seconds): they catch a page that hangs,
not a slow machine.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.test import Client

from articles.models import Article
from tests.manage_process import PRODUCTION, ROOT, run_manage
from viewcounts import counters

REDIS_SERVER = shutil.which("redis-server")
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126 Safari/537.36"
# Generous: a healthy page answers in milliseconds, a hanging one never.
SLOW = 10


def _spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_cache(port):
    """The production cache settings (newsroom/settings.py), pointed at ``port``."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "faults",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "CONNECTION_POOL_CLASS": "newsroom.redisguard.GuardedConnectionPool",
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def redis_server():
    if REDIS_SERVER is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: fault tests cannot run in CI.")
        pytest.skip("redis-server not installed")
    port = _spare_port()
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            *("--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--daemonize", "no"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("the private redis-server did not start")
    yield process, port
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


class SilentListener:
    """Accepts TCP connections and never says a word."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def silent_listener():
    listener = SilentListener()
    yield listener
    listener.close()


def _timed(client, method, url, **kwargs):
    started = time.monotonic()
    response = getattr(client, method)(url, **kwargs)
    return response, time.monotonic() - started


def _reader_urls(article):
    return [
        "/",
        "/kk/",
        f"/{article.rubric.slug}/",
        article.get_absolute_url("ru"),
        article.get_absolute_url("kk"),
        "/search/?q=школа",
        "/rss/",
    ]


@pytest.fixture
def fresh_counters():
    counters.discard_pending()
    yield
    counters.discard_pending()


# Redis ------------------------------------------------------------------------


def test_reader_pages_and_view_counts_survive_redis_stopping(
    db, article, redis_server, settings, fresh_counters
):
    process, port = redis_server
    settings.CACHES = _redis_cache(port)
    client = Client(raise_request_exception=False)
    for url in _reader_urls(article):
        assert client.get(url).status_code == 200, url
    health = client.get("/healthz").json()
    assert health["cache"] == "ok"
    failures_before = health["view_counter_redis_failures"]

    process.terminate()
    process.wait(timeout=10)

    for url in _reader_urls(article):
        response, seconds = _timed(client, "get", url)
        assert response.status_code == 200, url
        assert seconds < SLOW, (url, seconds)
    # Views counted while Redis is down are kept and reach the database.
    for n in range(3):
        response, seconds = _timed(
            client, "post", f"/_/views/{article.pk}/", HTTP_USER_AGENT=f"{BROWSER_UA} {n}"
        )
        assert response.status_code == 200
        assert seconds < SLOW
    # ...and what was kept aside shows on /healthz.
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["database"] == "ok"
    assert health.json()["cache"] == "error"
    assert health.json()["view_counter_redis_failures"] >= failures_before + 3
    call_command("flush_views", verbosity=0)
    article.refresh_from_db()
    assert article.views == 3


def test_reader_pages_answer_when_redis_never_answers(
    db, article, silent_listener, settings, fresh_counters
):
    settings.CACHES = _redis_cache(silent_listener.port)
    client = Client(raise_request_exception=False)
    for url in _reader_urls(article):
        response, seconds = _timed(client, "get", url)
        assert response.status_code == 200, url
        assert seconds < SLOW, (url, seconds)
    response, seconds = _timed(
        client, "post", f"/_/views/{article.pk}/", HTTP_USER_AGENT=BROWSER_UA
    )
    assert response.status_code == 200
    assert seconds < SLOW
    call_command("flush_views", verbosity=0)
    article.refresh_from_db()
    assert article.views == 1
    health, seconds = _timed(client, "get", "/healthz")
    assert health.status_code == 200
    assert health.json()["cache"] == "error"
    assert seconds < SLOW


def test_after_a_hang_redis_is_skipped_for_a_while_then_used_again(
    db, article, redis_server, settings, fresh_counters
):
    _process, port = redis_server
    relay = DatabaseRelay("127.0.0.1", port)  # any TCP service: here Redis
    settings.CACHES = _redis_cache(relay.port)
    settings.REDIS_BREAKER_SECONDS = 1
    client = Client(raise_request_exception=False)
    url = article.get_absolute_url("ru")
    beacon = f"/_/views/{article.pk}/"
    try:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"

        relay.set("silent")  # Redis hangs: the page and the beacon wait once, at most
        response, seconds = _timed(client, "get", url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"  # rendered from the database
        assert seconds < 3
        response, seconds = _timed(client, "post", beacon, HTTP_USER_AGENT=BROWSER_UA)
        assert response.json() == {"views": None, "text": None}  # counted in the process
        # While the breaker is open nothing even tries Redis.
        tried = len(relay.sockets)
        for path in ("/", "/kk/", url):
            response, seconds = _timed(client, "get", path)
            assert response.status_code == 200
            assert seconds < 3, (path, seconds)
        assert len(relay.sockets) == tried

        relay.set("forward")  # Redis is back: after the pause, the next call uses it
        time.sleep(1.1)
        assert client.get("/healthz").json()["cache"] == "ok"
        assert client.get(url)["X-Page-Cache"] in {"hit", "miss"}
        assert client.get(url)["X-Page-Cache"] == "hit"
        # Views count in Redis again; after a flush the beacon knows the count.
        assert client.post(beacon, HTTP_USER_AGENT=f"{BROWSER_UA} 2").status_code == 200
        call_command("flush_views", verbosity=0)
        response = client.post(beacon, HTTP_USER_AGENT=f"{BROWSER_UA} 3")
        assert response.json()["views"] == 3
        call_command("flush_views", verbosity=0)
    finally:
        relay.close()
    article.refresh_from_db()
    assert article.views == 3


# A hanging Redis under gunicorn, as in production ------------------------------

# What the site's own process prints about the article it made.
_MAKE_CONTENT = """
from datetime import timedelta
from django.utils import timezone
from articles.models import Article, Rubric
rubric = Rubric.objects.create(name_ru="Актау", name_kk="Ақтау", slug="aktau", position=1)
article = Article.objects.create(
    title_ru="В Актау открыли новую школу", lead_ru="Школа на 1200 мест.",
    body_ru="<p>Школа на 1200 мест открылась в 17 микрорайоне.</p>",
    title_kk="Ақтауда жаңа мектеп ашылды", lead_kk="1200 орындық мектеп.",
    body_kk="<p>17 шағын ауданда 1200 орындық мектеп ашылды.</p>",
    rubric=rubric, status="published", published_at=timezone.now() - timedelta(hours=1),
)
print(article.pk, article.get_absolute_url("ru"), article.get_absolute_url("kk"))
"""
_VIEWS = "from articles.models import Article; print(Article.objects.get().views)"
HOST = "news.example.kz"


def _http(port, method, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=SLOW)
    started = time.monotonic()
    try:
        connection.request(method, path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, body, time.monotonic() - started


@pytest.fixture
def site_database(tmp_path):
    """A SQLite file with one article in both languages, made by the site's own commands."""
    environ = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "REDIS_URL": "",
    }
    migrate = run_manage("migrate", "--no-input", "-v", "0", **environ)
    assert migrate.returncode == 0, migrate.stderr
    made = run_manage("shell", "-c", _MAKE_CONTENT, **environ)
    assert made.returncode == 0, made.stderr
    pk, ru, kk = made.stdout.strip().splitlines()[-1].split()
    return environ, {"pk": int(pk), "ru": ru, "kk": kk}


@pytest.fixture
def gunicorn_on_silent_redis(site_database, silent_listener, tmp_path):
    """The site under gunicorn (one worker, four threads); its Redis accepts, never answers."""
    environ, content = site_database
    port = _spare_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    env.update(PRODUCTION)
    env.update(environ)
    env.update(
        SECRET_KEY="g" * 60,
        REDIS_URL=f"redis://127.0.0.1:{silent_listener.port}/0",
        CACHE_KEY_PREFIX="faults",
        REDIS_BREAKER_SECONDS="1",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
    )
    log = open(tmp_path / "gunicorn.log", "w+")
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn")
            if (ROOT / ".venv" / "bin" / "gunicorn").exists()
            else "gunicorn",
            "newsroom.wsgi:application",
            *("--config", str(ROOT / "newsroom" / "gunicorn_conf.py")),
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"),
            *("--timeout", "30", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    try:
        assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
        yield process, port, content, environ
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
        log.seek(0)
        print(log.read()[-3000:])
        log.close()


def test_gunicorn_serves_pages_from_the_database_within_3s_when_redis_hangs(
    gunicorn_on_silent_redis,
):
    process, port, content, environ = gunicorn_on_silent_redis
    pages = [
        "/",
        "/kk/",
        content["ru"],
        content["kk"],
        "/aktau/",
        "/kk/aktau/",
        "/search/?q=школа",
        "/kk/search/?q=мектеп",
    ]
    # A new worker's first request loads templates, catalogs and URL patterns;
    # it also meets the hanging Redis first and opens the breaker.
    status, _body, cold = _http(port, "GET", "/healthz")
    assert status == 200
    assert cold < SLOW
    # Then each page, the first of them after the breaker's pause: it tries
    # Redis again and waits its timeout once.
    time.sleep(1.2)
    timings = {}
    for path in pages:
        status, body, seconds = _http(port, "GET", quote(path, safe="/?=&"))
        assert status == 200, (path, body[:500])
        timings[path] = seconds
        # The bound: the page answers in under 3 s, rendered from the database.
        assert seconds < 3, (path, seconds)
    assert "Ақтауда жаңа мектеп ашылды" in _http(port, "GET", content["kk"])[1].decode()

    # Four threads at once, after the breaker's pause ended: one of them tries
    # Redis again (and waits its timeout), the others skip it.
    time.sleep(1.2)
    with ThreadPoolExecutor(max_workers=8) as pool:
        burst = list(pool.map(lambda path: _http(port, "GET", quote(path, safe="/?=&")), pages))
    assert [status for status, _body, _seconds in burst] == [200] * len(pages)
    assert max(seconds for _status, _body, seconds in burst) < 3

    # The beacon answers at once and counts inside the process.
    beacons = []
    for reader in range(3):
        status, body, seconds = _http(
            port,
            "POST",
            f"/_/views/{content['pk']}/?lang=ru",
            **{"User-Agent": f"{BROWSER_UA} {reader}"},
        )
        assert status == 200
        assert seconds < 3
        beacons.append(seconds)
    status, body, seconds = _http(port, "GET", "/healthz")
    health = json.loads(body)
    assert status == 200
    assert health["cache"] == "error"
    assert health["views_waiting_in_process"] == 3
    print(
        f"\nRedis hanging, gunicorn 1 worker x 4 threads: first request {cold:.2f}s; "
        + ", ".join(f"{path} {seconds:.2f}s" for path, seconds in timings.items())
        + f"; burst of {len(pages)} max {max(s for _x, _y, s in burst):.2f}s"
        + f"; beacons {', '.join(f'{s:.3f}s' for s in beacons)}"
    )

    # A worker that stops writes what it kept to the database.
    process.terminate()
    process.wait(timeout=30)
    views = run_manage("shell", "-c", _VIEWS, **environ)
    assert views.stdout.strip().splitlines()[-1] == "3", views.stdout + views.stderr


# PostgreSQL -------------------------------------------------------------------


class DatabaseRelay:
    """A TCP relay in front of PostgreSQL that a test can cut or silence.

    ``forward``: relays bytes both ways; ``refuse``: nothing listens (the
    database is stopped); ``silent``: connections are accepted and never
    answered (the database host hangs).
    """

    def __init__(self, host, port):
        self.target = (host, int(port))
        self.port = _spare_port()
        self.mode = "forward"
        self.sockets = []
        self.listener = None
        self._listen()

    def _listen(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.mode != "forward":
                continue  # silent: hold it, say nothing
            upstream = socket.create_connection(self.target)
            self.sockets.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _cut(self):
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.sockets = []

    def set(self, mode):
        self._cut()
        if self.listener is not None:
            # shutdown() wakes the thread blocked in accept(), which
            # otherwise keeps the port bound after close().
            try:
                self.listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.listener.close()
            self.listener = None
        self.mode = mode
        if mode != "refuse":
            self._listen()

    def close(self):
        self.set("refuse")


@contextmanager
def database_through(relay):
    settings_dict = connection.settings_dict
    saved = (settings_dict["HOST"], settings_dict["PORT"])
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", relay.port
    try:
        yield
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = saved


def _serve(client, url):
    """One request as a WSGI server runs it: stale connections are dropped
    before and after (the test client switches that off for test transactions).
    """
    close_old_connections()
    try:
        return _timed(client, "get", url)
    finally:
        close_old_connections()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (CI run 2)")
def test_database_away_cached_pages_stay_others_get_503_and_service_returns(
    transactional_db, article, settings
):
    assert connection.settings_dict["OPTIONS"].get("connect_timeout") == 2
    relay = DatabaseRelay(
        connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"] or 5432
    )
    client = Client(raise_request_exception=False)
    cached = article.get_absolute_url("ru")
    try:
        with database_through(relay):
            response, _ = _serve(client, cached)
            assert response.status_code == 200
            assert _serve(client, cached)[0]["X-Page-Cache"] == "hit"

            for mode in ("refuse", "silent"):
                relay.set(mode)
                response, seconds = _serve(client, cached)
                assert response.status_code == 200, mode
                for url, first in ((f"/?{mode}=1", "ru"), (f"/kk/?{mode}=1", "kk")):
                    response, seconds = _serve(client, url)
                    body = response.content.decode()
                    assert response.status_code == 503, (mode, url)
                    # The bound: a plain 503 within 3 seconds.
                    assert seconds < 3, (mode, url, seconds)
                    assert response["Retry-After"]
                    assert "Traceback" not in body
                    assert f'<html lang="{first}">' in body
                    assert body.count("<section lang=") == 2
                health, seconds = _serve(client, "/healthz")
                assert health.status_code == 503
                assert health.json()["database"] == "error"
                assert seconds < SLOW

            relay.set("forward")
            response, _ = _serve(client, "/?back=1")
            assert response.status_code == 200
            assert _serve(client, "/healthz")[0].json()["database"] == "ok"
            assert Article.objects.filter(pk=article.pk).exists()
    finally:
        relay.close()
