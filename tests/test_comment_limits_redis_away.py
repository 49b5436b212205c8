"""The limits on SMS codes and comments hold when Redis is away: 429, never let through.

Real failures as in tests/test_faults.py: a private ``redis-server`` stopped
mid-test, a port where nothing listens, a listener that accepts and never
answers. An outage must not be a window for SMS pumping.
"""

import time

import pytest
from django.test import Client

from comments.models import Comment, SignInCode
from tests import test_faults as faults

from .readers import PHONE_TYPED, last_code, sign_in

pytestmark = pytest.mark.django_db

redis_server = faults.redis_server
silent_listener = faults.silent_listener


def _refused_code_request(client, caplog, prefix=""):
    caplog.clear()
    started = time.monotonic()
    response = client.post(f"{prefix}/comments/signin/", {"phone": PHONE_TYPED})
    assert time.monotonic() - started < faults.SLOW
    assert response.status_code == 429
    assert not SignInCode.objects.exists()
    assert "SMS to" not in caplog.text  # the console gateway sent nothing
    return response.content.decode()


def test_codes_are_refused_when_redis_stops(client, caplog, redis_server, settings):
    process, port = redis_server
    settings.CACHES = faults._redis_cache(port)
    # While Redis answers, a code goes out as usual.
    assert client.post("/comments/signin/", {"phone": PHONE_TYPED}).status_code == 302
    SignInCode.objects.all().delete()

    process.terminate()
    process.wait(timeout=10)

    for _ in range(5):  # not one of them gets an SMS
        page = _refused_code_request(Client(), caplog)
    assert "Слишком много запросов кода" in page
    page = _refused_code_request(Client(), caplog, prefix="/kk")
    assert "Код тым көп сұралды" in page


def test_codes_are_refused_when_nothing_listens_at_redis_url(client, caplog, settings):
    settings.CACHES = faults._redis_cache(faults._spare_port())
    _refused_code_request(client, caplog)


def test_codes_are_refused_when_redis_never_answers(client, caplog, silent_listener, settings):
    settings.CACHES = faults._redis_cache(silent_listener.port)
    _refused_code_request(client, caplog)
    # The breaker is open now: the next one is refused at once.
    started = time.monotonic()
    _refused_code_request(Client(), caplog)
    assert time.monotonic() - started < 2


def test_code_checks_are_refused_when_redis_is_away(client, caplog, settings):
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    code = last_code(caplog)
    settings.CACHES = faults._redis_cache(faults._spare_port())
    response = client.post("/comments/code/", {"code": code})
    assert response.status_code == 429
    assert "comments_reader" not in client.session


@pytest.mark.parametrize("away", ["stopped", "hung"])
def test_comments_are_refused_when_redis_is_away(  # noqa: PLR0917
    client, caplog, article, silent_listener, settings, away
):
    sign_in(client, caplog)
    port = silent_listener.port if away == "hung" else faults._spare_port()
    settings.CACHES = faults._redis_cache(port)
    started = time.monotonic()
    response = client.post(f"/comments/{article.pk}/", {"text": "Пока Redis лежит"})
    assert time.monotonic() - started < faults.SLOW
    assert response.status_code == 429
    page = response.content.decode()
    assert "Слишком много комментариев" in page
    assert "Пока Redis лежит" in page  # given back to copy: nothing typed is lost
    assert not Comment.objects.exists()
