"""Slugs are Latin, made from each language's title, with every letter mapped."""

import pytest

from articles.slugs import CYRILLIC_TO_LATIN, slugify

CASES = [
    ("Маңғыстау облысы әкімдігі жаңа мектеп ашты", "mangystau-oblysy-akimdigi-zhana-mektep-ashty"),
    ("Ақтау және Маңғыстау", "aqtau-zhane-mangystau"),
    ("Өзен кен орнында ұлттық үйлестіру", "ozen-ken-ornynda-ulttyq-uylestiru"),
    ("Һәм ғылым", "ham-gylym"),
    ("Новости Актау и Мангыстау", "novosti-aktau-i-mangystau"),
    ("Щедрый урожай: съезд фермеров в Жанаозене", "shchedryy-urozhay-sezd-fermerov-v-zhanaozene"),
    ("Юбилей «Каспия» — 50 лет!", "yubiley-kaspiya-50-let"),
    ("Ёлка, чай и хоккей", "elka-chay-i-khokkey"),
    ("Цены на бензин АИ-92 выросли", "tseny-na-benzin-ai-92-vyrosli"),
    ("COVID-19: новые правила", "covid-19-novye-pravila"),
    ("   ", ""),
    ("", ""),
]


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_title_transliterates_to_expected_slug(title, expected):
    assert slugify(title) == expected


def test_every_russian_and_kazakh_letter_is_mapped():
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "әғқңөұүһі"
    missing = [letter for letter in alphabet if letter not in CYRILLIC_TO_LATIN]
    assert missing == []
    for letter in "әғқңөұүһі":
        assert slugify(f"x{letter}x") not in {"x-x", "xx", ""}, letter


def test_long_title_is_cut_at_a_word_boundary():
    slug = slugify("Очень длинный заголовок " * 10)
    assert len(slug) <= 80
    assert not slug.endswith("-")


def test_article_gets_a_slug_per_language(make_article):
    article = make_article(
        title_ru="Маңғыстау облысы әкімдігі жаңа мектеп ашты",
        title_kk="Ақтау және Маңғыстау",
    )
    article.refresh_from_db()
    assert article.slug_ru == "mangystau-oblysy-akimdigi-zhana-mektep-ashty"
    assert article.slug_kk == "aqtau-zhane-mangystau"


def test_renamed_headline_gets_a_new_slug(article):
    article.title_ru = "Школа открылась досрочно"
    article.save()
    article.refresh_from_db()
    assert article.slug_ru == "shkola-otkrylas-dosrochno"
