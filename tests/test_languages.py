"""Both languages: listings, article pages, URLs and date formats."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation


def test_home_lists_titles_in_each_language(client, make_article):
    make_article(title_ru="Новость на русском", title_kk="Қазақша жаңалық")
    ru = client.get("/")
    kk = client.get("/kk/")
    assert ru.status_code == kk.status_code == 200
    assert "Новость на русском" in ru.text and "Қазақша жаңалық" not in ru.text
    assert "Қазақша жаңалық" in kk.text and "Новость на русском" not in kk.text
    assert '<html lang="ru">' in ru.text
    assert '<html lang="kk">' in kk.text


def test_article_without_kazakh_is_not_listed_under_kk(client, make_article):
    make_article(title_ru="Только по-русски", title_kk="", lead_kk="", body_kk="")
    assert "Только по-русски" in client.get("/").text
    assert "Только по-русски" not in client.get("/kk/").text


def test_kazakh_only_article_is_not_listed_in_russian(client, make_article):
    make_article(title_ru="", lead_ru="", body_ru="", title_kk="Тек қазақша")
    assert "Тек қазақша" in client.get("/kk/").text
    assert "Тек қазақша" not in client.get("/").text


def test_article_page_in_both_languages(client, article):
    ru = client.get(article.get_absolute_url("ru"))
    kk = client.get(article.get_absolute_url("kk"))
    assert ru.status_code == kk.status_code == 200
    assert article.title_ru in ru.text and article.title_kk not in ru.text
    assert article.title_kk in kk.text and article.title_ru not in kk.text
    assert article.get_absolute_url("kk").startswith("/kk/aktau/")


def test_stale_slug_redirects_permanently(client, article):
    response = client.get(f"/aktau/{article.pk}-old-headline/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("ru")


DATE = datetime(2026, 1, 11, 8, 19, tzinfo=ZoneInfo("UTC"))  # 13:19 in Aqtau


@pytest.mark.parametrize(
    ("language", "fmt", "expected"),
    [
        ("kk", "DATETIME_FORMAT", "11 қаңтар 2026, 13:19"),
        ("kk", "SHORT_DATETIME_FORMAT", "11.01.2026, 13:19"),
        ("ru", "DATETIME_FORMAT", "11 января 2026, 13:19"),
        ("ru", "SHORT_DATETIME_FORMAT", "11.01.2026, 13:19"),
    ],
)
def test_dates_follow_local_usage(language, fmt, expected):
    with translation.override(language):
        rendered = Template("{{ when|date:fmt }}").render(Context({"when": DATE, "fmt": fmt}))
    assert rendered == expected


def test_kazakh_forms_accept_day_first_dates():
    from django import forms

    class DateForm(forms.Form):
        when = forms.DateTimeField()

    with translation.override("kk"):
        form = DateForm({"when": "11.01.2026 13:19"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["when"].day == 11
