"""Old WordPress links keep working: every imported post's and picture's address answers 301."""

from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import call_command

from articles.models import Article
from tests import photo_files
from tests import wordpress_exports as wxr

RU_SLUG = "в-актау-открыли-набережную"
KK_SLUG = "ақтауда-жағалау-ашылды"


def export():
    terms = [*wxr.polylang_languages(), wxr.translation_group(20, "pll_a", {"ru": 10, "kk": 11})]
    items = [
        wxr.attachment(50, "2019/05/naberezhnaya.jpg", parent=10),
        wxr.post(
            10,
            "В Актау открыли набережную",
            "Текст.",
            language="ru",
            group="pll_a",
            slug=RU_SLUG,
            thumbnail="50",
        ),
        wxr.post(
            11, "Ақтауда жағалау ашылды", "Мәтін.", language="kk", group="pll_a", slug=KK_SLUG
        ),
        # A site with "/%postname%/" links, on another host than the export's.
        wxr.post(
            12,
            "Новость дня",
            "Текст дня.",
            language="ru",
            link="http://www.aktau-news.kz/novost-dnya/",
        ),
    ]
    return wxr.export(items, terms=terms)


@pytest.fixture
def do_import(tmp_path, db, django_capture_on_commit_callbacks):
    def run():
        uploads = tmp_path / "uploads" / "2019" / "05"
        uploads.mkdir(parents=True, exist_ok=True)
        (uploads / "naberezhnaya.jpg").write_bytes(photo_files.jpeg((1200, 800)))
        path = tmp_path / "export.xml"
        path.write_text(export(), encoding="utf-8")
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "import_wordpress",
                str(path),
                "--uploads",
                str(tmp_path / "uploads"),
                stdout=StringIO(),
            )
        return Article.objects.get(title_ru="В Актау открыли набережную")

    return run


def test_old_post_link_answers_301_to_the_article_in_its_language(client, do_import):
    article = do_import()
    russian = client.get(f"/2019/05/{quote(RU_SLUG)}/")
    assert russian.status_code == 301
    assert russian["Location"] == article.get_absolute_url("ru")
    kazakh = client.get(f"/kk/2019/05/{quote(KK_SLUG)}/")
    assert kazakh.status_code == 301
    assert kazakh["Location"] == article.get_absolute_url("kk")
    assert kazakh["Location"].startswith("/kk/")
    # Upper-case percent-encoding, no trailing slash: the same address.
    assert client.get(f"/2019/05/{quote(RU_SLUG).upper()}").status_code == 301
    page = client.get(kazakh["Location"])
    assert page.status_code == 200 and "Ақтауда жағалау ашылды" in page.content.decode()


def test_short_form_with_post_id_answers_301(client, do_import):
    article = do_import()
    assert client.get("/?p=10")["Location"] == article.get_absolute_url("ru")
    assert client.get("/?p=11")["Location"] == article.get_absolute_url("kk")


def test_old_address_on_another_host_matches_by_its_path(client, do_import):
    do_import()
    article = Article.objects.get(title_ru="Новость дня")
    response = client.get("/novost-dnya/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("ru")


def test_old_image_addresses_answer_301_to_the_photo_file(client, do_import):
    article = do_import()
    photo = article.photos.get()
    for size in ("", "-300x200", "-1024x683"):
        response = client.get(f"/wp-content/uploads/2019/05/naberezhnaya{size}.jpg")
        assert response.status_code == 301
        assert response["Location"] == photo.image.url


def test_cached_not_found_page_never_hides_the_redirect(client, do_import):
    # Before the import, "/novost-dnya/" looks like a rubric page that does not
    # exist: the page cache keeps its 404.
    first = client.get("/novost-dnya/")
    assert first.status_code == 404
    assert client.get("/novost-dnya/").status_code == 404
    do_import()
    assert client.get("/novost-dnya/").status_code == 301


def test_pages_that_exist_pay_no_query_for_old_addresses(
    client, do_import, django_assert_num_queries
):
    article = do_import()
    url = article.get_absolute_url("ru")
    assert client.get(url).status_code == 200  # rendered and stored
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
    # The home page with another query than a post id: nothing to look up.
    client.get("/?utm_source=telegram")
    with django_assert_num_queries(0):
        assert client.get("/?utm_source=telegram").status_code == 200
    client.get("/no-such-rubric/")
    # A path the site has nothing at (a cached 404): one look among the old addresses.
    with django_assert_num_queries(1):
        assert client.get("/no-such-rubric/").status_code == 404


def test_unknown_old_looking_paths_are_plain_not_found(client, do_import):
    do_import()
    assert client.get("/2019/05/drugaya-novost/").status_code == 404
    assert client.get("/?p=999").status_code == 200  # the home page, as before
