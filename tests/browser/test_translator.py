"""The translator's day in the Kazakh admin, in Chromium: the workspace keeps the
Russian block beside the Kazakh one being typed, marks what changed in Russian,
and an outdated article leaves the queue once translated."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import strip_tags
from playwright.sync_api import expect

from articles.models import Article, Photo
from audit.models import AuditEntry
from tests.browser.editing import caret_settled
from tests.photo_files import jpeg

pytestmark = pytest.mark.browser

KK_EDITOR = "#ws-kk-body [contenteditable=true].ProseMirror"
WORDS_RU = "жители микрорайона рассказали корреспонденту что вечером во дворах темно".split()
WORDS_KK = "шағын аудан тұрғындары тілшіге кешке аулаларда қараңғы екенін айтты".split()


def long_body(words, paragraphs=40, per_paragraph=50):
    """About 2,000 words in paragraphs, with a subheading and a list every ninth block."""
    blocks = []
    for number in range(paragraphs):
        if number % 9 == 4:
            blocks.append(f"<h2>{words[0].capitalize()} {number}</h2>")
        if number % 9 == 7:
            items = "".join(f"<li>{words[k]} {number}-{k};</li>" for k in range(3))
            blocks.append(f"<ul>{items}</ul>")
        text = " ".join(words[(number + k) % len(words)] for k in range(per_paragraph))
        blocks.append(f"<p>{number}. {text.capitalize()}.</p>")
    return "".join(blocks)


def block_in_view(page, index):
    """Whether Russian block ``index`` is inside the window and the Russian pane."""
    return page.evaluate(
        """index => {
            const block = document.querySelector(`#ws-ru-body [data-block="${index}"]`);
            const pane = document.getElementById("ws-ru-body").getBoundingClientRect();
            const rect = block.getBoundingClientRect();
            const top = Math.max(pane.top, 0), bottom = Math.min(pane.bottom, innerHeight);
            const visible = Math.min(rect.bottom, bottom) - Math.max(rect.top, top);
            return {
                visible: visible >= Math.min(rect.height, bottom - top) - 1,
                current: block.classList.contains("ws-current"),
                top: rect.top, bottom: rect.bottom, paneTop: top, paneBottom: bottom,
            };
        }""",
        index,
    )


@pytest.fixture
def translator_page(browser, live_server, make_staff, admin_login):
    make_staff("aigerim", "Translators")
    context = browser.new_context(locale="kk-KZ", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(15_000)
    admin_login(page, "aigerim", prefix="/kk")
    yield page
    context.close()


def test_russian_block_stays_in_view_beside_the_kazakh_block_being_edited(
    translator_page, live_server, make_article
):
    page = translator_page
    body_ru, body_kk = long_body(WORDS_RU), long_body(WORDS_KK)
    article = make_article(body_ru=body_ru, body_kk=body_kk)
    assert len(strip_tags(body_ru.replace("><", "> <")).split()) > 2000
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    blocks = page.locator(f"{KK_EDITOR} > *")
    count = blocks.count()
    assert count == page.locator("#ws-ru-body [data-block]").count() > 40
    for index in (0, count // 2, count - 1):
        blocks.nth(index).click()
        page.wait_for_function(
            "i => document.querySelector(`#ws-ru-body [data-block='${i}']`)"
            ".classList.contains('ws-current')",
            arg=index,
        )
        state = block_in_view(page, index)
        assert state["visible"], (index, state)
        assert state["current"]
    # Same numbers of blocks: no warning.
    expect(page.locator(".ws-mismatch")).to_be_hidden()
    # A click on a Russian block puts the caret in its Kazakh block.
    page.locator("#ws-ru-body [data-block='3']").click()
    caret = page.evaluate(
        """selector => {
            const root = document.querySelector(selector);
            let node = getSelection().anchorNode;
            while (node && node.parentNode !== root) node = node.parentNode;
            return [...root.children].indexOf(node);
        }""",
        KK_EDITOR,
    )
    assert caret == 3


def test_different_block_counts_are_announced(translator_page, live_server, make_article):
    page = translator_page
    article = make_article(
        body_ru="<p>Первый.</p><p>Второй.</p><p>Третий.</p>",
        body_kk="<p>Бірінші.</p><p>Екінші мен үшінші.</p>",
    )
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    mismatch = page.locator(".ws-mismatch")
    expect(mismatch).to_be_visible()
    expect(mismatch).to_contain_text("Орысша мәтіндегі блок саны: 3, қазақша мәтінде: 2.")
    # Splitting the Kazakh paragraph in two pairs them up again.
    page.locator(f"{KK_EDITOR} > p").nth(1).click()
    page.keyboard.press("End")
    caret_settled(page)
    page.keyboard.press("Enter")
    page.keyboard.type("Үшінші.")
    expect(mismatch).to_be_hidden()


def test_translator_translates_an_outdated_article_from_the_kazakh_queue(
    translator_page, live_server, make_article
):
    page = translator_page
    article = make_article(
        title_ru="В Актау открыли новую школу",
        body_ru="<p>В здании 48 кабинетов.</p><h2>Что внутри</h2><p>Есть бассейн.</p>",
        title_kk="Ақтауда жаңа мектеп ашылды",
        body_kk="<p>Ғимаратта 48 кабинет бар.</p><h2>Ішінде не бар</h2><p>Бассейн бар.</p>",
        published_at=timezone.now() - timezone.timedelta(hours=3),
    )
    # An editor corrects the Russian after the translation was saved.
    article = Article.objects.get(pk=article.pk)
    article.body_ru = article.body_ru.replace("Есть бассейн.", "Есть бассейн и спортзал.")
    article.save()

    page.goto(f"{live_server.url}/kk/admin/")
    page.locator("#newsroom-shortcuts .queuelink").click()
    row = page.locator("#result_list tr", has_text="В Актау открыли новую школу")
    expect(row.locator(".translation-state--outdated")).to_be_visible()
    expect(row.locator(".field-words_to_translate")).to_have_text("2")  # "и спортзал"
    row.get_by_role("link", name="В Актау открыли новую школу").click()

    # The change is marked, word by word, and so is the Kazakh block to check.
    expect(page.locator("#ws-ru-body ins")).to_have_text("и спортзал")
    expect(page.locator("#ws-ru-body del")).to_have_count(0)
    marked = page.locator(f"{KK_EDITOR} > p").nth(1)
    assert "rgba(255, 193, 7" in marked.evaluate("el => getComputedStyle(el).backgroundColor")

    # Alt+Down from the start jumps to the marked block; type its new translation.
    page.locator(f"{KK_EDITOR} > p").first.click()
    page.keyboard.press("Alt+ArrowDown")
    expect(page.locator("#ws-ru-body [data-block='2']")).to_have_class(re.compile("ws-current"))
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    page.keyboard.type("Бассейн мен спорт залы бар.")
    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    article.refresh_from_db()
    assert article.body_kk.endswith("<p>Бассейн мен спорт залы бар.</p>")
    assert article.translation_state == "done"
    # Back in the queue, which it has left.
    expect(page).to_have_url(re.compile(r"/kk/admin/articles/article/\?translation=todo"))
    expect(page.locator("#changelist")).not_to_contain_text("В Актау открыли новую школу")


def test_editor_toolbar_speaks_kazakh_without_glyph_boxes(translator_page, live_server, article):
    page = translator_page
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    menubar = page.locator("#ws-kk-body .prose-menubar")
    expect(menubar.locator("button[title='жуан']")).to_have_count(1)
    expect(menubar.locator("button[title='болдырмау']")).to_have_count(1)
    expect(menubar.locator("button[title='bold']")).to_have_count(0)
    arrow = page.evaluate(
        "() => getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after')"
        ".content"
    )
    assert arrow in ('""', "none")
    menubar.locator(".prose-menubar__selected").click()
    expect(menubar.locator(".prose-menubar__option", has_text="Тақырып 2")).to_be_visible()
    expect(menubar.locator(".prose-menubar__option", has_text="Азатжол")).to_be_visible()


def test_editor_in_kazakh_mode_saves_only_what_they_typed(
    page, live_server, make_staff, admin_login, make_article
):
    make_staff("asel", "Editors")
    article = make_article(
        lead_kk="Бірінші жол.\nЕкінші жол.",
        body_kk="<p>Мектеп ашылды.</p><ul><li>физика кабинеті;</li><li>бассейн.</li></ul>",
    )
    article.tags.add("Актау")
    before = Article.objects.get(pk=article.pk)
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator("a.translatelink").click()
    expect(page.locator("#translation-workspace")).to_be_visible()
    page.fill("#id_title_kk", "Ақтауда жаңа мектеп ашылды!")
    # A stray keystroke in the body, taken back: the body is not rewritten.
    page.locator(f"{KK_EDITOR} > p").first.click()
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    after = Article.objects.get(pk=article.pk)
    assert after.title_kk == "Ақтауда жаңа мектеп ашылды!"
    for field in Article._meta.concrete_fields:
        if field.attname in {
            "title_kk",
            "title",
            "slug_kk",
            "version",
            "updated_at",
            "kk_changed_at",
        }:
            continue
        assert getattr(after, field.attname) == getattr(before, field.attname), field.attname
    assert list(after.tags.names()) == ["Актау"]


def test_refused_save_keeps_the_typed_kazakh_through_a_reload(
    translator_page, live_server, make_article
):
    page = translator_page
    article = make_article(
        body_ru="<p>В здании 48 кабинетов.</p>", body_kk="<p>Ғимаратта 48 кабинет бар.</p>"
    )
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    page.locator(f"{KK_EDITOR} > p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Аудармашының жаңа сөйлемі.")
    # Meanwhile an editor saves the Russian text.
    newer = Article.objects.get(pk=article.pk)
    newer.body_ru = "<p>В здании 52 кабинета.</p>"
    newer.save()

    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".errorlist.nonfield")).to_contain_text(str(newer.version))
    expect(page.locator(KK_EDITOR)).to_contain_text("Аудармашының жаңа сөйлемі.")
    expect(page.locator("#ws-ru-body ins")).to_have_text("52 кабинета")
    expect(page.locator(".ws-kept")).to_be_visible()

    # A reload brings the newest version; the typed text is offered back.
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    expect(page.locator(KK_EDITOR)).not_to_contain_text("Аудармашының жаңа сөйлемі.")
    page.locator(".ws-draft button", has_text="Қалпына келтіру").click()
    expect(page.locator(KK_EDITOR)).to_contain_text("Аудармашының жаңа сөйлемі.")
    page.locator("input[name=_publish_kk]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert "Аудармашының жаңа сөйлемі." in article.body_kk
    assert article.body_ru == "<p>В здании 52 кабинета.</p>"


def test_enter_in_a_kazakh_field_saves_without_confirming_anything(
    translator_page, live_server, make_article
):
    page = translator_page
    article = make_article(body_ru="<p>Было.</p>", body_kk="<p>Болды.</p>")
    edited = Article.objects.get(pk=article.pk)
    edited.body_ru = "<p>Стало.</p>"
    edited.save()
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".ws-confirm")).to_be_visible()
    page.fill("#id_title_kk", "Жаңа тақырып")
    page.locator("#id_title_kk").press("Enter")
    expect(page.locator(".messagelist .success")).to_be_visible()
    # Kept as the draft: readers go on seeing the published headline.
    article.refresh_from_db()
    assert article.kazakh_draft.title == "Жаңа тақырып"
    assert article.title_kk == "Ақтауда жаңа мектеп ашылды"
    assert not AuditEntry.objects.filter(action="confirm_translation").exists()
    # Saved, and still in the workspace.
    expect(page.locator("#translation-workspace")).to_be_visible()


@pytest.mark.parametrize(("width", "beside"), [(1280, True), (1440, True), (390, False)])
def test_russian_is_left_of_kazakh_from_1280_px_and_above_it_on_narrow_screens(  # noqa: PLR0917
    browser, live_server, make_staff, admin_login, make_article, width, beside
):
    make_staff("aigerim", "Translators")
    context = browser.new_context(locale="kk-KZ", viewport={"width": width, "height": 800})
    page = context.new_page()
    admin_login(page, "aigerim", prefix="/kk")
    article = make_article()
    Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("school.jpg", jpeg(), "image/jpeg"),
        caption_ru="Новая школа",
    )
    page.goto(f"{live_server.url}/kk/admin/articles/article/{article.pk}/change/")
    pairs = page.locator("#translation-workspace .ws-pair")
    assert pairs.count() == 3  # headline, lead, body
    for index in range(3):
        ru = pairs.nth(index).locator(".ws-ru > *").first.bounding_box()
        kk = pairs.nth(index).locator(".ws-kk").bounding_box()
        if beside:
            assert ru["x"] + ru["width"] <= kk["x"] and abs(ru["y"] - kk["y"]) < 5
        else:
            assert ru["y"] + ru["height"] <= kk["y"] + 1 and abs(ru["x"] - kk["x"]) < 5
    for name in ("caption", "alt", "credit"):
        ru = page.locator(
            f".translation-workspace-photos .fieldBox.field-russian_{name}"
        ).bounding_box()
        kk = page.locator(f".translation-workspace-photos .fieldBox.field-{name}_kk").bounding_box()
        assert (ru["x"] + ru["width"] <= kk["x"]) if beside else (ru["y"] + ru["height"] <= kk["y"])
    context.close()
