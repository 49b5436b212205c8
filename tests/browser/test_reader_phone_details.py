"""On a phone (390 px), in Chromium: counts keep number and word together;
signing in to comment keeps the number, leads back to the article, and the
comment box says its limit and counts, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.readers import last_code, make_comment, make_reader

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# Every count element drawn on one line (a broken one has two boxes).
BROKEN_COUNTS = """() => [...document.querySelectorAll(".meta__comments, .meta__views")]
  .filter((count) => count.getClientRects().length > 1)
  .map((count) => count.textContent)"""


@pytest.fixture
def commented(make_article, rubric):
    rubric.name_ru = "Новости Мангыстау"
    rubric.name_kk = "Маңғыстау жаңалықтары"
    rubric.save()
    article = make_article(views=15970)
    reader = make_reader()
    make_comment(article, reader, text="Наконец-то")
    make_comment(article, reader, text="Хорошо")
    return article


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_counts_keep_number_and_word_on_one_line_on_a_phone(
    browser, live_server, commented, language
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    prefix = "/kk" if language == "kk" else ""
    for url in (commented.get_absolute_url(language), f"{prefix}/"):
        page.goto(live_server.url + url)
        expect(page.locator(".meta__comments").first).to_be_visible()
        # The meta line wraps somewhere between 300 and 430 px: never inside a count.
        for width in range(300, 431, 6):
            page.set_viewport_size({"width": width, "height": 844})
            assert page.evaluate(BROKEN_COUNTS) == [], (url, width)
    context.close()


def _to_comments(page, live_server, article):
    page.goto(live_server.url + article.get_absolute_url("ru"))
    page.goto(f"{live_server.url}/comments/{article.pk}/")
    page.get_by_role("link", name="Войти по телефону, чтобы комментировать").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_signing_in_keeps_the_number_and_the_box_says_its_limit(
    browser, live_server, article, caplog, javascript
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    _to_comments(page, live_server, article)

    page.fill("#id_phone", "8 701 123 45 12")
    page.get_by_role("button", name="Отправить код").click()
    expect(page.locator("main")).to_contain_text("+7 701 123 45 12")
    # Changing one's mind about the number: it is still there to correct.
    page.get_by_role("link", name="Запросить новый код или изменить номер").click()
    expect(page.locator("#id_phone")).to_have_value("+7 701 123 45 12")
    page.get_by_role("button", name="Отправить код").click()

    page.fill("#id_code", last_code(caplog))
    page.get_by_role("button", name="Подтвердить").click()
    page.fill("#id_display_name", "Айгерим")
    page.check("#id_accept")
    page.get_by_role("button", name="Принять и продолжить").click()

    # The limit is said before anything is typed, tied to the box.
    box = page.locator("#id_text")
    expect(page.locator("#id_text_helptext")).to_be_visible()
    expect(page.locator("#id_text_helptext")).to_contain_text("до 2\xa0000 символов")
    assert box.get_attribute("aria-describedby") == "id_text_helptext"
    counter = page.locator("[data-char-counter]")
    if javascript:
        expect(counter).to_have_text("0 / 2\xa0000")
        box.fill("Школа отличная")
        expect(counter).to_have_text("14 / 2\xa0000")
        box.fill("я" * 2001)
        expect(counter).to_have_text("2\xa0001 / 2\xa0000")
        expect(counter).to_have_class("field__counter field__counter--over")
    else:
        assert counter.count() == 0
    # Too long is refused by the server, with the text given back; then it goes.
    box.fill("я" * 2001)
    page.get_by_role("button", name="Отправить", exact=True).click()
    expect(page.locator(".field__errors")).to_contain_text("2001")
    assert page.locator("#id_text").input_value() == "я" * 2001
    page.locator("#id_text").fill("Школа отличная")
    page.get_by_role("button", name="Отправить", exact=True).click()
    expect(page.locator(".notice")).to_contain_text("ждёт модерации")
    assert Comment.objects.get().text == "Школа отличная"
    context.close()


def test_too_many_codes_leads_back_to_the_article(browser, live_server, article, settings):
    settings.READER_CODES_PER_PHONE_HOUR = 1
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    _to_comments(page, live_server, article)
    page.fill("#id_phone", "8 701 123 45 12")
    page.get_by_role("button", name="Отправить код").click()
    page.get_by_role("link", name="Запросить новый код или изменить номер").click()
    page.get_by_role("button", name="Отправить код").click()
    expect(page.locator("h1")).to_have_text("Подождите")
    page.get_by_role("link", name="Вернуться к статье").click()
    page.wait_for_url(live_server.url + article.get_absolute_url("ru"))
    expect(page.locator("h1")).to_contain_text(article.title_ru)
    context.close()


def test_the_kazakh_comment_box_counts_as_the_page_writes_numbers(
    browser, live_server, article, caplog
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/kk/comments/{article.pk}/")
    page.get_by_role("link", name="Пікір жазу үшін телефонмен кіру").click()
    page.fill("#id_phone", "8 701 123 45 12")
    page.get_by_role("button", name="Код жіберу").click()
    expect(page.locator("main")).to_contain_text("+7 701 123 45 12")
    page.fill("#id_code", last_code(caplog))
    page.get_by_role("button", name="Растау").click()
    page.fill("#id_display_name", "Қуаныш")
    page.check("#id_accept")
    page.get_by_role("button", name="Қабылдап, жалғастыру").click()
    expect(page.locator("#id_text_helptext")).to_contain_text("2\xa0000 таңбаға дейін")
    counter = page.locator("[data-char-counter]")
    expect(counter).to_have_text("0 / 2\xa0000")
    page.locator("#id_text").fill("ә" * 1500)
    expect(counter).to_have_text("1\xa0500 / 2\xa0000")
    context.close()
