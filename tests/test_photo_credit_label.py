"""A photo credit reads «Фото: кадр YouTube» («Сурет: …» in Kazakh): the site adds the label."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Photo

from .test_admin_articles import change_url, editor, form_data, jpeg_bytes  # noqa: F401

pytestmark = pytest.mark.django_db
migration = import_module("articles.migrations.0018_photo_credit_without_label")


def _photo(article, **credits):
    return Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("kadr.jpg", jpeg_bytes(), "image/jpeg"),
        caption_ru="Пожар на складе",
        caption_kk="Қоймадағы өрт",
        **credits,
    )


def _credit_on_page(article, language):
    page = Client().get(article.get_absolute_url(language)).content.decode()
    return re.findall(r'<span class="credit">([^<]*)</span>', page)


def test_the_page_labels_the_credit_in_its_language(article):
    _photo(article, credit_ru="кадр YouTube", credit_kk="YouTube-тағы бейнежазбадан кадр")
    assert _credit_on_page(article, "ru") == ["Фото: кадр YouTube"]
    assert _credit_on_page(article, "kk") == ["Сурет: YouTube-тағы бейнежазбадан кадр"]


@pytest.mark.parametrize(
    "typed",
    ["Фото: кадр YouTube", "фото:кадр YouTube", "Photo: кадр YouTube", "Фото — кадр YouTube"],
)
def test_a_label_typed_by_habit_is_not_shown_twice(article, typed):
    photo = _photo(article, credit_ru=typed, credit_kk="Сурет: YouTube кадры")
    photo.refresh_from_db()
    assert (photo.credit_ru, photo.credit_kk) == ("кадр YouTube", "YouTube кадры")
    assert _credit_on_page(article, "ru") == ["Фото: кадр YouTube"]
    assert _credit_on_page(article, "kk") == ["Сурет: YouTube кадры"]


def test_the_admin_keeps_only_whose_photo_it_is(client, editor, article):  # noqa: F811
    photo = _photo(article, credit_ru="кадр YouTube")
    client.force_login(editor)
    form = client.get(change_url(article)).content.decode()
    assert "Фото:" not in re.search(r'id="id_photos-0-credit_ru"[^>]*>', form).group(0)
    assert "Страница сама добавит «Фото:»" in form
    data = form_data(article)
    data["photos-0-credit_ru"] = "Фото: пресс-служба акимата"
    data["photos-0-credit_kk"] = "Сурет: әкімдіктің баспасөз қызметі"
    assert client.post(change_url(article), data).status_code == 302
    photo.refresh_from_db()
    assert photo.credit_ru == "пресс-служба акимата"
    assert photo.credit_kk == "әкімдіктің баспасөз қызметі"
    kazakh_form = client.get("/kk" + change_url(article)).content.decode()
    assert "Бет «Сурет:» сөзін өзі қосады" in kazakh_form


def test_the_migration_takes_the_typed_label_off_saved_credits(article):
    photo = _photo(article)
    others = _photo(article)
    Photo.objects.filter(pk=photo.pk).update(
        credit="Фото: кадр YouTube", credit_ru="Фото: кадр YouTube", credit_kk="Сурет: кадр"
    )
    # Left alone: a credit without a label, and one that is nothing but the label.
    Photo.objects.filter(pk=others.pk).update(credit_ru="Фотостудия «Каспий»", credit_kk="Сурет:")
    migration.strip_labels(apps, None)
    photo.refresh_from_db()
    others.refresh_from_db()
    assert (photo.credit, photo.credit_ru, photo.credit_kk) == (
        "кадр YouTube",
        "кадр YouTube",
        "кадр",
    )
    assert (others.credit_ru, others.credit_kk) == ("Фотостудия «Каспий»", "Сурет:")
    assert _credit_on_page(article, "ru")[0] == "Фото: кадр YouTube"
