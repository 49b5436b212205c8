"""The photo inline: new photos go last, in the order added; named by caption or place."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article, Photo

from .test_admin_articles import change_url, editor, form_data, jpeg_bytes  # noqa: F401

PREFIX = {"ru": "/admin/", "kk": "/kk/admin/"}
migration = import_module("articles.migrations.0013_photo_positions_distinct")


def added_photos(start, *captions, position=""):
    """Inline fields for new photos, at form ``start`` onwards, as the empty form posts them."""
    data = {}
    for offset, caption in enumerate(captions):
        prefix = f"photos-{start + offset}"
        data[f"{prefix}-image"] = SimpleUploadedFile(f"{offset}.jpg", jpeg_bytes(), "image/jpeg")
        data[f"{prefix}-caption_ru"] = caption
        data[f"{prefix}-position"] = position
    data["photos-TOTAL_FORMS"] = str(start + len(captions))
    return data


def stored(name):
    return SimpleUploadedFile(name, jpeg_bytes(), "image/jpeg")


def positions(article):
    return [(photo.caption_ru, photo.position) for photo in article.photos.order_by("position")]


@pytest.fixture
def logged_in(client, editor):  # noqa: F811
    client.force_login(editor)
    return client


def test_photos_added_together_to_a_new_article_get_distinct_positions(logged_in, rubric):
    data = form_data(title_ru="Шторм в Актау", body_ru="<p>Ветер.</p>", rubric=str(rubric.pk))
    data.update(added_photos(0, "Первая", "Вторая"))
    response = logged_in.post("/admin/articles/article/add/", data)
    assert response.status_code == 302
    article = Article.objects.get(title_ru="Шторм в Актау")
    assert positions(article) == [("Первая", 0), ("Вторая", 1)]


def test_photos_added_together_go_after_the_existing_ones_in_the_order_added(logged_in, article):
    Photo.objects.create(article=article, image=stored("old.jpg"), caption_ru="Старая", position=4)
    data = form_data(article)
    data.update(added_photos(1, "Третья", "Первая новая", "Вторая новая"))
    response = logged_in.post(change_url(article), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert positions(article) == [
        ("Старая", 4),
        ("Третья", 5),
        ("Первая новая", 6),
        ("Вторая новая", 7),
    ]


def test_a_position_typed_in_is_kept_and_skipped_by_the_others(logged_in, article):
    Photo.objects.create(article=article, image=stored("old.jpg"), caption_ru="Старая", position=0)
    data = form_data(article)
    data.update(added_photos(1, "Без места", "Вторая"))
    data["photos-2-position"] = "1"
    response = logged_in.post(change_url(article), data)
    assert response.status_code == 302
    assert positions(article) == [("Старая", 0), ("Вторая", 1), ("Без места", 2)]


def test_a_new_photo_form_starts_without_a_position(logged_in, article):
    html = logged_in.get(change_url(article)).content.decode()
    [empty] = re.findall(r'<input[^>]*name="photos-__prefix__-position"[^>]*>', html)
    assert "value=" not in empty
    assert "required" not in empty
    assert "Оставьте пустым, чтобы фото встало после остальных." in html


@pytest.mark.parametrize(
    ("lang", "titles"),
    [("ru", ["Набережная", "Фото 2"]), ("kk", ["Набережная", "Фотосурет 2"])],
)
def test_a_photo_without_caption_is_titled_by_its_place_not_its_file(
    logged_in, article, lang, titles
):
    Photo.objects.create(
        article=article, image=stored("abc123.jpg"), caption_ru="Набережная", position=0
    )
    Photo.objects.create(article=article, image=stored("def456.jpg"), position=1)
    html = logged_in.get(f"{PREFIX[lang]}articles/article/{article.pk}/change/").content.decode()
    labels = re.findall(r'<span class="inline_label">(.*?)</span>', html, re.DOTALL)
    # The last is the template for a photo added in the page ("#3" until saved).
    assert [re.sub(r"<.*", "", label, flags=re.DOTALL).strip() for label in labels[:-1]] == titles
    assert "photos/" not in "".join(labels)


def test_photos_sharing_a_position_are_numbered_in_their_order(make_article):
    """The data migration for photos saved before positions were given out."""
    article, other = make_article(), make_article()
    first, second, lead = (
        Photo.objects.create(article=article, image=stored(f"{name}.jpg"), position=3)
        for name in "abc"
    )
    Photo.objects.filter(pk=lead.pk).update(position=0)
    kept = [Photo.objects.create(article=other, image=stored("d.jpg"), position=p) for p in (2, 5)]

    migration.distinct_positions(apps, None)

    assert list(article.photos.order_by("position").values_list("pk", "position")) == [
        (lead.pk, 0),
        (first.pk, 1),
        (second.pk, 2),
    ]
    assert [photo.position for photo in other.photos.order_by("position")] == [2, 5]
    assert [photo.pk for photo in other.photos.order_by("position")] == [p.pk for p in kept]
