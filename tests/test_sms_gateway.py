"""The SMS gateway: a console backend for development, an HTTP backend for a real provider.

The HTTP backend is tested against a fake provider started here on
127.0.0.1: success, a 4xx refusal, a 5xx failure and a provider that never
answers. The reader gets a clear message, keeps what they typed, and the
token never reaches the log.
"""

import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from comments.models import SignInCode

from .manage_process import PRODUCTION, run_manage
from .readers import PHONE, PHONE_TYPED, last_code

pytestmark = pytest.mark.django_db

TOKEN = "tok-9f8e7d6c5b4a-secret"


class FakeProvider:
    def __init__(self, status):
        self.status = status
        self.received = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                provider.received.append((dict(self.headers), json.loads(body)))
                self.send_response(provider.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                # A provider's error body may echo the request: it is never logged.
                self.wfile.write(json.dumps({"echo": self.headers["Authorization"]}).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def http_gateway(settings):
    def configure(url):
        settings.SMS_BACKEND = "comments.sms.HttpBackend"
        settings.SMS_HTTP_URL = url
        settings.SMS_HTTP_SENDER = "AKTAUNEWS"
        settings.SMS_HTTP_TOKEN = TOKEN
        settings.SMS_HTTP_TIMEOUT = 1

    return configure


@pytest.fixture
def provider():
    providers = []

    def start(status):
        providers.append(FakeProvider(status))
        return providers[-1]

    yield start
    for fake in providers:
        fake.close()


def _log_text(caplog):
    return "\n".join(record.getMessage() for record in caplog.records)


def test_the_console_backend_is_the_default_and_logs_the_code(client, caplog):
    caplog.set_level(logging.INFO)
    assert client.post("/kk/comments/signin/", {"phone": PHONE_TYPED}).status_code == 302
    code = last_code(caplog)
    assert f"SMS to {PHONE}" in _log_text(caplog) and "сіздің кодыңыз" in _log_text(caplog)
    assert client.post("/kk/comments/code/", {"code": code}).status_code == 302


def test_the_http_backend_sends_the_code_to_the_provider(client, caplog, http_gateway, provider):
    caplog.set_level(logging.DEBUG)
    fake = provider(200)
    http_gateway(fake.url)
    response = client.post("/comments/signin/", {"phone": PHONE_TYPED})
    assert response.status_code == 302
    [(headers, body)] = fake.received
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert body["to"] == PHONE and body["from"] == "AKTAUNEWS"
    code = body["text"].split("код ")[1][:6]
    assert client.post("/comments/code/", {"code": code}).status_code == 302
    log = _log_text(caplog)
    assert TOKEN not in log and code not in log
    assert "SMS sent to +7 7** *** **12" in log


@pytest.mark.parametrize("status", [400, 401, 500, 503])
def test_a_provider_that_refuses_or_fails_gives_a_clear_message(
    client, caplog, http_gateway, provider, status
):
    caplog.set_level(logging.DEBUG)
    fake = provider(status)
    http_gateway(fake.url)
    response = client.post("/kk/comments/signin/", {"phone": PHONE_TYPED})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Қазір SMS жіберу мүмкін болмады" in html
    assert f'value="{PHONE_TYPED}"' in html  # what the reader typed is still there
    assert len(fake.received) == 1
    assert not SignInCode.objects.exists()  # no code that nobody received
    assert TOKEN not in _log_text(caplog)
    assert f"HTTP {status}" in _log_text(caplog)


def test_a_provider_that_never_answers_times_out_with_a_clear_message(client, caplog, http_gateway):
    caplog.set_level(logging.DEBUG)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections, never answers
    try:
        http_gateway(f"http://127.0.0.1:{silent.getsockname()[1]}/send")
        response = client.post("/comments/signin/", {"phone": PHONE_TYPED})
    finally:
        silent.close()
    assert response.status_code == 503
    assert "Сейчас не удалось отправить SMS" in response.content.decode()
    assert not SignInCode.objects.exists()
    assert TOKEN not in _log_text(caplog)
    assert "unreachable" in _log_text(caplog)


def test_a_refused_connection_gives_the_same_message(client, caplog, http_gateway):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    http_gateway(f"http://127.0.0.1:{port}/send")
    response = client.post("/comments/signin/", {"phone": PHONE_TYPED})
    assert response.status_code == 503
    assert TOKEN not in _log_text(caplog)


def test_production_with_the_console_backend_fails_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 30 + "-production-test-key-" + "y" * 30,
        **{**PRODUCTION, "SMS_BACKEND": "comments.sms.ConsoleBackend"},
    )
    assert result.returncode != 0
    assert "comments.W001" in result.stderr + result.stdout
