"""A reader comments in Chromium, in Kazakh and in Russian; a moderator approves it.

Phone, the code from the console SMS backend's log, the rules, the comment,
"waiting for moderation"; then the moderator approves it in the admin, and
the count and the comment appear on the (page-cached) article.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from comments.models import Comment, Reader
from tests.readers import last_code

pytestmark = pytest.mark.browser

_moderators = import_module("comments.migrations.0002_moderators_role")
PASSWORD = "moderator-pass-2026"

WORDS = {
    "kk": {
        "none": "0 пікір",
        "one": "1 пікір",
        "write": "Пікір жазу",
        "signin": "Пікір жазу үшін телефонмен кіру",
        "send_code": "Код жіберу",
        "confirm": "Растау",
        "accept": "Қабылдап, жалғастыру",
        "send": "Жіберу",
        "waiting": "Пікіріңіз модерацияны күтуде",
        "approved": "1 пікір мақұлданды.",
        "text": "Мектеп керемет! <b>сілтеме</b> https://example.kz",
    },
    "ru": {
        "none": "0 комментариев",
        "one": "1 комментарий",
        "write": "Написать комментарий",
        "signin": "Войти по телефону, чтобы комментировать",
        "send_code": "Отправить код",
        "confirm": "Подтвердить",
        "accept": "Принять и продолжить",
        "send": "Отправить",
        "waiting": "Ваш комментарий ждёт модерации",
        "approved": "1 комментарий одобрен.",
        "text": "Отличная школа! <b>ссылка</b> https://example.kz",
    },
}


@pytest.fixture
def moderator(transactional_db):
    _moderators.create_role(apps, None)
    user = User.objects.create_user("moderator", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_reader_comments_and_the_moderator_approves_it(  # noqa: PLR0917
    browser, page, live_server, moderator, article, caplog, language
):
    words = WORDS[language]
    prefix = "/kk" if language == "kk" else ""
    article_url = live_server.url + article.get_absolute_url(language)

    # The article page (cached for everyone) loads its comments block.
    page.goto(article_url)
    expect(page.locator("#comments .comments__block")).to_be_visible()
    expect(page.locator("[data-comment-count]")).to_have_text(words["none"])
    page.get_by_role("link", name=words["write"]).click()
    page.get_by_role("link", name=words["signin"]).click()

    # Phone, the code from the console backend, the rules.
    page.fill("#id_phone", "8 701 123 45 12")
    page.get_by_role("button", name=words["send_code"]).click()
    page.fill("#id_code", last_code(caplog))
    page.get_by_role("button", name=words["confirm"]).click()
    page.fill("#id_display_name", "Айгерим")
    page.check("#id_accept")
    page.get_by_role("button", name=words["accept"]).click()

    # Back on the article's comments: write, send, wait for moderation.
    page.fill("#id_text", words["text"])
    page.get_by_role("button", name=words["send"], exact=True).click()
    expect(page.locator(".notice")).to_contain_text(words["waiting"])
    reader = Reader.objects.get()
    assert reader.phone == "+77011234512" and reader.terms_version
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.language == language

    # The moderator approves it in the admin, in the same language.
    admin = browser.new_context(locale="ru-RU").new_page()
    admin.goto(f"{live_server.url}{prefix}/admin/login/")
    admin.fill("#id_username", "moderator")
    admin.fill("#id_password", PASSWORD)
    admin.click("input[type=submit]")
    admin.wait_for_url(f"{live_server.url}{prefix}/admin/")
    admin.goto(f"{live_server.url}{prefix}/admin/comments/comment/")
    expect(admin.locator("#result_list")).to_contain_text("+7 7** *** **12")
    admin.check(f"input[name=_selected_action][value='{comment.pk}']")
    admin.select_option("select[name=action]", "approve")
    admin.locator("button[name=index]").click()
    expect(admin.locator(".messagelist")).to_contain_text(words["approved"])
    admin.context.close()

    # Any reader now sees the count and the comment, typed HTML as text.
    reader_page = browser.new_context(locale="ru-RU").new_page()
    reader_page.goto(article_url)
    expect(reader_page.locator("[data-comment-count]")).to_have_text(words["one"])
    expect(reader_page.locator("#comments .comment__text")).to_have_text(words["text"])
    expect(reader_page.locator("#comments .comment__author")).to_have_text("Айгерим")
    assert reader_page.locator("#comments .comment__text a").count() == 0
    reader_page.context.close()
