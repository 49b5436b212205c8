"""Tags in both languages: Kazakh pages show Kazakh tag names, translators give them."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Tag

from .test_admin_articles import change_url, errors_of, form_data, make_user


@pytest.fixture
def tagged(make_article):
    article = make_article()
    article.tags.add("Актау", "образование")
    Tag.objects.filter(name="Актау").update(name_kk="Ақтау")
    return article


def _jsonld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_kazakh_article_page_names_its_tags_in_kazakh(client, tagged):
    html = client.get(tagged.get_absolute_url("kk")).text
    assert 'rel="tag">#Ақтау</a>' in html
    assert '<meta property="article:tag" content="Ақтау">' in html
    assert "Ақтау" in _jsonld(html)["keywords"]
    assert "#Актау" not in html


def test_a_tag_nobody_translated_yet_is_left_out_of_kazakh_pages(client, tagged):
    html = client.get(tagged.get_absolute_url("kk")).text
    assert 'rel="tag">#Ақтау</a>' in html
    assert "образование" not in html  # not in the list, the meta tags, nor JSON-LD
    assert _jsonld(html)["keywords"] == ["Ақтау"]
    # The Russian page keeps it.
    assert 'rel="tag">#образование</a>' in client.get(tagged.get_absolute_url("ru")).text


@pytest.mark.parametrize("feed", ["/kk/rss/", "/kk/rss/atom/"])
def test_the_kazakh_feed_leaves_out_tags_without_a_kazakh_name(client, tagged, feed):
    xml = client.get(feed).content.decode()
    assert "Ақтау" in xml
    assert "образование" not in xml
    assert "образование" in client.get(feed.removeprefix("/kk")).content.decode()


def test_a_kazakh_tag_page_of_an_untranslated_tag_leads_to_the_russian_one(client, tagged):
    tag = Tag.objects.get(name="образование")
    response = client.get(f"/kk/tag/{tag.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Бұл тег бұл тілде жоқ" in html
    # The Russian name only as a link to where it exists, marked as Russian.
    assert f'href="/tag/{tag.slug}/" hreflang="ru" lang="ru">#образование</a>' in html
    assert tagged.title_kk not in html and tagged.title_ru not in html
    assert 'name="robots" content="noindex' in html
    # The Russian tag page does not claim a Kazakh version.
    russian = client.get(f"/tag/{tag.slug}/").content.decode()
    assert 'hreflang="kk"' not in re.sub(
        r'<nav class="language-switch".*?</nav>', "", russian, flags=re.S
    )


def test_a_kazakh_name_given_later_opens_the_kazakh_tag_page(client, tagged):
    tag = Tag.objects.get(name="образование")
    assert client.get(f"/kk/tag/{tag.slug}/").status_code == 404
    tag.name_kk = "білім беру"
    tag.save()
    response = client.get(f"/kk/tag/{tag.slug}/")
    assert response.status_code == 200
    assert "#білім беру</h1>" in response.content.decode()


def test_russian_article_page_keeps_russian_tag_names(client, tagged):
    html = client.get(tagged.get_absolute_url("ru")).text
    assert 'rel="tag">#Актау</a>' in html
    assert '<meta property="article:tag" content="Актау">' in html
    assert "#Ақтау" not in html
    assert "Ақтау" not in _jsonld(html)["keywords"]


def test_kazakh_tag_page_is_titled_in_kazakh(client, tagged):
    tag = Tag.objects.get(name="Актау")
    html = client.get(f"/kk/tag/{tag.slug}/").text
    assert "<title>#Ақтау — " in html
    assert "#Ақтау</h1>" in html
    assert "«Ақтау»" in html or "“Ақтау”" in html  # the description, in Kazakh
    assert "#Актау" in client.get(f"/tag/{tag.slug}/").text


def test_a_new_kazakh_name_shows_at_once_on_cached_pages(client, tagged):
    url = tagged.get_absolute_url("kk")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    tag = Tag.objects.get(name="образование")
    tag.name_kk = "білім беру"
    tag.save()
    assert 'rel="tag">#білім беру</a>' in client.get(url).text


def _tag_form(tag, **changes):
    return {"name": tag.name, "name_kk": tag.name_kk, **changes}


def test_translator_gives_a_tag_its_kazakh_name_but_cannot_rename_it(client, tagged):
    client.force_login(make_user("translator", "Translators"))
    tag = Tag.objects.get(name="образование")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(url, _tag_form(tag, name="просвещение", name_kk="білім беру"))
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.name_kk == "білім беру"
    assert tag.name == "образование"  # the Russian name (and so the slug) stays
    # Translators do not make tags.
    assert client.get(reverse("admin:articles_tag_add")).status_code == 403


def test_editor_renames_a_tag_and_names_it_in_kazakh(client, tagged):
    client.force_login(make_user("editor", "Editors"))
    tag = Tag.objects.get(name="образование")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    response = client.post(url, _tag_form(tag, name="школы", name_kk="мектептер"))
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.name_kk) == ("школы", "мектептер")


def test_tag_list_shows_translators_what_is_left(client, tagged):
    client.force_login(make_user("translator", "Translators"))
    changelist = reverse("admin:articles_tag_changelist")
    missing = client.get(changelist, {"kk": "missing"}).text
    assert "образование" in missing
    assert "Актау" not in missing
    present = client.get(changelist, {"kk": "present"}).text
    assert "Актау" in present
    assert "образование" not in present


def test_translator_translates_tags_from_the_list_in_one_save(client, tagged):
    client.force_login(make_user("translator", "Translators"))
    tags = list(Tag.objects.order_by("name"))
    data = {
        "form-TOTAL_FORMS": str(len(tags)),
        "form-INITIAL_FORMS": str(len(tags)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "1",
    }
    kazakh = {"Актау": "Ақтау", "образование": "білім беру"}
    for index, tag in enumerate(tags):
        data[f"form-{index}-id"] = str(tag.pk)
        data[f"form-{index}-name_kk"] = kazakh[tag.name]
    response = client.post(reverse("admin:articles_tag_changelist"), data)
    assert response.status_code == 302
    assert dict(Tag.objects.values_list("name", "name_kk")) == kazakh


def test_tag_suggestions_find_a_tag_by_its_kazakh_name(client, tagged):
    client.force_login(make_user("editor", "Editors"))
    url = reverse("admin:articles_article_tag_suggestions")
    # The suggestion is the Russian name: that is what the tag field takes.
    assert client.get(url, {"q": "Ақта"}).json()["tags"] == ["Актау"]


@pytest.mark.parametrize(("language", "words"), [("ru", "не более 100"), ("kk", "100")])
def test_kazakh_name_too_long_is_refused_with_a_clear_message(client, tagged, language, words):
    client.force_login(make_user("editor", "Editors"))
    tag = Tag.objects.get(name="Актау")
    with translation.override(language):
        url = reverse("admin:articles_tag_change", args=[tag.pk])
    response = client.post(url, _tag_form(tag, name_kk="ә" * 101))
    assert response.status_code == 200
    errors = re.search(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text, re.S)
    assert words in errors.group(1)
    assert "Ensure" not in errors.group(1)
    tag.refresh_from_db()
    assert tag.name_kk == "Ақтау"


def test_editor_typing_a_kazakh_tag_name_gets_the_existing_tag(client, tagged):
    client.force_login(make_user("editor", "Editors"))
    with translation.override("kk"):
        url = change_url(tagged)
    response = client.post(url, form_data(tagged, tags="ақтау, Образование, жаңа тақырып"))
    assert response.status_code == 302, errors_of(response)
    assert sorted(tagged.tags.names()) == ["Актау", "жаңа тақырып", "образование"]
    assert not Tag.objects.filter(name__in=["ақтау", "Ақтау"]).exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [("ru", "Теги без казахского названия"), ("kk", "Қазақша атауы жоқ тегтер")],
)
def test_admin_home_shows_translators_how_many_tags_wait(client, tagged, language, words):
    client.force_login(make_user("translator", "Translators"))
    with translation.override(language):
        html = client.get(reverse("admin:index")).text
    row = re.search(r'class="tagqueuelink">([^<]+)</a></th><td class="queue-count">(\d+)<', html)
    assert row.group(1) == words
    assert row.group(2) == "1"  # "образование"; "Актау" has its Kazakh name
    assert "?kk=missing" in html


def test_two_tags_cannot_share_a_kazakh_name(client, tagged):
    client.force_login(make_user("editor", "Editors"))
    tag = Tag.objects.get(name="образование")
    with translation.override("ru"):
        url = reverse("admin:articles_tag_change", args=[tag.pk])
    response = client.post(url, _tag_form(tag, name_kk="  АҚТАУ "))
    assert response.status_code == 200
    assert "Тег «Актау» уже называется так по-казахски." in response.text
    tag.refresh_from_db()
    assert tag.name_kk == ""
    # Its own name again is fine, trimmed.
    aktau = Tag.objects.get(name="Актау")
    url = reverse("admin:articles_tag_change", args=[aktau.pk])
    assert client.post(url, _tag_form(aktau, name_kk=" Ақтау ")).status_code == 302
    aktau.refresh_from_db()
    assert aktau.name_kk == "Ақтау"
