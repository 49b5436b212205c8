"""Renditions: made once when a photo is saved, never during a page view;
served with <picture>/srcset; deleted with their photo; rebuilt by a command."""

import builtins
import io
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from PIL import Image

from articles import images
from articles.models import Photo
from tests import photo_files

PAGE_SIZES = "(min-width: 1024px) 760px, 100vw"


def add_photo(article, capture, size=(2400, 1600), position=0, name="photo.jpg"):
    with capture(execute=True):
        photo = Photo.objects.create(
            article=article,
            image=SimpleUploadedFile(name, photo_files.jpeg(size=size)),
            position=position,
            caption_ru=f"Снимок {position}",
            caption_kk=f"Сурет {position}",
            alt_ru="Набережная Актау",
            alt_kk="Ақтау жағалауы",
        )
    photo.refresh_from_db()
    return photo


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): path.stat().st_mtime_ns
        for path in root.rglob("*")
        if path.is_file()
    }


def test_renditions_are_made_once_at_upload_in_several_widths_webp_and_jpeg(
    article, django_capture_on_commit_callbacks
):
    photo = add_photo(article, django_capture_on_commit_callbacks)
    widths = [320, 640, 960, 1280, 1920]
    assert [item[0] for item in photo.renditions["webp"]] == widths
    assert [item[0] for item in photo.renditions["jpeg"]] == widths
    assert [item[1] for item in photo.renditions["jpeg"]] == [213, 427, 640, 853, 1280]
    assert photo.renditions["original"] == photo.image.name
    for kind, fmt in (("webp", "WEBP"), ("jpeg", "JPEG")):
        for width, height, name in photo.renditions[kind]:
            with default_storage.open(name, "rb") as stored:
                image = Image.open(stored)
                assert (image.format, image.size) == (fmt, (width, height))


def test_no_rendition_is_wider_than_the_original(article, django_capture_on_commit_callbacks):
    photo = add_photo(article, django_capture_on_commit_callbacks, size=(1000, 500))
    assert [item[0] for item in photo.renditions["jpeg"]] == [320, 640, 960, 1000]


def test_editing_a_caption_makes_no_new_rendition(article, django_capture_on_commit_callbacks):
    photo = add_photo(article, django_capture_on_commit_callbacks)
    before = dict(photo.renditions)
    with (
        mock.patch.object(FileSystemStorage, "_save", side_effect=AssertionError("saved")),
        mock.patch.object(Image, "open", side_effect=AssertionError("opened")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        photo.caption_ru = "Новая подпись"
        photo.save()
    photo.refresh_from_db()
    assert photo.renditions == before


def test_renditions_use_only_the_storage_api(article, settings, django_capture_on_commit_callbacks):
    """What works on Django's in-memory storage works on S3: no filesystem path is used."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    photo = add_photo(article, django_capture_on_commit_callbacks, size=(700, 400))
    assert [item[0] for item in photo.renditions["webp"]] == [320, 640, 700]
    assert default_storage.exists(photo.renditions["webp"][0][2])
    assert not (Path(settings.MEDIA_ROOT) / "photos").exists()


# The page ----------------------------------------------------------------------


@pytest.fixture
def article_with_three_photos(article, django_capture_on_commit_callbacks):
    for position in range(3):
        add_photo(article, django_capture_on_commit_callbacks, position=position)
    return article


def test_page_view_opens_no_image_file_and_makes_no_rendition(
    client, article_with_three_photos, settings
):
    for language in ("ru", "kk"):
        # Templates compiled and loaded: what follows is any reader's view...
        client.get(article_with_three_photos.get_absolute_url(language))
    cache.clear()  # ...rendered afresh, not answered from the page cache.
    media_root = os.path.realpath(settings.MEDIA_ROOT)
    before = media_files(settings)
    real_open = builtins.open
    opened = []

    def spy_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file).startswith(media_root):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    refuse = AssertionError("a page view touched an image")
    with (
        mock.patch("builtins.open", spy_open),
        mock.patch.object(Image, "open", side_effect=refuse),
        mock.patch.object(FileSystemStorage, "open", side_effect=refuse),
        mock.patch.object(FileSystemStorage, "save", side_effect=refuse),
        mock.patch.object(images, "make_renditions", side_effect=refuse),
    ):
        for language in ("ru", "kk"):
            response = client.get(article_with_three_photos.get_absolute_url(language))
            assert response.status_code == 200
            assert response.content.count(b"<picture>") >= 3

    assert opened == []
    assert media_files(settings) == before


def test_page_serves_webp_with_jpeg_fallback_sized_and_lazy_below_the_fold(
    client, article_with_three_photos
):
    html = client.get(article_with_three_photos.get_absolute_url("ru")).content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 3
    photos = list(article_with_three_photos.photos.order_by("position"))
    for index, (picture, photo) in enumerate(zip(pictures, photos, strict=True)):
        source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', picture)
        assert source, picture
        assert source.group(2) == PAGE_SIZES
        webp_widths = [int(w) for w in re.findall(r"\.webp (\d+)w", source.group(1))]
        assert webp_widths == [320, 640, 960, 1280, 1920]
        img = re.search(r"<img [^>]+>", picture).group(0)
        assert f'width="{photo.width}" height="{photo.height}"' in img
        assert 'alt="Набережная Актау"' in img
        assert re.search(r'srcset="[^"]+\.jpg 320w, [^"]+\.jpg 640w', img)
        assert f'sizes="{PAGE_SIZES}"' in img
        assert re.search(r'src="/media/photos/[^"]+-960\.jpg"', img)
        assert 'decoding="async"' in img
        if index == 0:  # the lead photo is the largest paint: no lazy loading
            assert 'loading="eager"' in img
        else:
            assert 'loading="lazy"' in img
    assert 'property="og:image"' in html


def test_lead_photo_feeds_open_graph(article, django_capture_on_commit_callbacks, settings):
    photo = add_photo(article, django_capture_on_commit_callbacks)
    og = photo.og_image
    assert og["url"].startswith(settings.SITE_URL + "/media/photos/")
    assert og["url"].endswith("-1280.jpg")
    assert (og["width"], og["height"]) == (1280, 853)
    assert photo.thumbnail_url.endswith("-320.jpg")


def test_photo_without_renditions_falls_back_to_the_original(article, client):
    # A photo stored before renditions existed (or whose renditions failed).
    photo = Photo(article=article, image="photos/2020/01/old.jpg", width=800, height=600)
    Photo.objects.bulk_create([photo])
    html = client.get(article.get_absolute_url("ru")).content.decode()
    assert '<img src="/media/photos/2020/01/old.jpg" width="800" height="600"' in html


# Deleting ------------------------------------------------------------------------


def test_deleting_a_photo_deletes_its_files(article, settings, django_capture_on_commit_callbacks):
    keep = add_photo(article, django_capture_on_commit_callbacks, size=(700, 400))
    photo = add_photo(article, django_capture_on_commit_callbacks, position=1)
    mine = {photo.image.name, *images.rendition_names(photo.renditions)}
    assert mine <= set(media_files(settings))
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    left = set(media_files(settings))
    assert not (mine & left)
    assert {keep.image.name, *images.rendition_names(keep.renditions)} == left


def test_deleting_an_article_deletes_its_photos_files(
    article_with_three_photos, settings, django_capture_on_commit_callbacks
):
    assert len(media_files(settings)) == 3 * 11
    with django_capture_on_commit_callbacks(execute=True):
        article_with_three_photos.delete()
    assert media_files(settings) == {}


def test_replacing_the_picture_deletes_the_old_files(
    article, settings, django_capture_on_commit_callbacks
):
    photo = add_photo(article, django_capture_on_commit_callbacks)
    old = {photo.image.name, *images.rendition_names(photo.renditions)}
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = SimpleUploadedFile("new.png", photo_files.png(size=(500, 500)))
        photo.save()
    photo.refresh_from_db()
    files = set(media_files(settings))
    assert not (old & files)
    assert files == {photo.image.name, *images.rendition_names(photo.renditions)}
    assert photo.image.name.endswith(".png")
    assert [item[0] for item in photo.renditions["jpeg"]] == [320, 500]


# Rebuilding -----------------------------------------------------------------------


def test_rebuild_dry_run_counts_and_writes_nothing(article_with_three_photos, settings, capsys):
    before = media_files(settings)
    call_command("rebuild_renditions", "--dry-run")
    assert "3 photo(s) would be rebuilt" in capsys.readouterr().out
    assert media_files(settings) == before


def test_rebuild_makes_lost_renditions_again_with_a_progress_bar(
    article_with_three_photos, settings, capsys
):
    photo = article_with_three_photos.photos.first()
    lost = photo.renditions["webp"][2][2]
    default_storage.delete(lost)
    Photo.objects.filter(pk=photo.pk).update(renditions={})

    call_command("rebuild_renditions", "--missing", "--batch-size", "1")

    captured = capsys.readouterr()
    assert "Rebuilt 1 of 1 photo(s)." in captured.out
    assert "Renditions: 100%" in captured.err
    photo.refresh_from_db()
    assert [item[0] for item in photo.renditions["webp"]] == [320, 640, 960, 1280, 1920]
    assert default_storage.exists(lost)


def test_rebuild_all_keeps_names_and_reports_broken_originals(
    article_with_three_photos, settings, capsys
):
    photos = list(article_with_three_photos.photos.order_by("pk"))
    names = {photo.pk: photo.renditions for photo in photos}
    default_storage.delete(photos[1].image.name)

    with pytest.raises(CommandError, match=rf"#{photos[1].pk} "):
        call_command("rebuild_renditions", "--batch-size", "2")

    assert "Rebuilt 2 of 3 photo(s)." in capsys.readouterr().out
    for photo in photos:
        photo.refresh_from_db()
        assert photo.renditions == names[photo.pk]
    assert default_storage.exists(photos[0].renditions["jpeg"][0][2])


def test_rebuild_output_is_a_real_picture(article, django_capture_on_commit_callbacks):
    photo = add_photo(article, django_capture_on_commit_callbacks, size=(900, 600))
    call_command("rebuild_renditions", verbosity=0)
    photo.refresh_from_db()
    with default_storage.open(photo.renditions["jpeg"][-1][2], "rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert image.size == (900, 600)


def test_a_page_cached_before_the_renditions_existed_is_renewed(
    client, article, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url("ru")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Photo.objects.create(article=article, image=SimpleUploadedFile("a.jpg", photo_files.jpeg()))
    renditions = [c for c in callbacks if c.__module__ == "articles.signals"]
    for callback in callbacks:
        if callback not in renditions:
            callback()  # the commit: the page cache is emptied
    # A reader comes while the renditions are still being made: the bare original.
    assert b"<picture>" not in client.get(url).content
    for callback in renditions:
        callback()
    assert b"<picture>" in client.get(url).content
