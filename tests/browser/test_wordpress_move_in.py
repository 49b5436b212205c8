"""In Chromium: an archive moved in from WordPress, as a reader and an editor meet it.

A reader follows an old link (a percent-encoded Cyrillic one, a Polylang
``/kk/`` one) and lands on the article in that language; an editor opens the
imported article in the admin and finds its photos, byline, rubric and tags.
"""

from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from tests import photo_files
from tests import wordpress_exports as wxr

pytestmark = pytest.mark.browser

RU_SLUG = "в-актау-открыли-набережную"
KK_SLUG = "ақтауда-жағалау-ашылды"


@pytest.fixture
def moved_in(transactional_db, tmp_path):
    """The outlet's export and uploads, imported as the README says."""
    folder = tmp_path / "uploads" / "2019" / "05"
    folder.mkdir(parents=True)
    (folder / "naberezhnaya.jpg").write_bytes(photo_files.jpeg((1200, 800)))
    terms = [
        wxr.category(5, "novosti-aktau", "Новости Актау"),
        wxr.category(6, "aqtau-zhanalyqtary", "Ақтау жаңалықтары"),
        wxr.term(7, "term_translations", "pll_cat", "pll_cat", wxr.php({"ru": 5, "kk": 6})),
        *wxr.polylang_languages(),
        wxr.translation_group(20, "pll_a", {"ru": 10, "kk": 11}),
    ]
    items = [
        wxr.attachment(
            50,
            "2019/05/naberezhnaya.jpg",
            parent=10,
            caption="Набережная Актау",
            alt="Набережная вечером",
            credit="Казинформ",
        ),
        wxr.post(
            10,
            "В Актау открыли набережную",
            "Набережная тянется на два километра.\n\nЖители довольны.",
            language="ru",
            group="pll_a",
            slug=RU_SLUG,
            categories=(("novosti-aktau", "Новости Актау"),),
            tags=(("aktau", "Актау"), ("blagoustrojstvo", "Благоустройство")),
            thumbnail="50",
        ),
        wxr.post(
            11,
            "Ақтауда жағалау ашылды",
            "Жағалаудың ұзындығы екі шақырым.",
            language="kk",
            group="pll_a",
            slug=KK_SLUG,
            categories=(("aqtau-zhanalyqtary", "Ақтау жаңалықтары"),),
        ),
    ]
    export = tmp_path / "export.xml"
    export.write_text(wxr.export(items, terms=terms), encoding="utf-8")
    call_command(
        "import_wordpress", str(export), "--uploads", str(tmp_path / "uploads"), stdout=StringIO()
    )
    return Article.objects.get(title_ru="В Актау открыли набережную")


def test_reader_following_old_links_lands_on_the_article_in_its_language(
    page, live_server, moved_in
):
    page.goto(f"{live_server.url}/2019/05/{quote(RU_SLUG)}/")
    assert page.url == f"{live_server.url}{moved_in.get_absolute_url('ru')}"
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text("В Актау открыли набережную")
    expect(page.locator("figure figcaption").first).to_contain_text("Набережная Актау")
    expect(page.locator("figure .credit").first).to_have_text("Фото: Казинформ")

    page.goto(f"{live_server.url}/kk/2019/05/{quote(KK_SLUG)}/")
    assert page.url == f"{live_server.url}{moved_in.get_absolute_url('kk')}"
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("h1")).to_have_text("Ақтауда жағалау ашылды")
    expect(page.locator("article")).not_to_contain_text("Набережная тянется")


def test_editor_finds_photos_byline_rubric_and_tags_of_an_imported_article(
    page, live_server, make_staff, admin_login, moved_in
):
    make_staff("asel", "Editors")
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{moved_in.pk}/change/")
    expect(page.locator("#id_byline")).to_have_value("Айгерим Сапарова")
    expect(page.locator("#id_rubric option[selected]")).to_have_text("Новости Актау")
    tags = page.locator("#id_tags").input_value()
    assert {name.strip() for name in tags.split(",")} == {"Актау", "Благоустройство"}
    preview = page.locator("#photos-group img.admin-photo-preview")
    expect(preview).to_have_count(1)
    # The rendition is a real picture the browser could load.
    assert preview.evaluate("img => img.complete && img.naturalWidth") > 0
    expect(page.locator("#id_photos-0-caption_ru")).to_have_value("Набережная Актау")
    expect(page.locator("#id_photos-0-credit_ru")).to_have_value("Казинформ")
    expect(page.locator("#id_photos-0-alt_ru")).to_have_value("Набережная вечером")
