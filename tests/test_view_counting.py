"""Counting views behind the page cache: the beacon, the flush, most read."""

import os
import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from viewcounts import counters
from viewcounts.models import ArticleViewDay
from viewcounts.ranking import most_read

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
ON_SERVICES = os.environ.get("DATABASE_URL", "").startswith("postgres") and bool(
    os.environ.get("REDIS_URL")
)


@pytest.fixture(autouse=True)
def _no_pending_counts():
    counters.discard_pending()
    yield
    counters.discard_pending()


def _beacon(client, article_or_pk, address="203.0.113.7", agent=BROWSER):
    pk = getattr(article_or_pk, "pk", article_or_pk)
    return client.post(reverse("beacon", args=[pk]), REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def _views(article):
    article.refresh_from_db()
    return article.views


def _daily_total(article):
    return ArticleViewDay.objects.filter(article=article).aggregate(total=Sum("views"))["total"]


def test_a_reader_is_counted_once_within_the_window(client, article):
    for _ in range(3):
        assert _beacon(client, article).status_code == 200
    call_command("flush_views", verbosity=0)

    assert _views(article) == 1
    today = ArticleViewDay.objects.get(article=article)
    assert today.day == timezone.localdate()
    assert today.views == 1


def test_different_readers_each_count(client, article):
    _beacon(client, article, address="203.0.113.1")
    _beacon(client, article, address="203.0.113.2")
    _beacon(client, article, address="203.0.113.2", agent=BROWSER + " Firefox")
    call_command("flush_views", verbosity=0)
    assert _views(article) == 3
    assert _daily_total(article) == 3


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "TelegramBot (like TwitterBot)",
        "WhatsApp/2.23.20.0",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
    ],
)
def test_bots_are_not_counted(client, article, agent):
    assert _beacon(client, article, agent=agent).status_code == 204
    call_command("flush_views", verbosity=0)
    assert _views(article) == 0
    assert not ArticleViewDay.objects.exists()


def test_beacon_takes_only_post(client, article):
    assert client.get(reverse("beacon", args=[article.pk])).status_code == 405


def test_views_of_unpublished_scheduled_or_unknown_articles_are_dropped(
    client, article, make_article
):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    scheduled = make_article(published_at=timezone.now() + timedelta(days=1))
    for target in (draft, scheduled, 987654):
        assert _beacon(client, target).status_code == 200
    _beacon(client, article)
    call_command("flush_views", verbosity=0)

    assert _views(draft) == 0
    assert _views(scheduled) == 0
    assert _views(article) == 1
    assert list(ArticleViewDay.objects.values_list("article_id", flat=True)) == [article.pk]


def test_a_second_flush_adds_nothing(client, article):
    _beacon(client, article)
    call_command("flush_views", verbosity=0)
    call_command("flush_views", verbosity=0)
    assert _views(article) == 1
    assert _daily_total(article) == 1


def test_flush_adds_to_existing_counts(client, article):
    Article.objects.filter(pk=article.pk).update(views=41)
    ArticleViewDay.objects.create(article=article, day=timezone.localdate(), views=41)
    _beacon(client, article)
    call_command("flush_views", verbosity=0)
    assert _views(article) == 42
    assert _daily_total(article) == 42


def test_counts_reach_the_database_without_the_flush_command(client, article, settings):
    """The embedded default: web processes flush by themselves."""
    settings.VIEW_AUTOFLUSH_SECONDS = 1
    time.sleep(1.1)
    _beacon(client, article)
    assert _views(article) == 1


def test_counting_survives_a_redis_outage(client, article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
        }
    }
    settings.VIEW_AUTOFLUSH_SECONDS = 0
    assert client.get(article.get_absolute_url("ru")).status_code == 200
    assert _beacon(client, article).status_code == 200
    call_command("flush_views", verbosity=0)
    assert _views(article) == 1


def test_most_read_ranks_by_views_of_the_last_day_and_week(client, make_article):
    old_hit = make_article(title_ru="Вчерашний хит")
    today_hit = make_article(title_ru="Новость дня")
    quiet = make_article(title_ru="Тихая новость")
    today = timezone.localdate()
    ArticleViewDay.objects.create(article=old_hit, day=today - timedelta(days=3), views=500)
    ArticleViewDay.objects.create(article=quiet, day=today - timedelta(days=30), views=9000)
    for number in range(3):
        _beacon(client, today_hit, address=f"198.51.100.{number}")
    _beacon(client, old_hit)
    call_command("flush_views", verbosity=0)

    # As the sidebar asks for it.
    ranking = most_read(Article.objects.all(), (1, 7))
    day, week = ranking[1], ranking[7]
    assert day == [today_hit, old_hit]
    assert week == [old_hit, today_hit]
    assert quiet not in day
    assert quiet not in week


def _send_beacons(article, thread_number, count, failures):
    client = Client()
    try:
        for number in range(count):
            response = _beacon(
                client, article, address=f"10.{thread_number}.{number // 200}.{number % 200}"
            )
            if response.status_code != 200:
                failures.append(response.status_code)
    finally:
        connection.close()


def _run_concurrently(article, threads=20, beacons=50, flush_while_counting=True):
    failures = []
    workers = [
        threading.Thread(target=_send_beacons, args=(article, number, beacons, failures))
        for number in range(threads)
    ]
    for worker in workers:
        worker.start()
    flushes = 0
    while flush_while_counting and any(worker.is_alive() for worker in workers):
        call_command("flush_views", verbosity=0)
        flushes += 1
    for worker in workers:
        worker.join()
    call_command("flush_views", verbosity=0)
    assert failures == []
    return flushes


@pytest.mark.services
@pytest.mark.skipif(not ON_SERVICES, reason="needs DATABASE_URL=postgres://… and REDIS_URL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_beacons_and_flushes_lose_and_double_nothing(make_article, settings):
    """20 readers' threads × 50 beacons on PostgreSQL + Redis, flushes running meanwhile."""
    settings.VIEW_AUTOFLUSH_SECONDS = 1  # beacons flush too, racing the command
    article = make_article()
    flushes = _run_concurrently(article)
    assert flushes >= 2
    assert _views(article) == 1000
    assert _daily_total(article) == 1000


@pytest.mark.django_db(transaction=True)
def test_concurrent_beacons_in_one_process_all_count(make_article, settings):
    """The same with the embedded default (counts wait inside the process)."""
    if ON_SERVICES:
        pytest.skip("covered by the PostgreSQL + Redis test")
    settings.VIEW_AUTOFLUSH_SECONDS = 0  # SQLite: one writer at the end
    article = make_article()
    _run_concurrently(article, threads=10, beacons=50, flush_while_counting=False)
    assert _views(article) == 500
    assert _daily_total(article) == 500


class _Crash(BaseException):
    """A flush process killed (not an error the code could catch)."""


@pytest.mark.services
@pytest.mark.skipif(not ON_SERVICES, reason="needs DATABASE_URL=postgres://… and REDIS_URL")
@pytest.mark.django_db(transaction=True)
def test_a_flush_killed_after_writing_does_not_count_its_batch_twice(
    client, make_article, settings, monkeypatch
):
    settings.VIEW_AUTOFLUSH_SECONDS = 0
    article = make_article()
    for reader in range(7):
        assert _beacon(client, article, address=f"203.0.113.{reader}").status_code == 200
    redis = counters._redis()
    flushing = counters.cache.make_key(counters.FLUSHING)
    real_delete = type(redis).delete

    def killed_before_deleting(self, *keys):
        if flushing in keys:
            raise _Crash  # the database transaction has committed by now
        return real_delete(self, *keys)

    monkeypatch.setattr(type(redis), "delete", killed_before_deleting)
    with pytest.raises(_Crash):
        counters.flush()
    monkeypatch.undo()
    assert _views(article) == 7
    assert redis.exists(flushing)  # the batch is still there…
    _beacon(client, article, address="203.0.113.99")
    call_command("flush_views", verbosity=0)  # …and the next flush only deletes it
    assert not redis.exists(flushing)
    assert _views(article) == 8
    assert _daily_total(article) == 8


@pytest.mark.parametrize(
    ("language", "day_title", "week_title"),
    [("ru", "За 24 часа", "За 7 дней"), ("kk", "24 сағатта", "7 күнде")],
)
def test_sidebar_shows_most_read_in_24_hours_and_in_7_days(
    client, make_article, language, day_title, week_title
):
    last_week = make_article(title_ru="Хит прошлой недели", title_kk="Өткен аптаның хиті")
    today = make_article(title_ru="Новость дня", title_kk="Күн жаңалығы")
    reader = make_article(title_ru="Просто новость", title_kk="Жай жаңалық")
    day = timezone.localdate()
    ArticleViewDay.objects.create(article=last_week, day=day - timedelta(days=3), views=500)
    ArticleViewDay.objects.create(article=today, day=day, views=10)

    html = client.get(reader.get_absolute_url(language)).text
    sidebar = html.split('class="sidebar"', 1)[1].split("</aside>")[0]
    day_part, week_part = sidebar.split(week_title)
    assert day_title in day_part
    hit, news = (
        ("Өткен аптаның хиті", "Күн жаңалығы")
        if language == "kk"
        else (
            "Хит прошлой недели",
            "Новость дня",
        )
    )
    assert news in day_part and hit not in day_part  # read 3 days ago: not in 24 hours
    assert week_part.index(hit) < week_part.index(news)  # 500 views before 10


# The count a reader sees: the beacon's answer ------------------------------------


def _shown_views(client, url):
    """The view count as the article page prints it."""
    html = client.get(url).content.decode()
    return html.split('class="meta__views">', 1)[1].split("<", 1)[0]


@pytest.fixture
def no_autoflush(settings):
    """Flushes only when the test says so (the web process's own every few seconds are off)."""
    settings.VIEW_AUTOFLUSH_SECONDS = 0


def test_beacon_answers_the_current_count_while_the_cached_page_keeps_its_number(
    client, article, no_autoflush
):
    Article.objects.filter(pk=article.pk).update(views=41)
    url = article.get_absolute_url("ru")
    assert _shown_views(client, url) == "41 просмотр"
    # Before the article's first flush the beacon does not know the database's
    # number (it never asks the database): no count, the page keeps its own.
    assert _beacon(client, article, address="203.0.113.1").json() == {
        "views": None,
        "text": None,
    }
    call_command("flush_views", verbosity=0)
    assert _views(article) == 42

    answers = [
        _beacon(client, article, address=address).json()
        for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.3")
    ]
    # Two more readers counted, the repeats are not; each answer is the count now.
    assert [answer["views"] for answer in answers] == [42, 43, 44, 44]
    assert answers[0]["text"] == "42 просмотра"
    assert answers[2]["text"] == "44 просмотра"
    # The page stays the one the cache keeps, the same for every reader.
    first, second = client.get(url), Client().get(url)
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert "41 просмотр" in first.content.decode()

    # After the next flush the count comes from the database: the same number.
    call_command("flush_views", verbosity=0)
    assert _views(article) == 44
    assert _beacon(client, article, address="203.0.113.3").json()["views"] == 44
    assert _beacon(client, article, address="203.0.113.4").json()["views"] == 45


@pytest.mark.parametrize("language", ["ru", "kk"])
@pytest.mark.parametrize("views", [1, 3, 21, 15970])
def test_beacon_words_the_count_as_the_page_does(client, article, no_autoflush, language, views):
    Article.objects.filter(pk=article.pk).update(views=views - 1)
    _beacon(client, article)
    call_command("flush_views", verbosity=0)
    answer = client.post(
        reverse("beacon", args=[article.pk]) + f"?lang={language}",
        REMOTE_ADDR="203.0.113.7",  # the same reader again: not counted twice
        HTTP_USER_AGENT=BROWSER,
    ).json()
    assert answer["views"] == views == _views(article)
    cache.clear()  # the page rendered anew, with that number
    assert _shown_views(client, article.get_absolute_url(language)) == answer["text"]


def test_beacon_without_a_known_language_answers_in_russian(client, article, no_autoflush):
    _beacon(client, article)
    call_command("flush_views", verbosity=0)
    response = client.post(
        reverse("beacon", args=[article.pk]) + "?lang=xx", HTTP_USER_AGENT=BROWSER
    )
    assert response.json() == {"views": 2, "text": "2 просмотра"}
    assert response["Cache-Control"] == "private, no-store"


def test_beacon_never_asks_the_database(client, article, no_autoflush, django_assert_num_queries):
    with django_assert_num_queries(0):
        for reader in range(1, 11):
            _beacon(client, article, address=f"203.0.113.{reader}")
    call_command("flush_views", verbosity=0)  # the flush stores the numbers it wrote
    with django_assert_num_queries(0):
        answer = _beacon(client, article, address="203.0.113.99").json()
    assert answer["views"] == 11
