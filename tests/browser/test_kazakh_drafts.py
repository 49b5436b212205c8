"""Translators in Chromium: half a translation saved as a draft stays off the site,
another translator continues it after the first signs out and publishes it; a
save the server confirmed leaves no "unsaved text" warning behind."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.editing import caret_settled

pytestmark = pytest.mark.browser

KK_EDITOR = "#ws-kk-body [contenteditable=true].ProseMirror"
BODY_RU = "".join(f"<p>Абзац {number} о пожаре на складе.</p>" for number in range(1, 5))


@pytest.fixture
def two_translators(make_staff):
    make_staff("aigerim", "Translators")
    make_staff("dana", "Translators")


def type_blocks(page, texts):
    page.locator(KK_EDITOR).click()
    for index, text in enumerate(texts):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.type(text)


def test_a_draft_survives_signing_out_and_another_translator_publishes_it(
    browser, live_server, two_translators, admin_login, make_article
):
    article = make_article(
        title_ru="На складе потушили пожар",
        lead_ru="",
        body_ru=BODY_RU,
        title_kk="",
        lead_kk="",
        body_kk="",
    )
    context = browser.new_context(locale="kk-KZ", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(15_000)
    reader = context.new_page()
    kazakh_url = f"{live_server.url}{article.get_absolute_url('kk')}"
    assert reader.goto(kazakh_url).status == 404

    admin_login(page, "aigerim", prefix="/kk")
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title_kk", "Қоймадағы өрт сөндірілді")
    type_blocks(page, ["Қойма туралы 1-абзац.", "Қойма туралы 2-абзац."])
    page.locator("input[name=_continue]").last.click()
    expect(page.locator(".messagelist .success")).to_contain_text("4 блоктың 2 қалды")
    assert reader.goto(kazakh_url).status == 404

    # Signed out; Dana signs in on the same browser and finds the draft in the queue.
    page.locator("#logout-form button").click()
    page.wait_for_url("**/admin/logout/")
    admin_login(page, "dana", prefix="/kk")
    page.goto(f"{live_server.url}/kk/admin/articles/article/?translation=todo")
    row = page.locator("#result_list tr", has_text="На складе потушили пожар")
    expect(row.locator(".translation-state--in-progress")).to_have_text(
        "жұмыста: 4 блоктың 2 қалды"
    )
    row.get_by_role("link", name="На складе потушили пожар").click()
    expect(page.locator(KK_EDITOR)).to_contain_text("Қойма туралы 2-абзац.")
    expect(page.locator(".ws-draft-state")).to_contain_text("aigerim")
    # Half done: publishing is refused and says what is missing.
    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".errorlist.nonfield")).to_contain_text("3–4")
    page.wait_for_selector("#translation-workspace.ws-ready")
    expect(page.locator(f"{KK_EDITOR} > p").last).to_have_text("Қойма туралы 2-абзац.")
    # To the end of the text, as a translator continuing it would.
    page.locator(KK_EDITOR).click()
    page.keyboard.press("Control+End")
    caret_settled(page)
    page.keyboard.press("Enter")
    page.keyboard.type("Қойма туралы 3-абзац.")
    page.keyboard.press("Enter")
    page.keyboard.type("Қойма туралы 4-абзац.")
    page.wait_for_function(
        "() => document.querySelector('[name=body_kk]').value.includes('4-абзац')"
    )
    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    # A reader whose browser has not kept the "not found" page (max-age) gets it.
    reader = browser.new_page()
    reader.goto(kazakh_url)
    expect(reader.locator("body")).to_contain_text("Қойма туралы 4-абзац.")
    reader.close()
    article.refresh_from_db()
    assert article.translation_state == "done"
    context.close()


def test_a_confirmed_save_leaves_no_unsaved_text_warning(
    browser, live_server, two_translators, admin_login, make_article
):
    article = make_article(
        body_ru="<p>Ущерб составил 15 970 тенге.</p><ul><li>склад;</li><li>гараж.</li></ul>",
        body_kk="",
        title_kk="",
    )
    context = browser.new_context(locale="kk-KZ", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(15_000)
    admin_login(page, "aigerim", prefix="/kk")
    url = f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/"
    page.goto(url)
    page.fill("#id_title_kk", "Қоймадағы өрт")
    # "- " at a block's start makes a list: the editor writes <li><p>, the server <li>.
    type_blocks(page, ["Залал 15 970 теңге болды.", "- қойма;", "гараж."])
    page.locator("input[name=_continue]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(KK_EDITOR)).to_contain_text("15 970")
    expect(page.locator(".ws-draft")).to_have_count(0)
    page.reload()
    expect(page.locator(KK_EDITOR)).to_contain_text("15 970")
    page.wait_for_selector("#translation-workspace.ws-ready")
    expect(page.locator(".ws-draft")).to_have_count(0)
    assert Article.objects.filter(pk=article.pk).exists()
    context.close()
