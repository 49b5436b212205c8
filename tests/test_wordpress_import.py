"""Moving in from WordPress: ``manage.py import_wordpress`` on exports shaped like real ones."""

import json
import tracemalloc
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, Photo, Rubric, Tag
from tests import photo_files
from tests import wordpress_exports as wxr
from wordpress.models import ImportedPost, OldAddress

pytestmark = pytest.mark.django_db(transaction=False)

CAPTION_BODY = (
    "В Актау открыли набережную.\nОна тянется на два километра.\n\n"
    '[caption id="attachment_50" align="aligncenter" width="300"]'
    '<a href="https://old-news.kz/wp-content/uploads/2019/05/naberezhnaya.jpg">'
    '<img class="size-medium wp-image-50" src="https://old-news.kz/wp-content/uploads/2019/05/'
    'naberezhnaya-300x200.jpg" alt="Набережная" width="300" height="200" /></a>'
    ' Набережная Актау. Фото: <a href="https://inform.kz">Казинформ</a>[/caption]\n\n'
    "[vc_row][vc_column]Жители довольны.[/vc_column][/vc_row]\n\n"
    '[contact-form-7 id="12" title="Форма"]'
)
KAZAKH_BODY = (
    "Ақтауда жағалау ашылды.\nОның ұзындығы екі шақырым.\n\n"
    '[caption id="attachment_51" width="300"]<img class="wp-image-51" src="https://old-news.kz/'
    'wp-content/uploads/2019/05/naberezhnaya-300x200.jpg" alt="Жағалау" /> Ақтау жағалауы[/caption]'
)


def bilingual_export():
    """A Polylang site: a Russian post and its Kazakh translation, and more around them."""
    terms = [
        wxr.category(5, "novosti", "Новости"),
        wxr.category(6, "zhanalyqtar", "Жаңалықтар"),
        wxr.term(7, "term_translations", "pll_cat", "pll_cat", wxr.php({"ru": 5, "kk": 6})),
        *wxr.polylang_languages(),
        wxr.translation_group(20, "pll_5cd0a1", {"ru": 10, "kk": 11}),
    ]
    items = [
        wxr.attachment(
            50,
            "2019/05/naberezhnaya.jpg",
            parent=10,
            caption="Набережная",
            alt="Набережная Актау",
            credit="Казинформ",
        ),
        wxr.attachment(51, "2019/05/naberezhnaya.jpg", parent=11, alt="Ақтау жағалауы"),
        wxr.post(
            10,
            "В Актау открыли набережную",
            CAPTION_BODY,
            language="ru",
            group="pll_5cd0a1",
            slug="в-актау-открыли-набережную",
            excerpt="Набережная <b>длиной</b> два километра.",
            tags=(("aktau", "Актау"),),
            thumbnail="50",
            sticky=True,
            comments=3,
        ),
        wxr.post(
            11,
            "Ақтауда жағалау ашылды",
            KAZAKH_BODY,
            language="kk",
            group="pll_5cd0a1",
            slug="ақтауда-жағалау-ашылды",
            date_gmt="2019-05-14 11:00:00",
            categories=(("zhanalyqtar", "Жаңалықтар"),),
            thumbnail="51",
        ),
        wxr.post(12, "Только по-русски", "Текст без перевода.", language="ru"),
        wxr.post(
            13,
            "Будущий материал",
            "Выйдет завтра.",
            language="ru",
            status="future",
            date_gmt="2099-01-01 06:00:00",
        ),
        wxr.post(
            14,
            "Черновик",
            "Пишется.",
            language="ru",
            status="draft",
            date_gmt="0000-00-00 00:00:00",
            date="2019-05-20 10:00:00",
        ),
        wxr.post(15, "Личное", "Скрыто.", language="ru", status="private"),
        wxr.post(16, "Удалённое", "В корзине.", language="ru", status="trash"),
        wxr.post(17, "О нас", "Страница.", post_type="page"),
        wxr.post(18, "Главная", "", post_type="nav_menu_item"),
    ]
    return wxr.export(items, terms=terms)


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads"
    (folder / "2019" / "05").mkdir(parents=True)
    (folder / "2019" / "05" / "naberezhnaya.jpg").write_bytes(photo_files.jpeg((1200, 800)))
    return folder


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path, *args, capture=None):
    from io import StringIO

    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(tmp_path, uploads, django_capture_on_commit_callbacks):
    path = write(tmp_path, bilingual_export())
    report = tmp_path / "report.json"
    with django_capture_on_commit_callbacks(execute=True):
        output = run(path, "--uploads", str(uploads), "--report", str(report))
    return {"path": path, "output": output, "report": json.loads(report.read_text())}


def test_russian_post_and_its_kazakh_translation_become_one_article(imported):
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    assert article.title_kk == "Ақтауда жағалау ашылды"
    assert article.status == Article.Status.PUBLISHED
    # The Russian post's time, not the translation's.
    assert article.published_at == datetime(2019, 5, 14, 9, 30, tzinfo=UTC)
    assert article.slug_ru == "v-aktau-otkryli-naberezhnuyu"
    assert article.slug_kk == "aqtauda-zhagalau-ashyldy"
    assert {row.post_id for row in ImportedPost.objects.filter(article=article)} == {10, 11}
    assert imported["report"]["translations_paired"] == 1


def test_body_gets_wordpress_paragraphs_and_loses_unknown_shortcodes(imported):
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    assert article.body_ru.startswith(
        "<p>В Актау открыли набережную.<br>\nОна тянется на два километра.</p>"
    )
    assert "<p>Жители довольны.</p>" in article.body_ru
    assert "[" not in article.body_ru and "Казинформ" not in article.body_ru
    assert imported["report"]["shortcodes"] == {"vc_row": 1, "vc_column": 1, "contact-form-7": 1}


def test_lead_is_plain_text_from_the_excerpt_and_sticky_means_pinned(imported):
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    assert article.lead_ru == "Набережная длиной два километра."
    assert article.lead_kk == ""  # an empty excerpt is an empty lead
    assert article.is_pinned
    assert not Article.objects.get(title_ru="Только по-русски").is_pinned


def test_caption_goes_to_the_photo_in_both_languages_with_alt_and_credit(imported):
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    photo = article.photos.get()
    # The credit typed at the end of the caption moves to the credit, worded as
    # the newsroom's own credits are; the picture's credit (a name in its
    # metadata) is on the Kazakh page too.
    assert photo.caption_ru == "Набережная Актау"
    assert photo.caption_kk == "Ақтау жағалауы"
    assert photo.alt_ru == "Набережная"
    assert photo.alt_kk == "Жағалау"
    # Stored as the name: the page says «Фото:» / «Сурет:» itself.
    assert photo.credit_ru == "Казинформ"
    assert photo.credit_kk == "Казинформ"
    # Through the same normalisation and renditions as an editor's upload.
    assert photo.image.name.startswith("photos/") and photo.renditions["jpeg"]


def test_author_display_name_is_the_byline_and_an_existing_staff_login_the_author(
    tmp_path, uploads
):
    editor = get_user_model().objects.create_user("aigerim", is_staff=True)
    run(write(tmp_path, bilingual_export()), "--uploads", str(uploads))
    article = Article.objects.get(title_ru="Только по-русски")
    assert article.byline == "Айгерим Сапарова"
    assert article.author == editor
    assert get_user_model().objects.count() == 1  # no account is made


def test_categories_become_rubrics_with_both_names_and_tags_become_tags(imported):
    rubric = Rubric.objects.get(slug="novosti")
    assert (rubric.name_ru, rubric.name_kk) == ("Новости", "Жаңалықтар")
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    assert article.rubric == rubric
    assert [tag.name for tag in article.tags.all()] == ["Актау"]
    assert Tag.objects.count() == 1


def test_statuses_scheduled_draft_private_trash_pages_menus_and_comments(imported):
    scheduled = Article.objects.get(title_ru="Будущий материал")
    assert scheduled.is_scheduled
    draft = Article.objects.get(title_ru="Черновик")
    assert draft.status == Article.Status.DRAFT
    # No GMT date on a draft: its local date, in the site's time zone.
    assert timezone.localtime(draft.published_at).hour == 10
    assert not Article.objects.filter(title_ru__in=["Личное", "Удалённое", "О нас"]).exists()
    report = imported["report"]
    assert report["skipped"] == {"private": 1, "trash": 1}
    assert report["not_imported"] == {"page": 1, "nav_menu_item": 1, "comment": 3}
    assert report["imported"] == 4
    assert "Не импортировано" in imported["output"] or "Not imported" in imported["output"]


def test_same_file_twice_changes_nothing_and_adds_nothing(imported, uploads):
    before = {a.pk: (a.version, a.updated_at) for a in Article.objects.all()}
    photos = set(Photo.objects.values_list("pk", flat=True))
    addresses = OldAddress.objects.count()
    report = imported["path"].parent / "again.json"
    run(imported["path"], "--uploads", str(uploads), "--report", str(report))
    again = json.loads(report.read_text())
    assert (again["imported"], again["updated"], again["unchanged"]) == (0, 0, 4)
    assert {a.pk: (a.version, a.updated_at) for a in Article.objects.all()} == before
    assert set(Photo.objects.values_list("pk", flat=True)) == photos
    assert OldAddress.objects.count() == addresses


def test_updated_export_updates_what_changed(imported, tmp_path, uploads):
    text = bilingual_export().replace("Текст без перевода.", "Текст, исправленный в WordPress.")
    report = tmp_path / "update.json"
    run(write(tmp_path, text, "newer.xml"), "--uploads", str(uploads), "--report", str(report))
    result = json.loads(report.read_text())
    assert (result["imported"], result["updated"], result["unchanged"]) == (0, 1, 3)
    article = Article.objects.get(title_ru="Только по-русски")
    assert article.body_ru == "<p>Текст, исправленный в WordPress.</p>"
    assert Article.objects.count() == 4
    assert Photo.objects.count() == 1


def test_updated_post_keeps_the_photo_of_an_unchanged_file_and_remakes_a_changed_one(
    imported, tmp_path, uploads, django_capture_on_commit_callbacks
):
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    photo = article.photos.get()
    first = (photo.pk, photo.image.name, photo.renditions)
    edited = bilingual_export().replace("Она тянется на два километра.", "Она длиной 2 км.")
    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, edited, "edited.xml"), "--uploads", str(uploads))
    photo = article.photos.get()
    assert (photo.pk, photo.image.name, photo.renditions) == first
    assert photo.caption_kk == "Ақтау жағалауы"
    assert "Она длиной 2 км." in Article.objects.get(pk=article.pk).body_ru

    # The picture itself replaced in the uploads: a new photo, new renditions.
    (uploads / "2019" / "05" / "naberezhnaya.jpg").write_bytes(photo_files.jpeg((1000, 700)))
    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, edited, "edited.xml"), "--uploads", str(uploads))
    photo = article.photos.get()
    assert photo.pk != first[0] and photo.image.name != first[1]
    assert photo.renditions["jpeg"] and photo.renditions != first[2]


def test_hostile_markup_is_sanitized_like_any_other_input(tmp_path):
    hostile = (
        '<script>alert(1)</script><p onclick="steal()">Текст</p>'
        '<a href="javascript:alert(2)">ссылка</a><iframe src="https://evil.example"></iframe>'
        '<img src=x onerror="alert(3)">'
    )
    run(write(tmp_path, wxr.export([wxr.post(30, "Опасный <b>пост</b>", hostile)])))
    article = Article.objects.get()
    assert article.title_ru == "Опасный пост"
    for bad in ("script", "onclick", "javascript:", "iframe", "onerror", "<img"):
        assert bad not in article.body_ru
    assert "Текст" in article.body_ru


def test_attachment_whose_file_is_missing_is_named_and_the_post_still_answers(tmp_path, client):
    items = [
        wxr.attachment(60, "2018/01/propal.jpg", parent=61),
        wxr.post(
            61,
            "Только фото",
            '<img class="wp-image-60" src="https://old-news.kz/'
            'wp-content/uploads/2018/01/propal.jpg">',
            thumbnail="60",
        ),
        wxr.post(
            62,
            "Фото и подпись",
            '[caption]<img src="https://old-news.kz/wp-content/'
            'uploads/2018/01/propal.jpg"> Подпись[/caption]',
            excerpt="Что случилось.",
        ),
    ]
    report = tmp_path / "r.json"
    output = run(
        write(tmp_path, wxr.export(items)), "--uploads", str(tmp_path), "--report", str(report)
    )
    result = json.loads(report.read_text())
    assert {"post": 62, "file": "2018/01/propal.jpg"} in result["missing_files"]
    # The skipped post's missing picture is named too: it is why the post is not there.
    assert {"post": 61, "file": "2018/01/propal.jpg"} in result["missing_files"]
    assert "2018/01/propal.jpg" in output
    # Nothing but the missing picture: skipped and reported, never an error page.
    assert {"post": 61, "reason": "no text"} in result["skipped_posts"]
    article = Article.objects.get()
    assert article.body_ru == "<p>Что случилось.</p>"
    assert client.get(article.get_absolute_url("ru")).status_code == 200


def test_a_category_without_a_kazakh_translation_is_named_for_the_editors(tmp_path):
    path = write(
        tmp_path,
        wxr.export(
            [
                wxr.post(80, "Матч в Актау", "Счёт 2:1.", categories=(("sport", "Спорт"),)),
                wxr.post(81, "Ещё матч", "Счёт 0:0.", categories=(("sport", "Спорт"),)),
            ]
        ),
    )
    report = tmp_path / "report.json"
    output = run(path, "--language", "ru", "--report", str(report))
    assert Rubric.objects.get(slug="sport").name_kk == ""
    assert "Рубрики без казахского названия (впишите его в админке, раздел «Рубрики»): Спорт" in (
        output.splitlines()
    )
    assert json.loads(report.read_text())["rubrics_without_kazakh"] == ["Спорт"]
    # Named once, when made: a second import finds the rubric there.
    again = tmp_path / "again.json"
    run(path, "--language", "ru", "--report", str(again))
    assert json.loads(again.read_text())["rubrics_without_kazakh"] == []


def test_site_without_polylang_imports_into_the_language_given(tmp_path):
    path = write(
        tmp_path, wxr.export([wxr.post(70, "Ақтауда жаңбыр", "Жаңбыр жауды.")], scheme="https")
    )
    run(path, "--language", "kk")
    article = Article.objects.get()
    assert article.title_kk == "Ақтауда жаңбыр"
    assert not article.title_ru
    assert article.languages == ["kk"]


def test_unpublished_kazakh_translation_stays_out_of_the_public_article(tmp_path):
    terms = [*wxr.polylang_languages(), wxr.translation_group(21, "pll_x", {"ru": 80, "kk": 81})]
    items = [
        wxr.post(80, "Опубликовано", "Текст.", language="ru", group="pll_x"),
        wxr.post(81, "Жоба", "Мәтін.", language="kk", group="pll_x", status="draft"),
    ]
    run(write(tmp_path, wxr.export(items, terms=terms)))
    article = Article.objects.get()
    assert article.is_published and article.languages == ["ru"]
    assert not article.title_kk


def test_dry_run_saves_nothing_and_reports(tmp_path, uploads):
    output = run(write(tmp_path, bilingual_export()), "--uploads", str(uploads), "--dry-run")
    assert not Article.objects.exists() and not OldAddress.objects.exists()
    assert not list((tmp_path / "media").rglob("*.jpg")) if (tmp_path / "media").exists() else True
    assert "4" in output


def test_broken_file_stops_with_its_line_and_keeps_whole_articles(tmp_path, uploads):
    text = bilingual_export()
    cut = text.index("<item>", text.index("Только по-русски"))
    broken = text[:cut] + "<item><title>Обрыв</title><wp:post_id>99</wp:post_"
    path = write(tmp_path, broken)
    with pytest.raises(CommandError) as error:
        run(path, "--uploads", str(uploads))
    line = broken.count("\n") + 1
    assert f"line {line}" in str(error.value) or f"строке {line}" in str(error.value)
    assert set(Article.objects.values_list("title_ru", flat=True)) == {
        "В Актау открыли набережную",
        "Только по-русски",
    }
    # The whole file again: it goes on from there.
    run(write(tmp_path, text), "--uploads", str(uploads))
    assert Article.objects.count() == 4


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match=r"export\.xml"):
        run(tmp_path / "export.xml")
    path = write(tmp_path, wxr.export([]))
    with pytest.raises(CommandError, match="nowhere"):
        run(path, "--uploads", str(tmp_path / "nowhere"))


def write_big_export(path, posts, paragraphs):
    """A bilingual export written in parts (a long body per post), never whole in memory."""
    group_terms = [
        wxr.translation_group(1000 + n, f"pll_{n}", {"ru": 2 * n + 1, "kk": 2 * n + 2})
        for n in range(posts // 2)
    ]
    head, tail = wxr.export_frame(terms=[*wxr.polylang_languages(), *group_terms])
    russian = "Жители Актау обсуждают новости Мангыстау и всего Казахстана. " * 6
    kazakh = "Ақтау тұрғындары Маңғыстау және бүкіл Қазақстан жаңалықтарын талқылайды. " * 5
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        for n in range(posts // 2):
            for offset, language, text in ((1, "ru", russian), (2, "kk", kazakh)):
                body = "\n\n".join(f"{number}. {text}" for number in range(paragraphs))
                out.write(
                    wxr.post(
                        2 * n + offset,
                        f"Материал {n} / {language}",
                        body,
                        language=language,
                        group=f"pll_{n}",
                    )
                )
        out.write(tail)


# Committed article by article, as on a real site: inside one test transaction the
# after-commit work of every article (page cache, Telegram) would pile up instead.
@pytest.mark.django_db(transaction=True)
def test_fifty_megabyte_export_is_streamed_in_bounded_memory(tmp_path):
    # What a process loads once (catalogs, templates, the image library) is not
    # the file's: a small import first, then the big one is measured.
    warm = tmp_path / "warm.xml"
    write_big_export(warm, posts=4, paragraphs=3)
    run(warm)
    path = tmp_path / "big.xml"
    write_big_export(path, posts=500, paragraphs=155)
    size = path.stat().st_size
    assert size > 50 * 1024 * 1024
    tracemalloc.start()
    try:
        run(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert Article.objects.count() == 250
    assert Article.objects.in_language("kk").count() == 250
    # Bounded by one article's text, not by the file: far below its size.
    # Bounded, not proportional to the file: a whole file read would be several
    # times its size; streaming keeps a few articles' text and the caches.
    assert peak < size / 2, f"peak {peak / 2**20:.1f} MB for a {size / 2**20:.0f} MB file"


def test_pages_cached_before_the_import_show_its_articles_and_related_ones(
    client, tmp_path, uploads, django_capture_on_commit_callbacks
):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, bilingual_export()), "--uploads", str(uploads))
    assert "В Актау открыли набережную" in client.get("/").content.decode()
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    page = client.get(article.get_absolute_url("ru")).content.decode()
    # Ranked once when the run ended: the other story of the same rubric and week.
    related = page.split('id="related-title"', 1)[1].split("</section>", 1)[0]
    assert "Только по-русски" in related


def test_import_costs_a_few_queries_per_article_however_many_addresses_it_has(
    tmp_path, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    folder = tmp_path / "uploads" / "2019" / "05"
    folder.mkdir(parents=True)
    items = []
    for n in range(10):
        (folder / f"foto-{n}.jpg").write_bytes(photo_files.jpeg((400, 300)))
        items.append(wxr.attachment(100 + n, f"2019/05/foto-{n}.jpg", parent=n + 1))
        items.append(
            wxr.post(
                n + 1,
                f"Новость {n}",
                f"Текст {n}.",
                thumbnail=str(100 + n),
                tags=(("aktau", "Актау"),),
            )
        )
    path = write(tmp_path, wxr.export(items))
    # Each article: its row, tags, photo (and renditions), the post's row and
    # its old addresses (link, ?p=, the picture and its two sizes) in one go.
    with django_assert_max_num_queries(10 * 22 + 10):
        with django_capture_on_commit_callbacks(execute=True):
            run(path, "--uploads", str(tmp_path / "uploads"))
    assert Article.objects.count() == 10
    assert OldAddress.objects.count() == 10 * 2 + 10 * 3


BLOCK_EDITOR_BODY = (
    "<!-- wp:paragraph -->\n<p>В 17 микрорайоне открылась школа на&nbsp;1200 мест.</p>\n"
    "<!-- /wp:paragraph -->\n\n"
    '<!-- wp:image {"id":70} -->\n<figure class="wp-block-image size-large">'
    '<img src="https://old-news.kz/wp-content/uploads/2024/01/shkola-1024x683.jpg" alt="Фасад"'
    ' class="wp-image-70"/><figcaption class="wp-element-caption">Фасад школы. Фото: '
    "пресс-служба акимата</figcaption></figure>\n<!-- /wp:image -->\n\n"
    '<!-- wp:gallery --><figure class="wp-block-gallery">'
    '<!-- wp:image {"id":71} --><figure class="wp-block-image"><img src="https://old-news.kz/'
    'wp-content/uploads/2024/01/zal.jpg" class="wp-image-71"/><figcaption>Спортзал</figcaption>'
    "</figure><!-- /wp:image --></figure><!-- /wp:gallery -->\n\n"
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} -->\n'
    '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
    "https://www.youtube.com/watch?v=abc\n</div></figure>\n<!-- /wp:embed -->\n\n"
    "<!-- wp:paragraph -->\n<p>&nbsp;</p>\n<!-- /wp:paragraph -->\n\n"
    '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Ждали пять лет.</p>'
    "<cite>Жительница</cite></blockquote><!-- /wp:quote -->"
)


def test_block_editor_post_reads_as_typed_its_figures_become_photos_with_captions(tmp_path):
    folder = tmp_path / "uploads" / "2024" / "01"
    folder.mkdir(parents=True)
    for name in ("shkola.jpg", "zal.jpg"):
        (folder / name).write_bytes(photo_files.jpeg((900, 600)))
    items = [
        wxr.attachment(70, "2024/01/shkola.jpg", parent=72),
        wxr.attachment(71, "2024/01/zal.jpg", parent=72),
        wxr.post(72, "Открылась школа", BLOCK_EDITOR_BODY),
    ]
    run(write(tmp_path, wxr.export(items)), "--uploads", str(tmp_path / "uploads"))
    article = Article.objects.get()
    assert article.body_ru == (
        "<p>В 17 микрорайоне открылась школа на&nbsp;1200 мест.</p>\n"
        '<p><a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer nofollow">'
        "https://www.youtube.com/watch?v=abc</a></p>\n"
        "<blockquote><p>Ждали пять лет.</p><p>— Жительница</p></blockquote>"
    )
    photos = [(p.caption_ru, p.credit_ru, p.alt_ru) for p in article.photos.order_by("position")]
    assert photos == [
        ("Фасад школы", "пресс-служба акимата", "Фасад"),
        ("Спортзал", "", ""),
    ]


def test_embedded_video_and_classic_editor_spacers_read_as_a_link_and_nothing(tmp_path):
    body = (
        "Смотрите видео.\n\n[embed]https://youtu.be/xyz[/embed]\n\n&nbsp;\n\n"
        "https://www.youtube.com/watch?v=abc\n\nКонец."
    )
    run(write(tmp_path, wxr.export([wxr.post(80, "Видео", body)])))
    assert Article.objects.get().body_ru == (
        "<p>Смотрите видео.</p>\n"
        '<p><a href="https://youtu.be/xyz" rel="noopener noreferrer nofollow">'
        "https://youtu.be/xyz</a></p>\n"
        '<p><a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer nofollow">'
        "https://www.youtube.com/watch?v=abc</a></p>\n"
        "<p>Конец.</p>"
    )
