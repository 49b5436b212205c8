"""The site's chrome: footer in the page's language, the favicon, numbers that
never break, and lists that look the same however they were typed."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from tests.test_admin_articles import form_data, make_user


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


@pytest.mark.parametrize(
    ("prefix", "name", "other"),
    [
        ("", "Новости Актау и Мангыстау", "Ақтау және Маңғыстау жаңалықтары"),
        ("/kk", "Ақтау және Маңғыстау жаңалықтары", "Новости Актау и Мангыстау"),
    ],
)
def test_footer_names_the_site_in_the_page_language(client, article, prefix, name, other):
    html = footer(client.get(prefix + "/").text)
    assert f'<p class="site-footer__name">{name} ' in html
    assert other not in html


def test_registration_number_never_breaks_after_the_number_sign(client, article, settings):
    settings.NEWSROOM_IMPRINT = {
        **settings.NEWSROOM_IMPRINT,
        "registration": {"ru": "Свидетельство № KZ12VPY0001", "kk": "Куәлік № KZ12VPY0001"},
    }
    assert "№\xa0KZ12VPY0001" in footer(client.get("/").text)
    assert "№\xa0KZ12VPY0001" in footer(client.get("/kk/").text)


def test_favicon_is_served_at_the_root_and_linked_from_every_page(client, article):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert "public" in response["Cache-Control"]
    for path in ("/", "/kk/"):
        html = client.get(path).text
        assert 'rel="icon" href="/static/favicon.ico"' in html
        assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in html


@pytest.mark.parametrize(("prefix", "words"), [("", "просмотров"), ("/kk", "қаралым")])
def test_view_counts_keep_their_digit_groups_together(client, make_article, prefix, words):
    article = make_article(views=15970)
    language = "kk" if prefix else "ru"
    with translation.override(language):
        url = article.get_absolute_url(language)
    assert f"15\xa0970 {words}" in client.get(url).text
    assert f"15\xa0970 {words}" in client.get(prefix + "/").text  # the lead story's line


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_numbers_in_the_body_keep_their_digit_groups_together(make_article, language):
    article = make_article(
        **{f"body_{language}": "<p>15 970 человек, от 5 000 до 1 200 000 тенге, № 12.</p>"}
    )
    body = Article.objects.values_list(f"body_{language}", flat=True).get(pk=article.pk)
    assert "15&nbsp;970" in body and "5&nbsp;000" in body and "1&nbsp;200&nbsp;000" in body
    assert "№&nbsp;12" in body
    article.save()  # saving again changes nothing
    assert Article.objects.values_list(f"body_{language}", flat=True).get(pk=article.pk) == body


EDITOR_LIST = "<ul><li><p>пытки,</p></li><li><p>рецидивисты.</p></li></ul>"
PLAIN_LIST = "<ul><li>пытки,</li><li>рецидивисты.</li></ul>"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_editor_lists_are_stored_like_typed_lists(make_article, language):
    article = make_article(**{f"body_{language}": "<p>Кроме:</p>" + EDITOR_LIST})
    body = Article.objects.values_list(f"body_{language}", flat=True).get(pk=article.pk)
    assert body == "<p>Кроме:</p>" + PLAIN_LIST


def test_list_items_with_more_than_a_paragraph_keep_them(make_article):
    body = (
        "<ul><li><p>первый абзац</p><p>второй</p></li>"
        "<li><p>пункт</p><ul><li><p>вложенный</p></li></ul></li></ul>"
    )
    article = make_article(body_ru=body)
    stored = Article.objects.values_list("body_ru", flat=True).get(pk=article.pk)
    assert stored == (
        "<ul><li><p>первый абзац</p><p>второй</p></li>"
        "<li>пункт<ul><li>вложенный</li></ul></li></ul>"
    )


def test_a_list_typed_in_the_admin_editor_is_stored_tight(client, rubric):
    client.force_login(make_user("editor", "Editors"))
    body = "<p>Амнистия не коснётся:</p>" + EDITOR_LIST
    data = form_data(title_ru="Амнистия", body_ru=body, rubric=str(rubric.pk))
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    stored = Article.objects.get(title_ru="Амнистия").body_ru
    assert stored == "<p>Амнистия не коснётся:</p>" + PLAIN_LIST


def test_editor_gives_a_source_its_name_after_citing_in_both_languages(client, source):
    client.force_login(make_user("editor", "Editors"))
    url = reverse("admin:articles_source_change", args=[source.pk])
    page = client.get(url)
    assert 'name="cited_name_ru"' in page.text and 'name="cited_name_kk"' in page.text
    response = client.post(
        url,
        {
            "name_ru": "Пресс-служба акимата",
            "name_kk": "Әкімдіктің баспасөз қызметі",
            "cited_name_ru": "пресс-службу акимата",
            "cited_name_kk": "әкімдіктің баспасөз қызметіне",
            "url": "",
            "kind": "official",
        },
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.cited_name_ru == "пресс-службу акимата"
    assert source.cited_name_kk == "әкімдіктің баспасөз қызметіне"
