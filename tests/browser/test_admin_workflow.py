"""The newsroom's day in the real admin, in Chromium: write, illustrate, publish,
translate, be refused publishing as a reporter, and collide with a colleague."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Source, Tag

pytestmark = pytest.mark.browser


def choose(page, container, text):
    """Pick ``text`` in a Django autocomplete (select2) field inside ``container``."""
    page.locator(f"{container} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def show_language(page, field, code):
    """Open the ``code`` tab of a translated field, if the field has tabs."""
    tab = page.locator(f'a[href="#tab_id_{field}_{code}"]')
    if tab.count():
        tab.click()


def write_body(page, code, text):
    show_language(page, "body", code)
    editor = page.locator(f".field-body_{code} [contenteditable=true].ProseMirror")
    editor.click()
    page.keyboard.type(text)


def test_editor_creates_article_with_photo_sources_and_tags_and_publishes_it(  # noqa: PLR0917
    page, live_server, make_staff, admin_login, rubric, jpeg_file
):
    make_staff("asel", "Editors", first_name="Асель")
    Source.objects.create(name_ru="Казинформ", url="https://www.inform.kz", kind="agency")
    Tag.objects.create(name="Актау")
    Source.objects.create(name_ru="Акимат Мангистауской области", kind="official")
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    page.fill("#id_title_ru", "В Актау открыли новую набережную")
    page.fill("#id_lead_ru", "Набережная протянулась на два километра вдоль моря.")
    write_body(page, "ru", "Первый абзац новости. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Главное")
    page.keyboard.press("Control+b")
    choose(page, ".field-rubric", "Актау")
    # Existing tags are suggested while typing.
    page.locator("#id_tags").press_sequentially("Ак")
    expect(page.locator('#tag-suggestions option[value="Актау"]')).to_have_count(1)
    page.fill("#id_tags", "Актау, Новости Казахстана")
    page.select_option("#id_status", "published")

    page.locator("#photos-group .add-row a").click()
    page.set_input_files("#id_photos-0-image", str(jpeg_file))
    page.fill("#id_photos-0-caption_ru", "Новая набережная вечером")
    page.fill("#id_photos-0-credit_ru", "Фото: акимат Актау")
    page.fill("#id_photos-0-alt_ru", "Люди гуляют по набережной")

    for index, source in enumerate(["Казинформ", "Акимат"]):
        page.locator("#article_sources-group .add-row a").click()
        choose(page, f"#article_sources-{index} .field-source", source)
        page.select_option(f"#id_article_sources-{index}-role", "citing" if index else "reports")
        page.fill(f"#id_article_sources-{index}-position", str(index))

    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    article = Article.objects.get(title_ru="В Актау открыли новую набережную")
    assert article.is_published
    assert "<strong>Главное</strong>" in article.body_ru
    assert sorted(article.tags.names()) == ["Актау", "Новости Казахстана"]
    assert [s.source.name_ru for s in article.article_sources.order_by("position")] == [
        "Казинформ",
        "Акимат Мангистауской области",
    ]
    assert article.photos.get().credit_ru == "акимат Актау"  # the label is the site's

    # The changelist shows it with its thumbnail, and the reader sees it.
    page.goto(f"{live_server.url}/admin/articles/article/")
    expect(page.locator("img.admin-thumb")).to_have_count(1)
    page.goto(live_server.url + article.get_absolute_url("ru"))
    expect(page.locator("h1")).to_have_text("В Актау открыли новую набережную")
    expect(page.get_by_text("Фото: акимат Актау")).to_be_visible()
    expect(page.locator("strong", has_text="Главное")).to_be_visible()


def test_translator_fills_the_kazakh_tab_and_the_article_appears_on_kk(
    page, live_server, make_staff, admin_login, make_article
):
    make_staff("aigerim", "Translators")
    article = make_article(
        title_ru="В Актау отремонтируют дороги",
        title_kk="",
        lead_kk="",
        body_kk="",
        published_at=timezone.now() - timezone.timedelta(hours=2),
    )
    admin_login(page, "aigerim")
    page.goto(f"{live_server.url}/admin/")
    page.locator("#newsroom-shortcuts .queuelink").click()
    page.get_by_role("link", name="В Актау отремонтируют дороги").click()

    # Russian is shown read-only beside the Kazakh fields, the only inputs.
    expect(page.locator("#id_title_ru")).to_have_count(0)
    expect(page.locator("#translation-workspace .ws-ru").first).to_contain_text(
        "В Актау отремонтируют дороги"
    )
    show_language(page, "title", "kk")
    page.fill("#id_title_kk", "Ақтауда жолдар жөнделеді")
    show_language(page, "lead", "kk")
    page.fill("#id_lead_kk", "Биыл қаладағы 40 шақырым жол жөнделеді.")
    write_body(page, "kk", "Жөндеу жұмыстары мамыр айында басталады.")
    page.click("input[name=_publish_kk]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    article.refresh_from_db()
    assert article.title_kk == "Ақтауда жолдар жөнделеді"
    assert article.translation_state == "done"
    page.goto(f"{live_server.url}/kk/")
    expect(page.get_by_text("Ақтауда жолдар жөнделеді").first).to_be_visible()


def test_reporter_cannot_publish_even_with_a_forged_status(
    page, live_server, make_staff, admin_login, rubric
):
    make_staff("dias", "Reporters")
    admin_login(page, "dias")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    options = page.locator("#id_status option").evaluate_all("els => els.map(e => e.value)")
    assert options == ["draft", "review"]
    expect(page.locator("#id_published_at_0")).to_have_count(0)

    page.fill("#id_title_ru", "Заметка репортёра")
    write_body(page, "ru", "Текст заметки.")
    choose(page, ".field-rubric", "Актау")
    # Forge the choice the form does not offer.
    page.locator("#id_status").evaluate(
        "select => { select.add(new Option('published', 'published'));"
        " select.value = 'published'; }"
    )
    page.click("input[name=_save]")
    expect(page.locator(".field-status .errorlist")).to_be_visible()
    assert not Article.objects.exists()

    # The honest way: send it to review.
    page.select_option("#id_status", "review")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article = Article.objects.get()
    assert article.status == "review" and not article.is_published
    # And the bulk publish action is not offered.
    page.goto(f"{live_server.url}/admin/articles/article/")
    assert "publish_selected" not in page.content()


def test_second_editor_saving_an_old_version_is_refused(  # noqa: PLR0917
    page, browser, live_server, make_staff, admin_login, make_article
):
    make_staff("asel", "Editors", first_name="Асель", last_name="Нурланова")
    make_staff("erlan", "Editors")
    article = make_article(title_ru="Заголовок до правок")
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    other_context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    other = other_context.new_page()
    try:
        admin_login(page, "asel")
        admin_login(other, "erlan")
        page.goto(url)
        other.goto(url)

        page.fill("#id_title_ru", "Правка Асель")
        page.click("input[name=_continue]")
        expect(page.locator(".messagelist .success")).to_be_visible()

        other.fill("#id_title_ru", "Правка Ерлана")
        other.click("input[name=_continue]")
        refusal = other.locator(".errorlist.nonfield")
        expect(refusal).to_contain_text("версия 2")
        expect(refusal).to_contain_text("Асель Нурланова")
        # Erlan's text is still in his form; Asel's is in the database.
        expect(other.locator("#id_title_ru")).to_have_value("Правка Ерлана")
    finally:
        other_context.close()
    article.refresh_from_db()
    assert article.title_ru == "Правка Асель"
    assert article.version == 2
