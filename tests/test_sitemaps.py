"""Sitemaps: pages with language alternates, and the Google News sitemap."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.kz"


def urls(response):
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    result = {}
    for url in root.findall("sm:url", NS):
        result[url.find("sm:loc", NS).text] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
    return result


def test_sitemap_index_lists_its_sections(client, db):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    locations = [node.text for node in root.findall("sm:sitemap/sm:loc", NS)]
    assert any(location.endswith("/sitemap-articles.xml") for location in locations)
    assert any(location.endswith("/sitemap-rubrics.xml") for location in locations)


def test_article_in_both_languages_is_listed_twice_with_alternates(client, article):
    ru = "https://news.example.kz" + article.get_absolute_url("ru")
    kk = "https://news.example.kz" + article.get_absolute_url("kk")
    listed = urls(client.get("/sitemap-articles.xml"))
    assert set(listed) == {ru, kk}
    assert listed[ru] == {"ru": ru, "kk": kk, "x-default": ru}
    assert listed[kk] == {"ru": ru, "kk": kk, "x-default": ru}


def test_article_in_one_language_has_only_that_alternate(client, make_article):
    ru_only = make_article(title_kk="", lead_kk="", body_kk="")
    kk_only = make_article(title_ru="", lead_ru="", body_ru="")
    listed = urls(client.get("/sitemap-articles.xml"))
    ru = "https://news.example.kz" + ru_only.get_absolute_url("ru")
    kk = "https://news.example.kz" + kk_only.get_absolute_url("kk")
    assert set(listed) == {ru, kk}
    assert listed[ru] == {"ru": ru, "x-default": ru}
    assert listed[kk] == {"kk": kk, "x-default": kk}


def test_drafts_and_scheduled_articles_are_not_in_the_sitemap(client, make_article):
    make_article(status="draft")
    make_article(published_at=timezone.now() + timedelta(hours=3))
    assert urls(client.get("/sitemap-articles.xml")) == {}


def test_home_and_rubrics_are_listed_in_both_languages(client, rubric):
    pages = urls(client.get("/sitemap-pages.xml"))
    assert pages["https://news.example.kz/"]["kk"] == "https://news.example.kz/kk/"
    rubrics = urls(client.get("/sitemap-rubrics.xml"))
    assert set(rubrics) == {"https://news.example.kz/aktau/", "https://news.example.kz/kk/aktau/"}


def test_news_sitemap_lists_the_last_two_days_per_language(client, make_article):
    fresh = make_article(title_ru="Свежая новость", title_kk="Жаңа хабар")
    make_article(title_ru="Старая новость", published_at=timezone.now() - timedelta(days=3))
    make_article(title_ru="Черновик", status="draft")
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    entries = root.findall("sm:url", NS)
    found = {
        entry.find("sm:loc", NS).text: (
            entry.find("news:news/news:publication/news:language", NS).text,
            entry.find("news:news/news:publication/news:name", NS).text,
            entry.find("news:news/news:title", NS).text,
            entry.find("news:news/news:publication_date", NS).text,
        )
        for entry in entries
    }
    ru = "https://news.example.kz" + fresh.get_absolute_url("ru")
    kk = "https://news.example.kz" + fresh.get_absolute_url("kk")
    assert set(found) == {ru, kk}
    assert found[ru][:3] == ("ru", "Новости Актау и Мангыстау", "Свежая новость")
    assert found[kk][:3] == ("kk", "Ақтау және Маңғыстау жаңалықтары", "Жаңа хабар")
    assert found[ru][3].startswith(str(timezone.localdate().year))


def test_robots_txt_names_both_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://news.example.kz/sitemap.xml" in response.text
    assert "Sitemap: https://news.example.kz/news-sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_sitemaps_run_a_fixed_number_of_queries(
    client, make_article, django_assert_max_num_queries, count
):
    from .reader_content import enrich

    for index in range(count):
        make_article(title_ru=f"Статья {index}")
    enrich(make_article(title_ru="С фото"), count=count)
    with django_assert_max_num_queries(3):
        client.get("/sitemap-articles.xml")
    with django_assert_max_num_queries(3):
        client.get("/news-sitemap.xml")
