"""The full-page cache: anonymous readers get shared pages, changes show at once."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Photo, Tag
from pagecache import fragments
from pagecache.middleware import page_key
from viewcounts.models import ArticleViewDay

from .test_admin_articles import change_url, form_data, make_user

LANGUAGES = ("ru", "kk")


def _pages(article):
    """Home, rubric and article page of ``article``, in both languages."""
    urls = []
    for code in LANGUAGES:
        with translation.override(code):
            urls.append(reverse("articles:home"))
            urls.append(reverse("articles:rubric", kwargs={"rubric": article.rubric.slug}))
            urls.append(article.get_absolute_url(code))
    return urls


def _fill(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Page-Cache"] == "hit", url


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_user(
        "editor", password="a-long-secret-phrase", is_staff=True
    )
    client.force_login(user)
    return client


def test_second_anonymous_visit_is_served_from_the_cache_without_sql(
    client, article, django_assert_num_queries
):
    url = article.get_absolute_url("ru")
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "В Актау открыли новую школу" in second.content.decode()


def test_anonymous_pages_let_a_proxy_keep_them(client, article):
    for url in _pages(article):
        for response in (client.get(url), client.get(url)):
            assert response["Cache-Control"] == "public, max-age=60, s-maxage=60"
            # The URL decides the language and readers have no session: a
            # shared cache must not split pages per Accept-Language or cookie.
            assert "Vary" not in response
            assert not response.cookies


def test_languages_are_cached_apart(client, article):
    with translation.override("ru"):
        home_ru = reverse("articles:home")
    with translation.override("kk"):
        home_kk = reverse("articles:home")
    _fill(client, [home_ru, home_kk])
    assert "В Актау открыли новую школу" in client.get(home_ru).content.decode()
    assert "Ақтауда жаңа мектеп ашылды" in client.get(home_kk).content.decode()
    assert "В Актау открыли" not in client.get(home_kk).content.decode()


def test_editing_an_article_empties_every_cached_page_that_shows_it(client, article):
    urls = _pages(article)
    _fill(client, urls)

    article.title_ru = "В Актау открыли вторую школу"
    article.title_kk = "Ақтауда екінші мектеп ашылды"
    article.save()

    for url in _pages(article):
        text = client.get(url, follow=True).content.decode()
        expected = "Ақтауда екінші мектеп ашылды" if url.startswith("/kk/") else "вторую школу"
        assert expected in text, url


def test_publishing_an_article_puts_it_on_cached_listings(client, article, make_article):
    draft = make_article(
        title_ru="Паром в Баку отменён",
        title_kk="Бакуге паром тоқтатылды",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    listings = [url for url in _pages(article) if url != article.get_absolute_url("ru")]
    listings = [url for url in listings if url != article.get_absolute_url("kk")]
    _fill(client, listings)
    assert client.get(draft.get_absolute_url("ru")).status_code == 404

    draft.status = Article.Status.PUBLISHED
    draft.save()

    for url in listings:
        text = client.get(url).content.decode()
        expected = "Бакуге паром тоқтатылды" if url.startswith("/kk/") else "Паром в Баку отменён"
        assert expected in text, url
    assert client.get(draft.get_absolute_url("ru")).status_code == 200


def test_unpublishing_takes_the_article_off_cached_pages(client, article):
    urls = _pages(article)
    _fill(client, urls)

    article.status = Article.Status.DRAFT
    article.save()

    assert client.get(article.get_absolute_url("ru")).status_code == 404
    assert client.get(article.get_absolute_url("kk")).status_code == 404
    with translation.override("kk"):
        assert "Ақтауда жаңа мектеп" not in client.get(reverse("articles:home")).content.decode()


def test_scheduled_article_goes_live_on_cached_pages_without_a_save(client, make_article):
    make_article(title_ru="Уже вышла", title_kk="Шығып қойды")
    make_article(
        title_ru="Запланированная новость",
        title_kk="Жоспарланған жаңалық",
        published_at=timezone.now() + timedelta(seconds=1),
    )
    with translation.override("kk"):
        home_kk = reverse("articles:home")
    _fill(client, ["/", home_kk])
    assert "Запланированная новость" not in client.get("/").content.decode()
    # A proxy may not keep the page past the scheduled time either.
    assert client.get("/")["Cache-Control"] in {
        "public, max-age=0, s-maxage=0",
        "public, max-age=1, s-maxage=1",
    }

    time.sleep(1.2)

    assert "Запланированная новость" in client.get("/").content.decode()
    assert "Жоспарланған жаңалық" in client.get(home_kk).content.decode()


def test_tags_photos_and_rubric_changes_empty_the_cache(client, article, tmp_path):
    url = article.get_absolute_url("ru")

    _fill(client, [url])
    article.tags.add(Tag.objects.create(name="Мангистау"))
    assert client.get(url)["X-Page-Cache"] == "miss"

    _fill(client, [url])
    Photo.objects.create(
        article=article, image="photos/x.jpg", width=10, height=10, caption_ru="Школа"
    )
    assert client.get(url)["X-Page-Cache"] == "miss"

    _fill(client, [url])
    article.rubric.name_ru = "Актау и область"
    article.rubric.save()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_logged_in_staff_always_get_fresh_private_pages(client, staff_client, article):
    anonymous = Client()
    url = article.get_absolute_url("ru")
    _fill(anonymous, [url])
    # A change that bypasses signals: the anonymous cache keeps the old page...
    Article.objects.filter(pk=article.pk).update(title_ru="Заголовок исправлен")
    assert "Заголовок исправлен" not in anonymous.get(url).content.decode()

    # ...but an editor sees the database as it is, on a page no proxy may keep.
    response = staff_client.get(url)
    assert "Заголовок исправлен" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Page-Cache"] == "bypass"


def test_admin_and_beacon_are_never_shared(client, article):
    for _ in range(2):
        login = client.get("/admin/login/")
        assert "public" not in login.get("Cache-Control", "")
        assert login.get("X-Page-Cache") is None
    beacon = client.post(reverse("beacon", args=[article.pk]), HTTP_USER_AGENT="Mozilla/5.0")
    assert beacon.status_code == 200
    assert "private" in beacon["Cache-Control"]


def test_links_shared_with_tracking_parameters_get_the_cached_page(
    client, article, django_assert_num_queries
):
    url = article.get_absolute_url("ru")
    _fill(client, [url])
    # Every reader coming from a social network has a click id of their own.
    for query in ("?fbclid=IwAR0abc", "?fbclid=IwAR1xyz", "?utm_source=telegram&utm_medium=social"):
        with django_assert_num_queries(0):
            response = client.get(url + query)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", query
        assert "В Актау открыли новую школу" in response.content.decode()


def test_query_parameters_that_views_read_still_make_their_own_pages(client, make_article):
    for number in range(25):
        make_article(title_ru=f"Новость номер {number}", slug_ru=f"novost-{number}")
    rubric = Article.objects.first().rubric.get_absolute_url()
    first, second = client.get(rubric), client.get(rubric + "?page=2&utm_source=vk")
    assert second["X-Page-Cache"] == "miss"
    assert first.content != second.content
    # The same page with the parameters in another order, or with a click id:
    assert client.get(rubric + "?fbclid=abc&page=2")["X-Page-Cache"] == "hit"
    assert client.get(rubric + "?page=2")["X-Page-Cache"] == "hit"
    search = reverse("search:search")
    assert client.get(search + "?q=школа")["X-Page-Cache"] == "miss"
    assert client.get(search + "?q=паром&gclid=1")["X-Page-Cache"] == "miss"
    assert client.get(search + "?gclid=2&q=паром")["X-Page-Cache"] == "hit"


def test_not_found_is_cached_briefly_and_emptied_by_content_changes(client, make_article):
    url = "/aktau/999999-net-takoi/"
    assert client.get(url).status_code == 404
    assert client.get(url)["X-Page-Cache"] == "hit"
    make_article(title_ru="Новая статья")
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_head_request_is_answered_from_the_cache_without_a_body(client, article):
    url = article.get_absolute_url("ru")
    _fill(client, [url])
    response = client.head(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_while_a_changed_page_renders_again_other_readers_get_the_previous_one(client, article, rf):
    url = article.get_absolute_url("ru")
    _fill(client, [url])
    article.title_ru = "В Актау открыли вторую школу"
    article.save()
    rendering = page_key(rf.get(url)) + ":rendering"
    cache.add(rendering, 1)  # another reader's request is rendering the page

    stale = client.get(url)
    assert stale["X-Page-Cache"] == "stale"
    assert "новую школу" in stale.content.decode()
    assert stale["Cache-Control"] == "public, max-age=0, s-maxage=0"

    cache.delete(rendering)
    assert "вторую школу" in client.get(url, follow=True).content.decode()


def test_draft_previews_are_never_cached_or_shared(client, make_article):
    from articles import preview

    draft = make_article(title_ru="Черновик", status=Article.Status.DRAFT, published_at=None)
    url = preview.preview_url(draft, "ru")
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "public" not in response["Cache-Control"]
    draft.title_ru = "Черновик, исправленный"
    Article.objects.filter(pk=draft.pk).update(title_ru=draft.title_ru)  # no signal
    assert "исправленный" in client.get(url).content.decode()


def test_sitemaps_are_cached_and_emptied_with_the_pages(client, article, make_article):
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    assert client.get("/news-sitemap.xml").status_code == 200
    assert client.get("/news-sitemap.xml")["X-Page-Cache"] == "hit"
    fresh = make_article(title_ru="Свежая новость для поисковиков")
    news = client.get("/news-sitemap.xml")
    assert news["X-Page-Cache"] == "miss"
    assert str(fresh.pk) in news.content.decode()


def test_editors_changes_in_the_admin_show_at_once_on_cached_pages(client, article, make_article):
    """The front door: an editor's admin save and the bulk publish action."""
    reader = Client()
    draft = make_article(
        title_ru="Паром в Баку отменён",
        title_kk="Бакуге паром тоқтатылды",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    urls = _pages(article)
    _fill(reader, urls)
    client.force_login(make_user("chief", "Editors"))

    response = client.post(
        change_url(article),
        form_data(article, title_ru="В Актау открыли вторую школу", title_kk="Екінші мектеп"),
    )
    assert response.status_code == 302
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )

    for url in urls:
        text = reader.get(url, follow=True).content.decode()
        if url.startswith("/kk/"):
            assert "Екінші мектеп" in text, url
        else:
            assert "вторую школу" in text, url
        if url != article.get_absolute_url("ru") and url != article.get_absolute_url("kk"):
            assert ("Бакуге паром" if url.startswith("/kk/") else "Паром в Баку") in text, url


# Pieces shared by many pages (pagecache/fragments.py) ---------------------------


def _section(html, marker):
    """The sidebar ('class="sidebar"') or related articles ('class="related"') of a page."""
    return html.split(marker, 1)[1].split("</section>" if "related" in marker else "</aside>")[0]


@pytest.fixture
def read_and_reading(make_article):
    """A much-read article, and a neighbour of the same rubric whose page shows it."""
    popular = make_article(title_ru="Паром в Баку отменён", title_kk="Бакуге паром тоқтатылды")
    ArticleViewDay.objects.create(article=popular, day=timezone.localdate(), views=50)
    reading = make_article(
        title_ru="Ветер усилится до 25 м/с",
        title_kk="Жел 25 м/с дейін күшейеді",
        published_at=timezone.now() - timedelta(hours=2),
    )
    return popular, reading


def test_pages_of_a_language_share_the_cached_most_read_and_menu(client, read_and_reading):
    popular, reading = read_and_reading
    assert client.get(popular.get_absolute_url("ru")).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reading.get_absolute_url("ru")).content.decode()
    assert "Паром в Баку отменён" in _section(html, 'class="sidebar"')
    # Neither the "most read" ranking nor the rubric menu is asked again.
    assert not [q for q in queries if "articles_articleviewday" in q["sql"]]
    assert not [q for q in queries if 'FROM "articles_rubric"' in q["sql"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_headline_shows_in_most_read_at_once_and_in_related_within_its_lifetime(
    client, read_and_reading, language, monkeypatch
):
    popular, reading = read_and_reading
    # Every URL of the neighbour's page, the plain one and one with a
    # tracking parameter (a page of its own for the page cache, which shares
    # the cached sidebar and related articles).
    urls = [reading.get_absolute_url(language)]
    urls.append(urls[0] + "?fbclid=first")
    _fill(client, urls)
    old = "Бакуге паром тоқтатылды" if language == "kk" else "Паром в Баку отменён"
    html = client.get(urls[0]).content.decode()
    assert old in _section(html, 'class="sidebar"')
    assert old in _section(html, 'class="related"')

    popular.title_ru = "Паром в Баку снова ходит"
    popular.title_kk = "Бакуге паром қайта жүреді"
    popular.save()

    new = "Бакуге паром қайта жүреді" if language == "kk" else "Паром в Баку снова ходит"
    for url in [*urls, urls[0] + "?fbclid=second"]:
        html = client.get(url).content.decode()
        assert new in _section(html, 'class="sidebar"'), url
        assert old not in _section(html, 'class="sidebar"'), url
    # The neighbour's page is not emptied for a headline in its related
    # articles: the block follows within its lifetime (fragments.RELATED_SECONDS).
    assert client.get(urls[0])["X-Page-Cache"] == "hit"
    later = time.time() + fragments.RELATED_SECONDS + 1
    monkeypatch.setattr(fragments, "_now", lambda: later)
    for url in [*urls, urls[0] + "?fbclid=third"]:
        html = client.get(url).content.decode()
        assert new in _section(html, 'class="related"'), url
        assert old not in _section(html, 'class="related"'), url


def test_editors_get_most_read_and_related_built_fresh(staff_client, read_and_reading):
    popular, reading = read_and_reading
    url = reading.get_absolute_url("ru")
    anonymous = Client()
    _fill(anonymous, [url])
    # A change that bypasses signals: readers' cached pieces keep the old headline...
    Article.objects.filter(pk=popular.pk).update(title_ru="Паром в Баку снова ходит")
    assert "снова ходит" not in anonymous.get(url + "?fbclid=x").content.decode()
    # ...an editor sees the database as it is.
    html = staff_client.get(url).content.decode()
    assert "снова ходит" in _section(html, 'class="sidebar"')
    assert "снова ходит" in _section(html, 'class="related"')


@pytest.mark.parametrize("junk", ["x", "a" * 5000, "abc\x00def", "../../etc/passwd", "%00"])
def test_a_junk_session_cookie_gets_the_page_never_an_error(client, article, junk):
    url = article.get_absolute_url("ru")
    _fill(Client(), [url])
    client.cookies[settings.SESSION_COOKIE_NAME] = junk
    response = client.get(url)
    assert response.status_code == 200
    assert article.title_ru in response.content.decode()
    assert response["X-Page-Cache"] == "hit"  # nobody signed in: the shared page


def test_a_session_cookie_the_database_cannot_look_up_gets_a_fresh_page(client, article):
    # PostgreSQL refuses a NUL in a query: the page is rendered, privately, not a 500.
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"
    response = client.get(article.get_absolute_url("ru"))
    assert response.status_code == 200
    assert article.title_ru in response.content.decode()
