"""The reader site in Russian and Kazakh: every page, its language and its elements."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

from .reader_content import enrich

RU_TEXT = "Школа на 1200 мест открылась"
KK_TEXT = "1200 орындық мектеп ашылды"


@pytest.fixture
def rich_article(make_article):
    return enrich(make_article(is_breaking=True, views=1234), count=3)


def visible_text(html):
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_no_english(html):
    from django.utils import translation

    with translation.override("kk"):
        if translation.gettext("Most read") == "Most read":
            pytest.skip("The reader site's strings are not in locale/ yet (make messages).")
    text = visible_text(html)
    found = re.findall(
        r"\b(Page|Next|Previous|Search|Find|Share|Tags|Related|Most read|views?|comments?|"
        r"Latest|Owner|Editor|Skip to content|Copy link|Breaking|Not Found|Home|No articles)\b",
        text,
    )
    assert not found, f"English on the page: {found}"


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_home_shows_lead_story_latest_rubric_blocks_and_most_read(client, make_article, prefix):
    for index in range(6):
        make_article(
            title_ru=f"Новость номер {index}",
            title_kk=f"Жаңалық нөмірі {index}",
            published_at=timezone.now() - timedelta(hours=index + 1),
            views=index,
        )
    response = client.get(prefix + "/")
    assert response.status_code == 200
    html = response.text
    language = "kk" if prefix else "ru"
    assert f'<html lang="{language}">' in html
    assert 'class="lead-story"' in html
    assert 'class="latest"' in html
    assert 'class="rubric-block"' in html
    assert 'class="sidebar"' in html
    expected = "Жаңалық нөмірі 0" if prefix else "Новость номер 0"
    unexpected = "Новость номер" if prefix else "Жаңалық нөмірі"
    assert expected in html and unexpected not in html
    assert_no_english(html)


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_article_page_has_every_element_of_the_design(client, rich_article, prefix):
    language = "kk" if prefix else "ru"
    response = client.get(rich_article.get_absolute_url(language))
    assert response.status_code == 200
    html = response.text
    # The header: both site names and the age mark.
    assert "Новости Актау и Мангыстау" in html and "Ақтау және Маңғыстау жаңалықтары" in html
    assert 'class="age-mark"' in html and "18+" in html
    # The article's text is in the page's language only.
    if language == "ru":
        assert RU_TEXT in html and KK_TEXT not in html
        assert "Актау" in html  # the rubric in Russian
    else:
        assert KK_TEXT in html and RU_TEXT not in html
        assert "Ақтау" in html
    # Date-time in local time, comment and view counts.
    assert re.search(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", html)
    assert re.search(r'class="meta__comments" href="#comments" data-comment-count>0 ', html)
    assert re.search(r'class="meta__views">1[\s\xa0]?234 ', html)
    # Headline, lead, credited sources linked with nofollow noopener.
    assert '<h1 class="article__title">' in html
    assert 'class="lead"' in html
    assert 'href="https://source0.example.kz/news/' in html
    assert (
        html.count(
            'rel="nofollow noopener">Источник'
            if language == "ru"
            else 'rel="nofollow noopener">Дереккөз'
        )
        == 3
    )
    # Photos with captions and credits in the page's language.
    assert html.count('class="article__photo"') == 3
    caption = "Набережная Актау" if language == "ru" else "Ақтау жағалауы"
    credit = "пресс-служба акимата" if language == "ru" else "әкімдіктің баспасөз қызметі"
    assert caption in html and credit in html
    # Tags, share links, copy link, the beacon, the language switch.
    assert 'rel="tag"' in html
    for host in (
        "https://t.me/share/url?",
        "https://wa.me/?",
        "https://www.facebook.com/sharer/",
        "https://vk.com/share.php?",
    ):
        assert host in html
    assert "data-copy-link" in html
    assert f'data-beacon="/_/views/{rich_article.pk}/"' in html
    assert "js/beacon.js" in html
    other = "ru" if language == "kk" else "kk"
    assert f'href="{rich_article.get_absolute_url(other)}" hreflang="{other}"' in html
    assert_no_english(html)


def test_article_page_does_not_count_a_view(client, article):
    client.get(article.get_absolute_url("ru"))
    article.refresh_from_db()
    assert article.views == 0


def test_related_articles_share_the_rubric_or_a_tag(client, make_article, rich_article):
    from .reader_content import other_rubric

    accidents = other_rubric()
    elsewhere = make_article(title_ru="Совсем другая тема", rubric=accidents)
    tagged = make_article(title_ru="Про тот же тег", rubric=accidents)
    tagged.tags.add(rich_article.tags.first())
    same_rubric = make_article(title_ru="Соседняя новость рубрики")
    html = client.get(rich_article.get_absolute_url("ru")).text
    related = html.split('class="related"', 1)[1].split("</section>", 1)[0]
    assert "Про тот же тег" in related and "Соседняя новость рубрики" in related
    assert "Совсем другая тема" not in related
    assert elsewhere.pk and same_rubric.pk


def test_language_switch_of_an_untranslated_article_leads_to_the_other_home(client, make_article):
    article = make_article(title_kk="", lead_kk="", body_kk="")
    html = client.get(article.get_absolute_url("ru")).text
    assert 'href="/kk/" hreflang="kk"' in html
    assert 'hreflang="kk" href=' not in html  # no alternate for a version that does not exist
    response = client.get(f"/kk/aktau/{article.pk}/")
    assert response.status_code == 404
    assert article.get_absolute_url("ru") in response.text


def test_stale_slug_answers_301_to_the_canonical_url(client, article):
    for language, stale in (
        ("ru", f"/aktau/{article.pk}-staryi-zagolovok/"),
        ("kk", f"/kk/aktau/{article.pk}-eski/"),
    ):
        response = client.get(stale)
        assert response.status_code == 301
        assert response["Location"] == article.get_absolute_url(language)


def test_wrong_rubric_in_the_url_answers_301(client, article):
    from .reader_content import other_rubric

    other_rubric()
    response = client.get(f"/proisshestviya/{article.pk}-{article.slug_ru}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("ru")


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_drafts_answer_404_to_readers(client, make_article, status):
    article = make_article(status=status)
    assert client.get(article.get_absolute_url("ru")).status_code == 404
    assert client.get(article.get_absolute_url("kk")).status_code == 404


def test_scheduled_article_answers_404_and_is_not_listed(client, make_article):
    article = make_article(
        title_ru="Будущая новость", published_at=timezone.now() + timedelta(hours=2)
    )
    assert client.get(article.get_absolute_url("ru")).status_code == 404
    assert "Будущая новость" not in client.get("/").text
    assert "Будущая новость" not in client.get("/aktau/").text


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_rubric_page_is_paginated_in_the_page_language(client, make_article, prefix):
    for index in range(23):
        make_article(
            title_ru=f"Рубрика {index}",
            title_kk=f"Айдар {index}",
            published_at=timezone.now() - timedelta(minutes=index + 1),
        )
    first = client.get(f"{prefix}/aktau/")
    second = client.get(f"{prefix}/aktau/?page=2")
    assert first.status_code == second.status_code == 200
    word = "Айдар" if prefix else "Рубрика"
    assert first.text.count(f"{word} ") >= 20
    assert 'rel="next"' in first.text and 'rel="prev"' in second.text
    assert 'href="?page=2"' in first.text
    assert_no_english(first.text)
    assert_no_english(second.text)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999999999999999", "1.5", "%00"])
def test_absurd_page_numbers_never_fail(client, article, page):
    # A page that exists, or a calm 400 for a NUL byte: never a 500.
    assert client.get(f"/aktau/?page={page}").status_code in (200, 400)
    assert client.get(f"/kk/search/?q=мектеп&page={page}").status_code in (200, 400)
    assert client.get(f"/tag/nothing/?page={page}").status_code in (404, 400)


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_tag_page_lists_tagged_articles(client, rich_article, prefix):
    tag = rich_article.tags.first()
    response = client.get(f"{prefix}/tag/{tag.slug}/")
    assert response.status_code == 200
    # The article's teaser, in the page's language only.
    shown, other = (
        (rich_article.title_kk, rich_article.title_ru)
        if prefix
        else (rich_article.title_ru, rich_article.title_kk)
    )
    assert shown in response.text
    assert other not in response.text
    assert_no_english(response.text)


@pytest.mark.parametrize(
    ("prefix", "words"), [("", "Страница не найдена"), ("/kk", "Бет табылмады")]
)
def test_404_page_in_both_languages(client, db, prefix, words):
    response = client.get(f"{prefix}/no-such-rubric/")
    assert response.status_code == 404
    assert f'<html lang="{"kk" if prefix else "ru"}">' in response.text
    assert_no_english(response.text)
    assert words in response.text


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_500_page_in_both_languages_needs_no_database(prefix):
    # No "db" fixture: any query would raise here.
    from django.test import RequestFactory
    from django.utils.module_loading import import_string

    from newsroom import urls

    handler = import_string(urls.handler500)
    response = handler(RequestFactory().get(f"{prefix}/anything/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{"kk" if prefix else "ru"}">' in html
    assert "Новости Актау и Мангыстау" in html
    assert_no_english(html)


IMPRINT = {
    "": ("ТОО «Каспий Медиа»", "Асель Нурланова", "г. Актау"),
    "/kk": ("«Каспий Медиа» ЖШС", "Әсел Нұрланова", "Ақтау қ."),
}


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_footer_imprint_comes_from_settings_in_the_page_language(client, db, prefix):
    html = client.get(prefix + "/").text
    footer = html.split('class="site-footer"', 1)[1]
    for value in (*IMPRINT[prefix], "KZ00VPY00000000", "info@example.kz", "18+"):
        assert value in footer
    other = IMPRINT["/kk" if prefix == "" else ""]
    assert other[0] not in footer


def test_reader_pages_set_no_cookie_and_hold_no_csrf_token(client, rich_article):
    for url in ("/", "/kk/", rich_article.get_absolute_url("ru"), "/aktau/", "/search/?q=школа"):
        response = client.get(url)
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.text
        assert "Cookie" not in response.get("Vary", "")


def test_pages_work_without_javascript_and_load_nothing_from_other_hosts(client, rich_article):
    html = client.get(rich_article.get_absolute_url("ru")).text
    for tag in re.findall(r"<(?:script|link|img)[^>]+>", html):
        src = re.search(r'(?:src|href)="([^"]+)"', tag)
        if src and 'rel="alternate"' not in tag and 'rel="canonical"' not in tag:
            assert not src.group(1).startswith(("http://", "https://", "//")), tag
    assert "onclick" not in html and " style=" not in html


@pytest.mark.parametrize(("prefix", "first"), [("", "ru"), ("/kk", "kk")])
def test_masthead_names_the_site_in_the_page_language_first(client, db, prefix, first):
    html = client.get(prefix + "/").text
    masthead = html.split('class="site-name"', 1)[1].split("</a>", 1)[0]
    assert masthead.index(f'lang="{first}"') < masthead.index(
        'lang="kk"' if first == "ru" else 'lang="ru"'
    )
