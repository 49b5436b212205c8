"""RSS feeds: one per language and one per rubric, for readers and aggregators."""

import html
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from .reader_content import enrich


def items(response):
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    return root, root.findall("./channel/item")


def test_russian_feed_lists_russian_articles_with_absolute_links(client, make_article, settings):
    settings.SITE_URL = "https://news.example.kz"
    article = enrich(make_article(title_ru="Новость для ленты"), count=1)
    make_article(title_ru="Черновик", status="draft")
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root, entries = items(response)
    assert root.find("./channel/language").text == "ru"
    assert root.find("./channel/title").text == "Новости Актау и Мангыстау"
    assert [entry.find("title").text for entry in entries] == ["Новость для ленты"]
    link = entries[0].find("link").text
    assert link == "https://news.example.kz" + article.get_absolute_url("ru")
    assert entries[0].find("description").text == article.lead_ru
    # Its photo has no renditions, so no known length: no enclosure (tests/test_share_metadata.py).
    assert entries[0].find("enclosure") is None


def test_kazakh_feed_lists_only_articles_that_exist_in_kazakh(client, make_article):
    make_article(title_kk="Қазақша жаңалық")
    make_article(title_ru="Только по-русски", title_kk="", lead_kk="", body_kk="")
    root, entries = items(client.get("/kk/rss/"))
    assert root.find("./channel/language").text == "kk"
    assert root.find("./channel/title").text == "Ақтау және Маңғыстау жаңалықтары"
    assert [entry.find("title").text for entry in entries] == ["Қазақша жаңалық"]
    assert "/kk/aktau/" in entries[0].find("link").text


def test_rubric_feed_lists_only_that_rubric(client, make_article):
    from .reader_content import other_rubric

    accidents = other_rubric()
    make_article(title_ru="Новость Актау")
    make_article(title_ru="ДТП на трассе", title_kk="Жолдағы апат", rubric=accidents)
    root, entries = items(client.get("/proisshestviya/rss/"))
    assert [entry.find("title").text for entry in entries] == ["ДТП на трассе"]
    assert root.find("./channel/title").text.startswith("Происшествия")
    _root, entries = items(client.get("/kk/proisshestviya/rss/"))
    assert [entry.find("title").text for entry in entries] == ["Жолдағы апат"]
    assert "/kk/proisshestviya/" in entries[0].find("link").text


def test_scheduled_articles_stay_out_of_the_feed(client, make_article):
    make_article(title_ru="Завтрашняя", published_at=timezone.now() + timedelta(days=1))
    _root, entries = items(client.get("/rss/"))
    assert entries == []


def test_unknown_rubric_feed_is_404(client, db):
    assert client.get("/no-such-rubric/rss/").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_feed_runs_a_fixed_number_of_queries(
    client, make_article, django_assert_max_num_queries, count
):
    for index in range(3):
        enrich(make_article(title_ru=f"Лента {index}"), count=count)
    # Page-cache state, articles with rubrics, their photos, their tags.
    with django_assert_max_num_queries(5):
        assert client.get("/rss/").status_code == 200


@pytest.mark.parametrize(("prefix", "tag"), [("", "Актау"), ("/kk", "Ақтау")])
def test_feed_items_carry_rubric_and_tags_in_the_feed_language(client, make_article, prefix, tag):
    from articles.models import Tag

    article = make_article()
    article.tags.add("Актау")
    Tag.objects.filter(name="Актау").update(name_kk="Ақтау")
    _root, found = items(client.get(f"{prefix}/rss/"))
    categories = [element.text for element in found[0].findall("category")]
    assert categories == [article.rubric.name_kk if prefix else article.rubric.name_ru, tag]


# Plain text stays text in every feed reader --------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">жми</a>',
    "<script>alert(1)</script>",
]


@pytest.fixture(params=HOSTILE)
def hostile(request):
    return request.param


@pytest.fixture
def hostile_article(make_article, rubric, hostile):
    """Markup typed into every plain-text field a feed carries."""
    from articles.models import Tag

    rubric.name_ru = rubric.name_kk = f"Рубрика {hostile}"
    rubric.save()
    article = make_article(
        title_ru=f"Заголовок {hostile}",
        lead_ru=f"Лид {hostile}",
        title_kk=f"Тақырып {hostile}",
        lead_kk=f"Лид kk {hostile}",
        byline=f"Автор {hostile}",
    )
    article.tags.add(Tag.objects.create(name=f"тег {hostile}", name_kk=f"тег {hostile}"))
    return article


def _as_html(text):
    """What an HTML-reading feed reader makes of a value: any tag at all?"""
    return "<" in text


@pytest.mark.parametrize("url", ["/rss/", "/kk/rss/", "/aktau/rss/", "/kk/aktau/rss/"])
def test_rss_carries_every_plain_text_field_as_text(
    client, settings, hostile, hostile_article, url
):
    settings.NEWSROOM_SITE_NAME = {"ru": f"Сайт {hostile}", "kk": f"Сайт {hostile}"}
    response = client.get(url)
    assert response.status_code == 200
    root, entries = items(response)
    channel = root.find("./channel")
    item = entries[0]
    # What the XML parser hands the reader, which renders RSS text as HTML:
    # the characters arrive escaped, so no element can come of them.
    texts = [channel.find("title").text, channel.find("description").text]
    texts += [item.find("title").text, item.find("description").text]
    texts += [category.text for category in item.findall("category")]
    texts += [item.find("{http://purl.org/dc/elements/1.1/}creator").text]
    assert len(texts) == 7
    for text in texts:
        assert not _as_html(text), text
        # ...and shows the reader exactly what was typed.
        assert hostile in html.unescape(text), text


def test_rss_leaves_quotes_and_apostrophes_as_typed(client, make_article):
    make_article(title_ru='ТОО "Каспий" открыло филиал в Жанаозене', lead_ru="Д'Артаньян & сыновья")
    _root, entries = items(client.get("/rss/"))
    assert entries[0].find("title").text == 'ТОО "Каспий" открыло филиал в Жанаозене'
    assert entries[0].find("description").text == "Д'Артаньян &amp; сыновья"


@pytest.mark.parametrize(("language", "title"), [("ru", "Заголовок"), ("kk", "Тақырып")])
def test_atom_feed_sends_text_as_text_and_the_summary_escaped(
    client, hostile, hostile_article, language, title
):
    article = hostile_article
    url = "/rss/atom/" if language == "ru" else "/kk/rss/atom/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    entry = root.find(f"{ATOM}entry")
    # Atom's title, author and category are text by definition: exact.
    assert entry.find(f"{ATOM}title").text == f"{title} {hostile}"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == article.byline
    assert f"тег {hostile}" in [c.get("term") for c in entry.findall(f"{ATOM}category")]
    # The summary is HTML: escaped, so the reader shows the characters.
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert not _as_html(summary.text)
    assert hostile in html.unescape(summary.text)
    link = entry.find(f"{ATOM}link").get("href")
    assert link.endswith(article.get_absolute_url(language))


def test_rubric_atom_feed_lists_that_rubric(client, make_article):
    from .reader_content import other_rubric

    accidents = other_rubric()
    make_article(title_ru="Новость Актау")
    make_article(title_ru="ДТП на трассе", title_kk="Жолдағы апат", rubric=accidents)
    root = ET.fromstring(client.get("/proisshestviya/rss/atom/").content)  # noqa: S314
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == ["ДТП на трассе"]
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href").endswith("/proisshestviya/rss/atom/")
