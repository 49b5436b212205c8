"""Readers comment under an article: plain text, premoderated, refused with a reason."""

from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from articles.models import Article, Comments
from comments.models import Comment

from .readers import make_comment, make_reader, sign_in
from .test_admin_articles import change_url, form_data, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_client(client, caplog):
    client.reader = sign_in(client, caplog)
    return client


def test_a_comment_waits_for_moderation_by_default(reader_client, article):
    response = reader_client.post(f"/comments/{article.pk}/", {"text": "Наконец-то школа!"})
    assert response.status_code == 302
    page = reader_client.get(response["Location"]).content.decode()
    assert "Ваш комментарий ждёт модерации" in page
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.reader == reader_client.reader
    # Not shown to anyone before a moderator approves it.
    block = Client().get(f"/comments/{article.pk}/block/").content.decode()
    assert "Наконец-то школа!" not in block and "0 комментариев" in block


def test_post_moderation_publishes_at_once(reader_client, article, settings):
    settings.COMMENTS_PREMODERATION = False
    response = reader_client.post(f"/kk/comments/{article.pk}/", {"text": "Керемет жаңалық"})
    assert "Пікіріңіз жарияланды" in reader_client.get(response["Location"]).content.decode()
    block = Client().get(f"/kk/comments/{article.pk}/block/").content.decode()
    assert "Керемет жаңалық" in block and "1 пікір" in block


def test_html_script_and_links_show_as_plain_text(article):
    typed = '<script>alert(1)</script> <a href="https://spam.example">жми</a> https://spam.example'
    make_comment(article, make_reader(), text=typed)
    html = Client().get(f"/comments/{article.pk}/block/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://spam.example"' not in html and '<a href="https://spam' not in html


def test_each_comment_shows_the_name_and_local_time_in_the_pages_format(article):
    comment = make_comment(article, make_reader(name="Ерлан"))
    for prefix in ("", "/kk"):
        html = Client().get(f"{prefix}/comments/{article.pk}/block/").content.decode()
        assert "Ерлан" in html
        local = comment.created_at.astimezone(ZoneInfo("Asia/Aqtau"))
        assert local.strftime("%d.%m.%Y, %H:%M") in html


def test_replies_are_one_level_deep(reader_client, article, settings):
    settings.COMMENTS_PREMODERATION = False
    root = make_comment(article, make_reader(phone="+77000000001", name="Ерлан"))
    reader_client.post(f"/comments/{article.pk}/", {"text": "Ответ", "parent": root.pk})
    reply = Comment.objects.get(text="Ответ")
    assert reply.parent == root
    reader_client.post(f"/comments/{article.pk}/", {"text": "Ответ на ответ", "parent": reply.pk})
    assert Comment.objects.get(text="Ответ на ответ").parent == root


def test_a_ten_thousand_character_comment_is_refused_and_kept_in_the_form(reader_client, article):
    text = "Очень длинно. " * 715  # over 10,000 characters
    for prefix, message in (("", "не больше 2000 символов"), ("/kk", "ең көбі 2000 таңба")):
        response = reader_client.post(f"{prefix}/comments/{article.pk}/", {"text": text})
        assert response.status_code == 400
        html = response.content.decode()
        assert message in html
        assert text.strip() in html  # the reader's text is given back whole
    assert not Comment.objects.exists()


def test_a_flood_from_one_account_gets_429_in_the_readers_language(
    reader_client, article, settings
):
    settings.COMMENTS_PER_READER_HOUR = 3
    statuses = [
        reader_client.post(f"/kk/comments/{article.pk}/", {"text": f"Пікір {n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    response = reader_client.post(f"/kk/comments/{article.pk}/", {"text": "тағы"})
    assert "Пікір тым көп" in response.content.decode()
    assert ">тағы</textarea>" in response.content.decode()
    assert Comment.objects.count() == 3


def test_a_flood_from_one_address_gets_429(article, caplog, settings):
    settings.COMMENTS_PER_ADDRESS_HOUR = 2
    statuses = []
    for n in range(3):
        client = Client()
        sign_in(client, caplog, phone=f"+7701000000{n}")
        statuses.append(client.post(f"/comments/{article.pk}/", {"text": "Спам"}).status_code)
    assert statuses == [302, 302, 429]


def test_closed_draft_and_unknown_articles_are_refused(reader_client, make_article, rubric):
    closed = make_article(comments=Comments.CLOSED)
    response = reader_client.post(f"/comments/{closed.pk}/", {"text": "Можно?"})
    assert response.status_code == 403
    assert "Комментарии к этой статье закрыты" in response.content.decode()
    draft = make_article(status=Article.Status.DRAFT)
    assert reader_client.post(f"/comments/{draft.pk}/", {"text": "Можно?"}).status_code == 404
    assert reader_client.post("/comments/999999/", {"text": "Можно?"}).status_code == 404
    hidden = make_article(comments=Comments.HIDDEN)
    assert reader_client.post(f"/comments/{hidden.pk}/", {"text": "Можно?"}).status_code == 404
    assert not Comment.objects.exists()


def test_a_rubric_sets_the_default_and_an_article_overrides_it(reader_client, make_article, rubric):
    rubric.comments = Comments.CLOSED
    rubric.save()
    inherits = make_article()
    opened = make_article(comments=Comments.OPEN)
    assert reader_client.post(f"/comments/{inherits.pk}/", {"text": "Да"}).status_code == 403
    assert reader_client.post(f"/comments/{opened.pk}/", {"text": "Да"}).status_code == 302


def test_a_forged_post_without_csrf_is_refused(article, caplog):
    client = Client(enforce_csrf_checks=True)
    sign_in_client = Client()
    sign_in(sign_in_client, caplog)
    client.cookies = sign_in_client.cookies  # the reader's own session, no CSRF token
    response = client.post(f"/comments/{article.pk}/", {"text": "Подделка"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_blocked_reader_is_refused(reader_client, article):
    reader_client.reader.blocked_at = reader_client.reader.created_at
    reader_client.reader.save()
    response = reader_client.post(f"/kk/comments/{article.pk}/", {"text": "Тағы да"})
    assert response.status_code == 403
    assert "Аккаунтыңыз бұғатталған" in response.content.decode()
    assert ">Тағы да</textarea>" in response.content.decode()  # the typed text is given back
    assert not Comment.objects.exists()


def test_an_anonymous_reader_is_sent_to_sign_in(client, article):
    response = client.post(f"/comments/{article.pk}/", {"text": "Аноним"})
    assert response.status_code == 403
    assert "/comments/signin/?next=" in response.content.decode()
    page = client.get(f"/comments/{article.pk}/").content.decode()
    assert "Войти по телефону, чтобы комментировать" in page
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"text": "Ответ", "parent": "9" * 30},
        {"text": "Ответ", "parent": "-1"},
        {"text": "Ответ", "parent": "abc"},
        {"text": "Ответ", "parent": "999999"},
        {"text": "\x00"},
        {"text": ""},
        {},
    ],
)
def test_bad_comment_posts_get_a_message_never_a_500(reader_client, article, data):
    response = reader_client.post(f"/comments/{article.pk}/", data)
    assert response.status_code == 400
    assert 'class="field__errors"' in response.content.decode() or "form-errors" in (
        response.content.decode()
    )
    assert not Comment.objects.exists()


@pytest.mark.parametrize("url", ["/comments/signin/", "/comments/code/", "/comments/terms/"])
@pytest.mark.parametrize(
    "data", [{"phone": "9" * 5000}, {"code": "\x00"}, {"display_name": "x" * 5000, "accept": "1"}]
)
def test_bad_sign_in_posts_never_answer_500(client, caplog, url, data):
    client.post("/comments/signin/", {"phone": "+77011234567"})
    assert client.post(url, data).status_code < 500


def test_editors_open_close_or_hide_comments_in_the_article_form_reporters_cannot(client, article):
    client.force_login(make_user("editor", "Editors"))
    page = client.get(change_url(article)).content.decode()
    assert 'name="comments"' in page
    response = client.post(change_url(article), form_data(article, comments="closed"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.comments == "closed" and article.comments_state == "closed"

    client.force_login(make_user("reporter", "Reporters"))
    assert 'name="comments"' not in client.get(change_url(article)).content.decode()
    client.post(change_url(article), form_data(article, comments="open"))
    article.refresh_from_db()
    assert article.comments == "closed"
