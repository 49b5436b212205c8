"""What search engines and aggregators read: canonical, hreflang, Open Graph, JSON-LD."""

import json
import re
from html.parser import HTMLParser

import pytest

from .reader_content import enrich


class Head(HTMLParser):
    """Collects <link>, <meta> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.meta, self.jsonld, self._in_jsonld = [], {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def hreflangs(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and link.get("hreflang")
        }

    def canonical(self):
        return next(link["href"] for link in self.links if link.get("rel") == "canonical")


def parse(response):
    assert response.status_code == 200
    head = Head()
    head.feed(response.text)
    return head


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.kz"


@pytest.fixture
def rich_article(make_article):
    return enrich(make_article(byline="Айгерим Сапарова"), count=3)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_article_has_canonical_and_hreflang_alternates(client, rich_article, language):
    head = parse(client.get(rich_article.get_absolute_url(language)))
    ru = "https://news.example.kz" + rich_article.get_absolute_url("ru")
    kk = "https://news.example.kz" + rich_article.get_absolute_url("kk")
    assert head.canonical() == (ru if language == "ru" else kk)
    assert head.hreflangs() == {"ru": ru, "kk": kk, "x-default": ru}


def test_kazakh_only_article_has_kazakh_alternate_as_x_default(client, make_article):
    article = make_article(title_ru="", lead_ru="", body_ru="")
    head = parse(client.get(article.get_absolute_url("kk")))
    kk = "https://news.example.kz" + article.get_absolute_url("kk")
    assert head.hreflangs() == {"kk": kk, "x-default": kk}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_article_has_open_graph_and_twitter_card_with_the_lead_photo(
    client, rich_article, language
):
    head = parse(client.get(rich_article.get_absolute_url(language)))
    lead_photo = rich_article.photos.order_by("position").first()
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == getattr(rich_article, f"title_{language}")
    assert head.meta["og:description"] == getattr(rich_article, f"lead_{language}")
    assert head.meta["og:url"] == head.canonical()
    assert head.meta["og:image"] == "https://news.example.kz" + lead_photo.image.url
    assert head.meta["og:locale"] == {"ru": "ru_RU", "kk": "kk_KZ"}[language]
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_open_graph_uses_the_largest_jpeg_rendition_when_there_is_one(client, rich_article):
    photo = rich_article.photos.order_by("position").first()
    photo.renditions = {
        "original": photo.image.name,
        "jpeg": [[480, 320, "renditions/a-480.jpg"], [1280, 853, "renditions/a-1280.jpg"]],
        "webp": [[480, 320, "renditions/a-480.webp"], [1280, 853, "renditions/a-1280.webp"]],
    }
    photo.save(update_fields=["renditions"])
    head = parse(client.get(rich_article.get_absolute_url("ru")))
    assert head.meta["og:image"] == "https://news.example.kz/media/renditions/a-1280.jpg"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_article_json_ld_is_a_valid_news_article(client, rich_article, language):
    head = parse(client.get(rich_article.get_absolute_url(language)))
    assert len(head.jsonld) == 1
    data = json.loads(head.jsonld[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == getattr(rich_article, f"title_{language}")
    assert data["inLanguage"] == language
    assert data["mainEntityOfPage"]["@id"] == head.canonical()
    assert data["datePublished"].endswith("+05:00") or data["datePublished"].endswith("+00:00")
    assert len(data["image"]) == 3 and data["image"][0].startswith("https://news.example.kz/")
    assert data["author"] == [{"@type": "Person", "name": "Айгерим Сапарова"}]
    assert data["publisher"]["name"] in (
        "Новости Актау и Мангыстау",
        "Ақтау және Маңғыстау жаңалықтары",
    )


def test_json_ld_cannot_be_closed_by_a_headline(client, make_article):
    article = make_article(title_ru="Заголовок </script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url("ru")).text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"].startswith("Заголовок </script>")
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_listing_pages_have_canonical_and_both_alternates(client, rich_article, prefix):
    tag = rich_article.tags.first()
    for path in ("/", "/aktau/", f"/tag/{tag.slug}/"):
        head = parse(client.get(prefix + path))
        assert head.canonical() == "https://news.example.kz" + prefix + path
        assert set(head.hreflangs()) == {"ru", "kk", "x-default"}
        assert head.hreflangs()["x-default"] == "https://news.example.kz" + path


def test_pages_link_their_rss_feeds(client, article):
    head = parse(client.get("/aktau/"))
    feeds = [link["href"] for link in head.links if link.get("type") == "application/rss+xml"]
    assert feeds == ["/rss/", "/aktau/rss/"]


def test_search_results_are_not_indexed(client, db):
    head = parse(client.get("/search/?q=школа"))
    assert head.meta["robots"] == "noindex, follow"
