"""Plain text pasted into the body editor keeps its lists (issue #22, item 14): lines
starting with «•», «-», «—» or «1.», copied from a messenger or a .txt file."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

BODY = "#tab_id_body_{} .tiptap.ProseMirror"

# As a messenger or a .txt file gives it: text/plain only.
PASTED = (
    "Что нужно взять с собой:\n"
    "• паспорт;\n"
    "• свидетельство о рождении;\n"
    "— справку с места жительства.\n"
    "\n"
    "Порядок:\n"
    "1. Подать заявление.\n"
    "2. Дождаться SMS.\n"
    "3. Забрать документы.\n"
    "\n"
    "- Мы ждали три часа, сказал он.\n"
)


def paste_plain_text(page, selector, text):
    """A paste of ``text`` as the clipboard holds it after copying from a messenger."""
    page.locator(selector).click()
    page.keyboard.press("Control+a")
    page.evaluate(
        """([selector, text]) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            document.querySelector(selector).dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        [selector, text],
    )


def test_plain_text_pasted_with_bullets_and_numbers_is_saved_as_lists(
    page, live_server, make_staff, admin_login, article
):
    make_staff("asel", "Editors")
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    paste_plain_text(page, BODY.format("ru"), PASTED)
    editor = page.locator(BODY.format("ru"))
    expect(editor.locator("ul > li")).to_have_count(3)
    expect(editor.locator("ol > li")).to_have_count(3)
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    body = Article.objects.get(pk=article.pk).body_ru
    items = re.findall(r"<(ul|ol)>(.*?)</\1>", body)
    assert [(kind, re.findall(r"<li>(.*?)</li>", inner)) for kind, inner in items] == [
        ("ul", ["паспорт;", "свидетельство о рождении;", "справку с места жительства."]),
        ("ol", ["Подать заявление.", "Дождаться SMS.", "Забрать документы."]),
    ]
    assert "<p>Что нужно взять с собой:</p>" in body and "<p>Порядок:</p>" in body
    # A single dashed line is a line of dialogue, not a list of one.
    assert re.search(r"<p>-\s?Мы ждали три часа, сказал он.</p>", body)
    assert "Школа на 1200 мест" not in body  # the pasted text replaced the selection


def test_plain_text_without_list_marks_is_pasted_as_the_editor_does(
    page, live_server, make_staff, admin_login, article
):
    make_staff("asel", "Editors")
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    paste_plain_text(page, BODY.format("ru"), "Первый абзац.\n\nВторой абзац, 15 970 тенге.")
    editor = page.locator(BODY.format("ru"))
    expect(editor.locator("p", has_text="Второй абзац")).to_have_count(1)
    expect(editor.locator("ul, ol")).to_have_count(0)
