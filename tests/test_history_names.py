"""An article's history and comparison read like a newsroom tool, in Russian and Kazakh.

Sources carry their role in the admin's language, photos are named by caption
or "Фото N" (never by their file), stored values read as the form shows them.
"""

import re

import pytest
from django.utils import translation
from reversion.models import Version

from articles.models import Photo, Rubric

from .test_admin_articles import change_url, editor, errors_of, form_data, new_photo  # noqa: F401

PREFIX = {"ru": "/admin/", "kk": "/kk/admin/"}


@pytest.fixture
def logged_in(client, editor):  # noqa: F811
    client.force_login(editor)
    return client


def history_text(client, article, lang):
    html = client.get(f"{PREFIX[lang]}articles/article/{article.pk}/history/").content.decode()
    table = html[html.find("<tbody>") : html.find("</tbody>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table))


def add_photo_and_source(client, article, source, **fields):
    data = form_data(article, **new_photo("", ""), **fields)
    data.update(
        {
            "article_sources-TOTAL_FORMS": "1",
            "article_sources-0-source": str(source.pk),
            "article_sources-0-role": "reports",
            "article_sources-0-position": "0",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["Добавлено фото «Фото 1».", "Добавлен источник «Казинформ (сообщает)»."]),
        (
            "kk",
            ["«Фотосурет 1» фотосуреті қосылды.", "«Қазақпарат (хабарлайды)» дереккөзі қосылды."],
        ),
    ],
)
def test_history_names_photos_and_sources_in_the_admin_language(
    logged_in, article, source, lang, expected
):
    add_photo_and_source(logged_in, article, source)
    text = history_text(logged_in, article, lang)
    for sentence in expected:
        assert sentence in text, text
    for raw in ("(reports)", "photos/", "Photo 1", "“", "article source"):
        assert raw not in text, text


def test_history_saved_before_photos_had_names_finds_the_photo_by_its_file(
    logged_in, article, source
):
    add_photo_and_source(logged_in, article, source)
    photo = article.photos.get()
    photo.caption_ru, photo.caption_kk = "Набережная", "Жағалау"
    photo.save()
    # An older version's comment names the photo by its storage path.
    revision = Version.objects.get_for_object(article).first().revision
    revision.comment = revision.comment.replace("Photo 1", photo.image.name)
    revision.save()
    assert "Фото 1" in history_text(logged_in, article, "ru")
    assert "Фотосурет 1" in history_text(logged_in, article, "kk")


def test_history_names_changed_fields_in_the_admin_language(logged_in, article):
    data = form_data(article, is_breaking="on", age_rating="16+")
    response = logged_in.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert "Изменено: Возрастная маркировка, Срочная новость." in history_text(
        logged_in, article, "ru"
    )
    text = history_text(logged_in, article, "kk")
    assert "Breaking" not in text and "Age" not in text, text


def compare_text(client, article, old, new, lang):
    url = f"{PREFIX[lang]}articles/article/{article.pk}/history/compare/"
    html = client.get(url, {"old": old.pk, "new": new.pk}).content.decode()
    start = html.find('<table class="compare-table">')
    table = html[start : html.find("</table>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Актау Жанаозен",  # the rubric by name
                "опубликовано черновик",  # the status by its label
                "Нет Да",  # yes/no
                "Фото 1",
                "Казинформ (сообщает)",
            ],
        ),
        (
            "kk",
            [
                "Ақтау Жаңаөзен",
                "жарияланған жоба",
                "Жоқ Иә",
                "Фотосурет 1",
                "Қазақпарат (хабарлайды)",
            ],
        ),
    ],
)
def test_compare_shows_values_as_the_form_does(logged_in, article, source, lang, expected):
    response = logged_in.post(change_url(article), form_data(article))  # the first version
    assert response.status_code == 302, errors_of(response)
    first = Version.objects.get_for_object(article).first()
    article.refresh_from_db()
    other = Rubric.objects.create(name_ru="Жанаозен", name_kk="Жаңаөзен", slug="zhanaozen")
    data = form_data(article, rubric=str(other.pk), status="draft", is_breaking="on")
    data["published_at_0"], data["published_at_1"] = "11.01.2026", "13:19:00"
    response = logged_in.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    add_photo_and_source(logged_in, article, source, is_breaking="on")
    last = Version.objects.get_for_object(article).first()

    text = compare_text(logged_in, article, first, last, lang)
    for words in expected:
        assert words in text, text
    # The publication time in the admin's format, local time (Asia/Aqtau).
    assert ("11 января 2026" if lang == "ru" else "11 қаңтар 2026") in text, text
    assert "13:19" in text
    for raw in ("published", "draft", "True", "False", "2026-01-11", "photos/", "(reports)"):
        assert raw not in text, text


def test_photo_is_named_by_caption_in_the_admin_language(logged_in, article):
    Photo.objects.create(
        article=article, image="photos/x.jpg", caption_ru="Море", caption_kk="Теңіз"
    )
    with translation.override("ru"):
        assert str(article.photos.get()) == "Море"
    with translation.override("kk"):
        assert str(article.photos.get()) == "Теңіз"
    Photo.objects.filter(article=article).update(caption_ru="", caption_kk="")
    with translation.override("kk"):
        assert str(article.photos.get()) == "Фотосурет 1"


def test_a_version_holds_its_photos_as_saved_not_as_loaded(logged_in, article):
    photo = Photo.objects.create(article=article, image="photos/x.jpg", position=0)
    data = form_data(article)
    data["photos-0-caption_ru"] = "Победительница за доской"
    response = logged_in.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    photo.refresh_from_db()
    assert photo.caption_ru == "Победительница за доской"

    latest = Version.objects.get_for_object(article).first()
    [saved] = [
        item.field_dict
        for item in latest.revision.version_set.all()
        if item.content_type.model_class() is Photo
    ]
    assert saved["caption_ru"] == "Победительница за доской"
