"""The credits line reads as sentences in Russian and Kazakh, whatever the
order and number of the sources and their roles."""

import re

import pytest
from django.utils import translation

from articles.credits import kazakh_dative
from articles.models import ArticleSource, Source

SOURCES = {
    "lada": {"name_ru": "Lada.kz", "name_kk": "Lada.kz", "url": "https://www.lada.kz"},
    "nur": {"name_ru": "NUR.KZ", "name_kk": "NUR.KZ"},
    "kazinform": {"name_ru": "Казинформ", "name_kk": "Казинформ", "kind": "agency"},
    "akimat": {
        "name_ru": "Пресс-служба акимата области",
        "cited_name_ru": "пресс-службу акимата области",
        "name_kk": "Маңғыстау облысы әкімдігі",  # no cited form: the rule declines it
        "kind": "official",
    },
    "youtube": {"name_ru": "YouTube", "name_kk": "YouTube", "kind": "social"},
}

# The sources in the editor's order, as (source, role); then the line in each language.
COMBINATIONS = [
    (
        [("lada", "reports")],
        "Сообщает Lada.kz.",
        "Lada.kz хабарлайды.",
    ),
    (
        [("lada", "reports"), ("nur", "citing")],
        "Сообщает Lada.kz со ссылкой на NUR.KZ.",
        "Lada.kz NUR.KZ сайтына сілтеме жасап хабарлайды.",
    ),
    (  # "citing" first: reporters still lead, the cited name is declined
        [("akimat", "citing"), ("lada", "reports"), ("kazinform", "citing")],
        "Сообщает Lada.kz со ссылкой на пресс-службу акимата области и Казинформ.",
        "Lada.kz Маңғыстау облысы әкімдігіне және Казинформға сілтеме жасап хабарлайды.",
    ),
    (
        [("lada", "reports"), ("nur", "reports")],
        "Сообщают Lada.kz и NUR.KZ.",
        "Lada.kz және NUR.KZ хабарлайды.",
    ),
    (
        [("kazinform", "citing"), ("lada", "reports"), ("nur", "reports")],
        "Сообщают Lada.kz и NUR.KZ со ссылкой на Казинформ.",
        "Lada.kz және NUR.KZ Казинформға сілтеме жасап хабарлайды.",
    ),
    (
        [("kazinform", "reports"), ("lada", "reports"), ("nur", "reports")],
        "Сообщают Казинформ, Lada.kz и NUR.KZ.",
        "Казинформ, Lada.kz және NUR.KZ хабарлайды.",
    ),
    (
        [("kazinform", "citing"), ("lada", "reports"), ("nur", "citing"), ("akimat", "citing")],
        "Сообщает Lada.kz со ссылкой на Казинформ, NUR.KZ и пресс-службу акимата области.",
        "Lada.kz Казинформға, NUR.KZ сайтына және Маңғыстау облысы әкімдігіне сілтеме жасап"
        " хабарлайды.",
    ),
    (  # nobody of ours reports: the cited sources are named as the source
        [("akimat", "citing")],
        "Источник: Пресс-служба акимата области.",
        "Дереккөз: Маңғыстау облысы әкімдігі.",
    ),
    (
        [("akimat", "citing"), ("kazinform", "citing")],
        "Источники: Пресс-служба акимата области и Казинформ.",
        "Дереккөздер: Маңғыстау облысы әкімдігі және Казинформ.",
    ),
    (
        [("youtube", "photo"), ("lada", "reports")],
        "Сообщает Lada.kz. Фото: YouTube.",
        "Lada.kz хабарлайды. Сурет: YouTube.",
    ),
    (
        [("lada", "reports"), ("kazinform", "citing"), ("youtube", "video")],
        "Сообщает Lada.kz со ссылкой на Казинформ. Видео: YouTube.",
        "Lada.kz Казинформға сілтеме жасап хабарлайды. Бейне: YouTube.",
    ),
]


def credits_text(client, article, language):
    with translation.override(language):
        url = article.get_absolute_url(language)
    response = client.get(url)
    assert response.status_code == 200
    html = response.text.split('<p class="credits">', 1)[1].split("</p>", 1)[0]
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(("sources", "russian", "kazakh"), COMBINATIONS)
def test_credits_line_is_a_sentence_in_both_languages(
    client, make_article, sources, russian, kazakh
):
    article = make_article()
    made = {}
    for position, (key, role) in enumerate(sources):
        if key not in made:
            made[key] = Source.objects.create(**SOURCES[key])
        ArticleSource.objects.create(
            article=article, source=made[key], role=role, position=position
        )
    assert credits_text(client, article, "ru") == russian
    assert credits_text(client, article, "kk") == kazakh


def test_credits_link_a_source_to_its_site(client, make_article):
    article = make_article()
    lada = Source.objects.create(**SOURCES["lada"])
    ArticleSource.objects.create(article=article, source=lada, role="reports", url="")
    with translation.override("ru"):
        page = client.get(article.get_absolute_url("ru")).text
    credits = page.split('<p class="credits">', 1)[1].split("</p>", 1)[0]
    assert credits == (
        'Сообщает <a href="https://www.lada.kz" rel="nofollow noopener">Lada.kz</a>.'
    )


def test_source_names_are_escaped_in_the_credits(client, make_article):
    article = make_article()
    source = Source.objects.create(name_ru="<b>Чужой</b>", name_kk="<b>Бөгде</b>")
    ArticleSource.objects.create(article=article, source=source, role="reports")
    with translation.override("ru"):
        page = client.get(article.get_absolute_url("ru")).text
    assert "Сообщает &lt;b&gt;Чужой&lt;/b&gt;." in page


@pytest.mark.parametrize(
    ("name", "kind", "dative"),
    [
        ("Казинформ", "agency", "Казинформға"),
        ("Қазақпарат", "agency", "Қазақпаратқа"),
        ("Ақорда", "official", "Ақордаға"),
        ("Мәжіліс", "official", "Мәжіліске"),
        ("Сенат", "official", "Сенатқа"),
        ("Егемен Қазақстан", "outlet", "Егемен Қазақстанға"),
        ("Өзен", "outlet", "Өзенге"),
        ("Полиция департаменті", "official", "Полиция департаментіне"),
        ("Денсаулық сақтау министрлігі", "official", "Денсаулық сақтау министрлігіне"),
        ("Ақтау қаласының баспасөз қызметі", "official", "Ақтау қаласының баспасөз қызметіне"),
        ("Tengrinews", "outlet", "Tengrinews сайтына"),
        ("Telegram", "social", "Telegram желісіне"),
    ],
)
def test_kazakh_dative_follows_vowel_harmony(name, kind, dative):
    assert kazakh_dative(name, kind) == dative
