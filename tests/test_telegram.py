"""The newsroom's Telegram channels, against a fake Bot API served over real HTTP.

Tasks run as the database backend's worker runs them (``run_queue``);
time passes (time-machine) for deferred tasks, limits and the fake instead
of sleeping.
"""

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Photo
from audit.models import AuditEntry
from telegram import delivery
from telegram.models import Channel, Post
from tests.manage_process import ROOT
from tests.photo_files import jpeg
from tests.task_queue import run_queue
from tests.telegram_fake import KK, RU, TOKEN

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(transactional_db):
    # The roles' groups come from a data migration, which a transactional
    # test's flush removes: the editor gets the Editors' article permissions.
    user = User.objects.create_user("editor", password="x-secret-pass-1", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="articles"))
    return user


def later(**delta):
    """Time passes (by ``delta``), for the queue, the channels' limits and the fake alike."""
    return time_machine.travel(timezone.now() + timedelta(**delta), tick=True)


def publish(make_article, **fields):
    """An article published now, in both languages unless told otherwise."""
    return make_article(published_at=timezone.now(), **fields)


def post_of(article, language="ru"):
    return Post.objects.get(article=article, language=language)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def add_photo(article, color="red"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("p.jpg", jpeg((1200, 800), color=color), "image/jpeg"),
        caption_ru="Фото",
    )


# Publishing -------------------------------------------------------------------


def test_a_published_article_is_posted_to_each_languages_channel(telegram_api, make_article):
    article = publish(make_article, title_ru="Школа <№1> & сад", age_rating="18+")
    run_queue()
    [ru] = telegram_api.posts(RU)
    [kk] = telegram_api.posts(KK)
    assert ru["kind"] == "text"
    assert ru["text"].startswith("Школа <№1> & сад 18+\n\nШкола на 1200 мест")
    assert ru["html"].startswith("<b>Школа &lt;№1&gt; &amp; сад</b> 18+")
    assert f'<a href="http://127.0.0.1:8000{article.get_absolute_url("ru")}">' in ru["html"]
    assert kk["text"].startswith("Ақтауда жаңа мектеп ашылды 18+")
    assert f'href="http://127.0.0.1:8000{article.get_absolute_url("kk")}"' in kk["html"]
    assert "Сайтта оқу" in kk["text"]
    post = post_of(article)
    assert post.state == Post.State.POSTED
    assert post.message_id == ru["message_id"]
    assert post.link == f"https://t.me/{RU[1:]}/{ru['message_id']}"


def test_the_lead_photo_is_uploaded_from_our_jpeg_rendition(telegram_api, make_article, settings):
    article = make_article(status="draft", published_at=None)
    photo = add_photo(article)
    article.status = Article.Status.PUBLISHED
    article.save()
    run_queue()
    [ru] = telegram_api.posts(RU)
    photo.refresh_from_db()
    width, _height, name = [item for item in photo.renditions["jpeg"] if item[0] <= 1280][-1]
    assert ru["kind"] == "photo"
    assert ru["photo"] == (settings.MEDIA_ROOT / name).read_bytes()
    assert width == 1200


def test_captions_and_texts_over_the_limit_are_cut_at_a_word_never_in_an_entity(
    telegram_api, make_article
):
    lead = "Слово & <тег> " * 400  # 5600 characters, an entity every few words
    with_photo = make_article(status="draft", published_at=None, lead_ru=lead)
    add_photo(with_photo)
    with_photo.status = Article.Status.PUBLISHED
    with_photo.save()
    publish(make_article, lead_ru=lead)
    run_queue()
    photo_post, text_post = telegram_api.posts(RU)
    # The fake refuses what Telegram refuses: both parsed, both within the limits.
    assert photo_post["kind"] == "photo" and len(photo_post["text"]) <= 1024
    assert text_post["kind"] == "text" and len(text_post["text"]) <= 4096
    for post in (photo_post, text_post):
        lead_shown = post["text"].split("\n\n")[1]
        assert lead_shown.endswith("…")
        assert lead_shown[:-1].rstrip().endswith(("Слово", "&", "<тег>"))
        assert post["text"].endswith("Читать на сайте")
    assert len(text_post["text"]) > 3500


def test_no_age_mark_below_sixteen(telegram_api, make_article):
    publish(make_article, age_rating="12+", title_kk="")
    publish(make_article, age_rating="16+", title_ru="Для взрослых", title_kk="")
    run_queue()
    first, second = telegram_api.posts(RU)
    assert first["text"].split("\n")[0] == "В Актау открыли новую школу"
    assert second["text"].split("\n")[0] == "Для взрослых 16+"


def test_an_editor_publishes_in_the_admin_and_sees_the_post_on_the_form_and_the_list(
    telegram_api, client, editor, make_article
):
    from tests.test_admin_articles import form_data

    article = make_article(status="draft", published_at=None)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, status="published"))
    assert response.status_code == 302
    run_queue()
    post = post_of(article)
    assert post.state == Post.State.POSTED
    page = client.get(change_url(article)).text
    assert "опубликован в Telegram" in page
    assert post.link in page
    listing = client.get(reverse("admin:articles_article_changelist")).text
    assert "telegram-state--posted" in listing
    assert (
        AuditEntry.objects.filter(
            action="telegram", object_id=str(article.pk), details__telegram="posted"
        ).count()
        == 2
    )


def test_saving_twice_posts_once(telegram_api, make_article):
    article = publish(make_article)
    article.save()
    run_queue()
    article.save()
    run_queue()
    assert len(telegram_api.posts(RU)) == 1
    assert telegram_api.methods().count("sendMessage") == 2  # one per language


def test_a_scheduled_article_is_posted_when_its_time_comes_with_nobody_saving(
    telegram_api, make_article
):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    run_queue()
    assert telegram_api.posts(RU) == []
    assert post_of(article).state == Post.State.WAITING
    # Two hours pass: the article's time comes, and nobody saves anything.
    with later(hours=2, seconds=1):
        run_queue()
    assert len(telegram_api.posts(RU)) == 1
    assert len(telegram_api.posts(KK)) == 1


def test_a_rescheduled_article_waits_for_its_new_time(telegram_api, make_article):
    article = make_article(published_at=timezone.now() + timedelta(minutes=10))
    article.published_at = timezone.now() + timedelta(hours=5)
    article.save()
    with later(minutes=15):
        run_queue()
    assert telegram_api.posts(RU) == []
    assert post_of(article).state == Post.State.WAITING


def test_an_article_unpublished_before_its_time_is_never_posted(telegram_api, make_article):
    article = make_article(published_at=timezone.now() + timedelta(minutes=10))
    article.status = Article.Status.DRAFT
    article.save()
    with later(minutes=15):
        run_queue()
    assert telegram_api.posts(RU) == []
    assert post_of(article).state == Post.State.WITHDRAWN


def test_the_kazakh_version_is_posted_when_it_becomes_public(telegram_api, make_article):
    with time_machine.travel(timezone.now() - timedelta(hours=3), tick=True):
        article = publish(make_article, title_kk="", body_kk="", lead_kk="")
        run_queue()
    assert len(telegram_api.posts(RU)) == 1
    assert telegram_api.posts(KK) == []
    assert not Post.objects.filter(article=article, language="kk").exists()
    # Translated three hours later: the Kazakh publication is now.
    article.title_kk = "Ақтауда жаңа мектеп ашылды"
    article.body_kk = "<p>Мектеп ашылды.</p>"
    article.save()
    run_queue()
    [kk] = telegram_api.posts(KK)
    assert kk["text"].startswith("Ақтауда жаңа мектеп ашылды")
    assert len(telegram_api.posts(RU)) == 1


def test_not_for_telegram_posts_nothing_and_says_so(telegram_api, client, editor, make_article):
    article = publish(make_article, not_for_telegram=True)
    run_queue()
    assert telegram_api.posts(RU) == [] and telegram_api.posts(KK) == []
    assert post_of(article).state == Post.State.SKIPPED
    client.force_login(editor)
    page = client.get(change_url(article)).text
    assert "telegram-state--skipped" in page
    assert "<strong>Русский:</strong> не для Telegram" in page


# The archive stays out ------------------------------------------------------------


def test_connecting_a_channel_does_not_post_the_archive(settings, make_article):
    old = make_article(published_at=timezone.now() - timedelta(days=3))
    recent = make_article(published_at=timezone.now() - timedelta(minutes=20))
    # The channels are connected now.
    from tests.telegram_fake import TOKEN, FakeBotApi

    fake = FakeBotApi().start()
    try:
        settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_API_URL = TOKEN, fake.url
        settings.TELEGRAM_CHANNEL_RU, settings.TELEGRAM_CHANNEL_KK = RU, KK
        for article in (old, recent):
            article.lead_ru = "Уточнение."
            article.save()
        run_queue()
        assert fake.posts(RU) == [] and fake.posts(KK) == []
        fresh = publish(make_article, title_ru="Новая новость")
        run_queue()
        assert [post["text"].split("\n")[0] for post in fake.posts(RU)] == ["Новая новость"]
        assert Post.objects.filter(article=fresh).count() == 2
    finally:
        fake.stop()


def test_a_story_backdated_by_more_than_an_hour_posts_nothing(telegram_api, make_article):
    make_article(published_at=timezone.now() - timedelta(hours=1, minutes=5))
    make_article(published_at=timezone.now() - timedelta(minutes=50), title_ru="Свежая")
    run_queue()
    assert [post["text"].split("\n")[0] for post in telegram_api.posts(RU)] == ["Свежая"]


def test_loading_the_demo_posts_nothing(telegram_api, transactional_db):
    call_command("load_demo", verbosity=0)
    run_queue()
    assert Article.objects.exists()
    assert telegram_api.methods() == []
    assert not Post.objects.exists()


# Edits and withdrawal ----------------------------------------------------------


def test_a_changed_headline_or_lead_edits_the_post(telegram_api, make_article):
    article = publish(make_article, title_kk="", body_kk="")
    run_queue()
    article.title_ru = "Школу открыли досрочно"
    article.save()
    run_queue()
    [ru] = telegram_api.posts(RU)
    assert ru["text"].startswith("Школу открыли досрочно")
    assert telegram_api.methods() == ["sendMessage", "editMessageText"]
    article.body_ru = "<p>Другой текст, не в посте.</p>"
    article.save()
    run_queue()
    assert telegram_api.methods() == ["sendMessage", "editMessageText"]


def test_a_new_lead_photo_replaces_the_picture_and_a_caption_edit_keeps_it(
    telegram_api, make_article
):
    article = make_article(status="draft", published_at=None, title_kk="", body_kk="")
    first = add_photo(article, "red")
    article.status = Article.Status.PUBLISHED
    article.save()
    run_queue()
    picture = telegram_api.posts(RU)[0]["photo"]
    article.lead_ru = "Новый лид."
    article.save()
    run_queue()
    assert telegram_api.methods()[-1] == "editMessageCaption"
    assert telegram_api.posts(RU)[0]["photo"] == picture
    first.delete()
    add_photo(article, "blue")
    run_queue()
    [ru] = telegram_api.posts(RU)
    assert "editMessageMedia" in telegram_api.methods()
    assert ru["photo"] != picture
    assert "Новый лид." in ru["text"]


def test_an_edit_telegram_cannot_take_waits_longer_each_time_then_gives_up(
    telegram_api, client, editor, make_article
):
    article = publish(make_article, title_ru="Школу откроют в сентябре", title_kk="", body_kk="")
    run_queue()
    telegram_api.fail("editMessageText", 502, "Bad Gateway", times=delivery.MAX_ATTEMPTS)
    article.title_ru = "Школу открыли досрочно"
    article.save()
    waits = []
    with time_machine.travel(timezone.now(), tick=True) as clock:
        run_queue()
        for _ in range(delivery.MAX_ATTEMPTS - 1):
            blocked_until = Channel.objects.get(language="ru").blocked_until
            waits.append(round((blocked_until - timezone.now()).total_seconds()))
            clock.shift(waits[-1] + 1)
            run_queue()
    assert waits == [1, 2, 4, 8, 16, 32, 64]
    # Eight tries reached Telegram (each answered 502), none after the last.
    assert not telegram_api.injected["editMessageText"]
    assert "editMessageText" not in telegram_api.methods()
    # Given up: the post keeps its old headline, the editor reads why, in Russian.
    [ru] = telegram_api.posts(RU)
    assert ru["text"].startswith("Школу откроют в сентябре")
    post = post_of(article)
    assert (post.pending, post.update_attempts) == ("", 0)
    client.force_login(editor)
    assert (
        "Не удалось связаться с Telegram после нескольких попыток"
        in client.get(change_url(article)).text
    )
    # The channel is free again, and the next change is tried from the start.
    with later(minutes=5):
        [other] = russian_only(make_article, 1)
        article.title_ru = "Школу открыли в августе"
        article.save()
        run_queue()
    assert [post["text"].split("\n")[0] for post in telegram_api.posts(RU)] == [
        "Школу открыли в августе",
        other.title_ru,
    ]


def test_withdrawing_deletes_the_post(telegram_api, make_article):
    article = publish(make_article)
    run_queue()
    article.status = Article.Status.DRAFT
    article.save()
    run_queue()
    assert telegram_api.posts(RU) == [] and telegram_api.posts(KK) == []
    assert post_of(article).state == Post.State.WITHDRAWN
    assert telegram_api.methods().count("deleteMessage") == 2


def test_an_old_post_is_edited_to_say_withdrawn(telegram_api, make_article):
    article = publish(make_article, title_kk="", body_kk="")
    run_queue()
    post = post_of(article)
    telegram_api.age(RU, post.message_id, hours=50)
    Post.objects.filter(pk=post.pk).update(posted_at=timezone.now() - timedelta(hours=50))
    article.status = Article.Status.DRAFT
    article.save()
    run_queue()
    [ru] = telegram_api.posts(RU)
    assert ru["text"] == "Материал снят с публикации редакцией."
    assert post_of(article).state == Post.State.WITHDRAWN


def test_deleting_an_article_deletes_its_posts(telegram_api, make_article):
    article = publish(make_article)
    run_queue()
    article.delete()
    run_queue()
    assert telegram_api.posts(RU) == [] and telegram_api.posts(KK) == []


# Telegram's limits and failures ----------------------------------------------------


def russian_only(make_article, count, **fields):
    return [
        publish(make_article, title_ru=f"Новость {i + 1}", title_kk="", body_kk="", **fields)
        for i in range(count)
    ]


def headlines(fake, chat=RU):
    return [post["text"].split("\n")[0] for post in fake.posts(chat)]


def test_a_burst_of_thirty_reaches_the_channel_in_order_within_the_limit(
    telegram_api, make_article
):
    russian_only(make_article, 30)
    run_queue()
    assert headlines(telegram_api) == [f"Новость {i}" for i in range(1, 21)]
    assert Post.objects.filter(language="ru", state="waiting").count() == 10
    with later(seconds=62):
        run_queue()
    assert headlines(telegram_api) == [f"Новость {i}" for i in range(1, 31)]
    # Kept under the limit: Telegram never had to say 429, and nothing went twice.
    assert telegram_api.methods().count("sendMessage") == 30


def test_a_429_blocks_the_channel_for_every_worker_until_retry_after(
    telegram_api, client, editor, make_article
):
    telegram_api.fail("sendMessage", 429, "Too Many Requests: retry after 30", retry_after=30)
    [first] = russian_only(make_article, 1)
    run_queue()
    assert post_of(first).state == Post.State.WAITING
    client.force_login(editor)
    assert "ждёт лимита Telegram" in client.get(change_url(first)).text
    second = publish(make_article, title_ru="Вторая", title_kk="", body_kk="")
    run_queue()  # another worker, another task: the channel still waits
    assert telegram_api.posts(RU) == []
    with later(seconds=31):
        run_queue()
    assert headlines(telegram_api) == ["Новость 1", "Вторая"]
    assert post_of(second).state == Post.State.POSTED


def test_server_errors_and_unreachable_telegram_are_retried_with_backoff(
    telegram_api, settings, make_article
):
    telegram_api.fail("sendMessage", 502, "Bad Gateway", times=2)
    [article] = russian_only(make_article, 1)
    run_queue()
    assert post_of(article).state == Post.State.WAITING
    with later(seconds=2):
        run_queue()
        assert post_of(article).attempts == 2
    # Then Telegram cannot be reached at all (nothing listens there).
    settings.TELEGRAM_API_URL = "http://127.0.0.1:9"
    with later(seconds=5):
        run_queue()
    assert post_of(article).state == Post.State.WAITING
    settings.TELEGRAM_API_URL = telegram_api.url
    with later(seconds=15):
        run_queue()
    assert len(telegram_api.posts(RU)) == 1
    assert post_of(article).state == Post.State.POSTED


def test_no_answer_within_the_timeout_is_never_sent_again_by_itself(
    telegram_api, client, editor, make_article
):
    telegram_api.stall("sendMessage", 3)  # longer than TELEGRAM_TIMEOUT: posted, no answer
    [article] = russian_only(make_article, 1)
    run_queue()
    with later(minutes=10):
        run_queue()
    assert len(telegram_api.posts(RU)) == 1
    post = post_of(article)
    assert post.state == Post.State.FAILED
    client.force_login(editor)
    page = client.get(change_url(article)).text
    assert "Telegram не ответил: пост мог появиться в канале" in page
    assert "Попробовать снова" in page


def test_a_worker_killed_mid_send_leaves_no_second_post(telegram_api, make_article):
    [article] = russian_only(make_article, 1)
    # What a worker does just before its call to Telegram; then it is killed.
    assert Post.objects.claim(post_of(article).pk)
    run_queue()
    assert telegram_api.posts(RU) == []
    post = post_of(article)
    assert post.state == Post.State.FAILED
    assert post.error == delivery.INTERRUPTED
    assert AuditEntry.objects.filter(object_id=str(article.pk), details__telegram="unknown")


def test_a_bot_that_is_not_an_admin_fails_with_the_reason_and_try_again_sends_it(
    telegram_api, client, editor, make_article
):
    telegram_api.admin_of.discard(KK)
    article = publish(make_article)
    run_queue()
    post = post_of(article, "kk")
    assert post.state == Post.State.FAILED
    assert post.error == "Forbidden: bot is not a member of the channel chat"
    assert len(telegram_api.posts(RU)) == 1
    assert telegram_api.methods().count("sendMessage") == 2  # no retry by itself
    client.force_login(editor)
    page = client.get(change_url(article)).text
    assert "не опубликован: Forbidden: bot is not a member of the channel chat" in page
    # The bot is made an administrator; the editor presses "try again".
    telegram_api.admin_of.add(KK)
    retry = reverse("admin:telegram_post_retry", args=[post.pk])
    form_page = client.get(change_url(article))
    assert f'formaction="{retry}"' in form_page.text
    response = client.post(retry, {"csrfmiddlewaretoken": form_page.context["csrf_token"]})
    assert response.status_code == 302
    run_queue()
    assert len(telegram_api.posts(KK)) == 1
    assert post_of(article, "kk").state == Post.State.POSTED
    assert AuditEntry.objects.filter(
        object_id=str(article.pk), details__telegram="retry", actor=editor
    ).exists()


def test_only_editors_may_try_again(telegram_api, client, make_article):
    telegram_api.admin_of.discard(RU)
    [article] = russian_only(make_article, 1)
    run_queue()
    reporter = User.objects.create_user("reporter", password="x-secret-pass-1", is_staff=True)
    reporter.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_article", "change_article", "view_article"])
    )
    client.force_login(reporter)
    response = client.post(reverse("admin:telegram_post_retry", args=[post_of(article).pk]))
    assert response.status_code == 403
    assert post_of(article).state == Post.State.FAILED


def test_an_unknown_channel_fails_with_telegrams_reason(telegram_api, settings, make_article):
    settings.TELEGRAM_CHANNEL_RU = "@no_such_channel"
    [article] = russian_only(make_article, 1)
    run_queue()
    post = post_of(article)
    assert post.state == Post.State.FAILED
    assert post.error == "Bad Request: chat not found"


def test_two_workers_racing_post_each_article_once(telegram_api, make_article):
    russian_only(make_article, 6)
    telegram_api.stall("sendMessage", 0.3, times=6)  # slow answers: the workers overlap
    channel = Channel.objects.get(language="ru")
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            for _attempt in range(5):
                try:
                    delivery.work(channel.pk)
                    break
                except OperationalError as error:
                    # The SQLite test database is one in-memory database shared by
                    # the threads, whose table locks no busy timeout waits out
                    # ("table is locked"); a site's SQLite file waits instead.
                    if "table is locked" not in str(error):
                        raise
                    time.sleep(0.05)
        except Exception as error:  # reported below, with the test's failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    run_queue()  # what the busy worker left for later
    assert headlines(telegram_api) == [f"Новость {i}" for i in range(1, 7)]
    assert telegram_api.methods().count("sendMessage") == 6


def test_two_workers_claiming_the_same_post_one_wins(telegram_api, make_article):
    [article] = russian_only(make_article, 1)
    pk = post_of(article).pk
    barrier = threading.Barrier(2)
    won = []

    def claim():
        barrier.wait()
        won.append(Post.objects.claim(pk))
        connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False, True]


# Off, health, settings ---------------------------------------------------------------


def test_without_settings_nothing_is_posted_and_the_admin_says_telegram_is_off(
    client, editor, make_article
):
    article = publish(make_article)
    assert not Post.objects.exists()
    assert not DBTaskResult.objects.exists()
    client.force_login(editor)
    page = client.get(change_url(article)).text
    assert "Telegram выключен: задайте TELEGRAM_BOT_TOKEN" in page
    listing = client.get(reverse("admin:articles_article_changelist")).text
    assert '<span class="telegram-state telegram-state--off">выключен</span>' in listing


def test_healthz_reports_the_queue_and_a_worker_that_is_down(telegram_api, client, make_article):
    russian_only(make_article, 2)
    state = client.get("/healthz").json()["tasks"]
    assert state["state"] == "ok"
    assert state["waiting"] == 2
    with later(minutes=5):  # no worker ran for five minutes
        state = client.get("/healthz").json()["tasks"]
    assert state["state"] == "degraded"
    assert state["oldest_waiting_seconds"] >= 300
    run_queue()
    state = client.get("/healthz").json()["tasks"]
    assert state == {"state": "ok", "waiting": 0, "oldest_waiting_seconds": 0, "failed": 0}


@pytest.mark.parametrize("count", [3, 12])
def test_the_article_list_shows_the_channels_states_in_a_fixed_number_of_queries(  # noqa: PLR0917 - fixtures
    telegram_api, client, editor, make_article, django_assert_max_num_queries, count
):
    russian_only(make_article, count)
    run_queue()
    client.force_login(editor)
    client.get(reverse("admin:articles_article_changelist"))  # warm the session
    with django_assert_max_num_queries(15):
        listing = client.get(reverse("admin:articles_article_changelist")).text
    assert listing.count('class="telegram-state telegram-state--posted"') == count


def test_a_draft_without_kazakh_says_it_is_posted_when_published(
    telegram_api, client, editor, make_article
):
    article = make_article(status="draft", published_at=None, title_kk="", body_kk="")
    client.force_login(editor)
    page = client.get(change_url(article)).text
    assert "<strong>Русский:</strong> будет опубликован при публикации" in page
    assert "<strong>Казахский:</strong> будет опубликован при публикации" in page
    article.status = Article.Status.PUBLISHED
    article.save()
    run_queue()
    page = client.get(change_url(article)).text
    assert "<strong>Казахский:</strong> ждёт казахской версии" in page


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="a worker in another process needs a database both can open (PostgreSQL)",
)
def test_a_real_worker_killed_mid_send_never_posts_twice(telegram_api, make_article):
    """``manage.py db_worker`` in its own process, killed (SIGKILL) while Telegram posts."""
    telegram_api.stall("sendMessage", 5)  # Telegram posts it, then is slow to answer
    [article] = russian_only(make_article, 1)
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_CHANNEL_RU": RU,
        "TELEGRAM_CHANNEL_KK": KK,
        "TELEGRAM_API_URL": telegram_api.url,
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval=0.1", "-v", "0"],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not telegram_api.posts(RU) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert post_of(article).state == Post.State.SENDING
    finally:
        worker.kill()  # mid-send: the message is in the channel, its id is not with us
        worker.wait(10)
    run_queue()  # the next worker: the dead one's lease on the channel still holds
    assert post_of(article).state == Post.State.SENDING
    with later(seconds=75):  # the lease (2 × TELEGRAM_TIMEOUT + 10 s) has run out
        run_queue()
        post = post_of(article)
        assert post.state == Post.State.FAILED
        assert post.error == delivery.INTERRUPTED
        run_queue()
    assert len(telegram_api.posts(RU)) == 1
    assert telegram_api.methods().count("sendMessage") == 1


def test_an_editor_finds_the_posts_list_on_the_admin_index_and_reads_it(
    telegram_api, client, editor, make_article
):
    [article] = russian_only(make_article, 1)
    run_queue()
    client.force_login(editor)
    posts = reverse("admin:telegram_post_changelist")
    index = client.get(reverse("admin:index")).text
    assert f'href="{posts}"' in index
    listing = client.get(posts)
    assert listing.status_code == 200
    assert article.title_ru in listing.text
    # Reading, not editing: the rows are the worker's record.
    record = client.get(reverse("admin:telegram_post_change", args=[post_of(article).pk]))
    assert record.status_code == 200
    assert 'name="_save"' not in record.text


def test_a_reader_of_articles_only_does_not_see_the_posts(telegram_api, client, make_article):
    russian_only(make_article, 1)
    run_queue()
    viewer = User.objects.create_user("viewer", password="x-secret-pass-1", is_staff=True)
    viewer.user_permissions.add(*Permission.objects.filter(codename="view_article"))
    client.force_login(viewer)
    assert reverse("admin:telegram_post_changelist") not in client.get(reverse("admin:index")).text
    assert client.get(reverse("admin:telegram_post_changelist")).status_code == 403
