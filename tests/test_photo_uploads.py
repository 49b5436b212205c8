"""Photo uploads: refused by content with a clear message, cleaned when accepted.

Files are real, made in the tests with Pillow (tests/photo_files.py): phone
photos with GPS and rotation, CMYK, animated GIF, truncated, bombs, SVG with
script, HTML and polyglots.
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageFile

from articles import images
from articles.models import Article, Photo
from tests import photo_files

ADD_URL = "/admin/articles/article/add/"


def message(key, **params):
    """The refusal as the Russian editor reads it (English until translated)."""
    with translation.override("ru"):
        text = str(images.MESSAGES[key])
        return text % params if params else text


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["image"]


def submit(name, data, article):
    form = PhotoForm(
        data={}, files={"image": SimpleUploadedFile(name, data)}, instance=Photo(article=article)
    )
    return form


def stored_files():
    _dirs, files = default_storage.listdir("photos")
    found = []
    for year in default_storage.listdir("photos")[0]:
        for month in default_storage.listdir(f"photos/{year}")[0]:
            found += [
                f"photos/{year}/{month}/{name}"
                for name in default_storage.listdir(f"photos/{year}/{month}")[1]
            ]
    return sorted(found + [f"photos/{name}" for name in files])


def upload(article, name, data, capture):
    with capture(execute=True):
        photo = Photo.objects.create(article=article, image=SimpleUploadedFile(name, data))
    photo.refresh_from_db()
    return photo


def open_stored(name):
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image, data


# Refusals, through a plain ModelForm -----------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "key", "params"),
    [
        ("photo.svg", photo_files.SVG_WITH_SCRIPT, "not_photo", {}),
        ("photo.jpg", photo_files.SVG_WITH_SCRIPT, "not_photo", {}),
        ("photo.jpg", photo_files.HTML_PAGE, "not_photo", {}),
        ("photo.gif", photo_files.gif_html_polyglot(), "code", {}),
        ("photo.png", photo_files.png_with_script_text(), "code", {}),
        ("photo.png", photo_files.png_bomb(), "too_many_pixels",
         {"pixels": "10000", "limit": "50"}),
        (
            "photo.png",
            photo_files.png_bomb(8000, 7000),
            "too_many_pixels",
            {"pixels": "56", "limit": "50"},
        ),
    ],
    ids=["svg", "svg-named-jpg", "html-named-jpg", "gif-html-polyglot", "png-text-script",
         "bomb-10-gigapixels", "over-our-50-megapixels"],
)  # fmt: skip
def test_hostile_or_broken_upload_is_refused_with_a_clear_message(article, name, data, key, params):
    form = submit(name, data, article)
    assert not form.is_valid()
    assert form.errors["image"] == [message(key, **params)]
    assert not Photo.objects.exists()


def test_truncated_jpeg_is_refused_as_damaged(article):
    whole = photo_files.noisy_jpeg()
    form = submit("photo.jpg", whole[: len(whole) * 2 // 3], article)
    assert not form.is_valid()
    assert form.errors["image"] == [message("damaged")]


def test_bomb_is_refused_before_it_is_decoded(article, monkeypatch):
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self.size))
    form = submit("photo.png", photo_files.png_bomb(9000, 9000), article)
    assert not form.is_valid()
    assert form.errors["image"] == [message("too_many_pixels", pixels="81", limit="50")]
    assert decoded == []


def test_file_over_the_byte_limit_is_refused(article, settings):
    settings.PHOTO_MAX_BYTES = 200_000
    data = photo_files.noisy_jpeg(size=(1200, 1000))
    assert len(data) > 200_000
    form = submit("big.jpg", data, article)
    assert not form.is_valid()
    size = f"{len(data) / images.MB:.1f}"
    limit = f"{200_000 / images.MB:g}"
    assert form.errors["image"] == [message("too_large", size=size, limit=limit)]


def test_refusals_are_in_the_editors_language(article):
    with translation.override("kk"):
        form = submit("photo.svg", photo_files.SVG_WITH_SCRIPT, article)
        assert not form.is_valid()
        assert form.errors["image"] == [str(images.MESSAGES["not_photo"])]


def test_shell_and_import_paths_are_checked_too(article, django_capture_on_commit_callbacks):
    with pytest.raises(images.ValidationError), django_capture_on_commit_callbacks(execute=True):
        Photo.objects.create(
            article=article, image=SimpleUploadedFile("x.jpg", photo_files.HTML_PAGE)
        )
    photo = Photo(article=article, image=SimpleUploadedFile("x.png", photo_files.png_bomb()))
    with pytest.raises(images.ValidationError):
        photo.full_clean()
    assert not Photo.objects.exists()


# Through the admin: the refusal shows and nothing typed is lost ---------------


class _FormDefaults(HTMLParser):
    """The values a browser would submit for the admin form as rendered."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.kz", "x")
    client.force_login(user)
    return client


def admin_post(client, rubric, image_name, image_data, capture):
    page = client.get(ADD_URL)
    assert page.status_code == 200
    parser = _FormDefaults()
    parser.feed(page.content.decode())
    data = {key: value for key, value in parser.data.items() if "__prefix__" not in key}
    data.update(
        {
            "title_ru": "Паводок в Жанаозене: дороги закрыты",
            "lead_ru": "Талая вода перекрыла трассу Жанаозен — Актау.",
            "body_ru": "<p>Спасатели работают всю ночь на трассе.</p>",
            "rubric": str(rubric.pk),
            "status": "draft",
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            "photos-0-position": "0",
            "photos-0-caption_ru": "Трасса у Жанаозена",
            "photos-0-image": SimpleUploadedFile(image_name, image_data),
            "_save": "Save",
        }
    )
    with capture(execute=True):
        return client.post(ADD_URL, data)


def test_admin_refuses_svg_and_keeps_everything_the_editor_typed(
    editor_client, rubric, django_capture_on_commit_callbacks
):
    response = admin_post(
        editor_client, rubric, "photo.jpg", photo_files.SVG_WITH_SCRIPT,
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert message("not_photo") in html
    assert "Паводок в Жанаозене: дороги закрыты" in html
    assert "Талая вода перекрыла трассу Жанаозен — Актау." in html
    assert "Спасатели работают всю ночь на трассе." in html
    assert "Трасса у Жанаозена" in html
    assert not Article.objects.exists()
    assert not Photo.objects.exists()


def test_admin_accepts_a_phone_photo_and_stores_it_clean(
    editor_client, rubric, django_capture_on_commit_callbacks
):
    response = admin_post(
        editor_client, rubric, "IMG_0042.JPG", photo_files.phone_jpeg(),
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (400, 800)
    assert photo.renditions["jpeg"] and photo.renditions["webp"]
    for name in stored_files():
        image, data = open_stored(name)
        assert not image.getexif(), name
        assert b"Exif" not in data


# What is stored ----------------------------------------------------------------


def test_phone_photo_is_turned_upright_and_loses_gps(article, django_capture_on_commit_callbacks):
    original = photo_files.phone_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(photo_files.GPS_IFD)

    photo = upload(article, "IMG_0042.jpg", original, django_capture_on_commit_callbacks)

    assert (photo.width, photo.height) == (400, 800)
    names = stored_files()
    assert photo.image.name in names
    assert len(names) == 1 + 2 * len(photo.renditions["jpeg"])
    for name in names:
        image, data = open_stored(name)
        # No EXIF at all (GPS, camera, orientation): nothing to leak, nothing to re-rotate.
        assert not image.getexif(), name
        assert b"Exif" not in data and b"PhoneMaker" not in data, name
        # Upright: the red half (left on the sensor) is now on top.
        rgb = image.convert("RGB")
        width, height = rgb.size
        assert height > width, name
        red = rgb.getpixel((width // 2, height // 4))
        blue = rgb.getpixel((width // 2, height * 3 // 4))
        assert red[0] > 200 and red[2] < 60, (name, red)
        assert blue[2] > 200 and blue[0] < 60, (name, blue)


def test_png_renamed_jpg_is_accepted_as_png_and_stored_as_png(
    article, django_capture_on_commit_callbacks
):
    photo = upload(article, "screenshot.jpg", photo_files.png(), django_capture_on_commit_callbacks)
    assert photo.image.name.endswith(".png")
    image, _data = open_stored(photo.image.name)
    assert image.format == "PNG"


def test_file_without_extension_is_judged_by_content(article):
    form = submit("photo", photo_files.jpeg(), article)
    assert form.is_valid(), form.errors


def test_cmyk_jpeg_becomes_rgb_with_the_same_colour(article, django_capture_on_commit_callbacks):
    photo = upload(
        article, "print.jpg", photo_files.cmyk_jpeg(), django_capture_on_commit_callbacks
    )
    for name in stored_files():
        image, _data = open_stored(name)
        assert image.mode == "RGB", name
        red, green, blue = image.getpixel((image.width // 2, image.height // 2))
        assert red > 200 and green < 60 and blue < 60, (name, image.getpixel((5, 5)))
    assert photo.image.name.endswith(".jpg")


def test_animated_gif_keeps_its_first_frame_as_a_still(article, django_capture_on_commit_callbacks):
    photo = upload(
        article, "loop.gif", photo_files.animated_gif(), django_capture_on_commit_callbacks
    )
    assert photo.image.name.endswith(".png")
    for name in stored_files():
        image, _data = open_stored(name)
        assert not getattr(image, "is_animated", False), name
        red, green, blue = image.convert("RGB").getpixel((10, 10))
        assert red > 200 and green < 60 and blue < 60, name
    assert (photo.width, photo.height) == (120, 80)


def test_transparent_png_renditions_are_on_white(article, django_capture_on_commit_callbacks):
    photo = upload(article, "logo.png", photo_files.rgba_png(), django_capture_on_commit_callbacks)
    image, _data = open_stored(photo.image.name)
    assert image.mode == "RGBA"  # the original keeps its transparency
    for _w, _h, name in photo.renditions["jpeg"] + photo.renditions["webp"]:
        rendition, _data = open_stored(name)
        rgb = rendition.convert("RGB")
        left = rgb.getpixel((5, rgb.height // 2))
        right = rgb.getpixel((rgb.width - 5, rgb.height // 2))
        assert min(left) > 240, (name, left)
        assert right[2] > 200 and right[0] < 60, (name, right)


def test_webp_upload_is_accepted(article, django_capture_on_commit_callbacks):
    photo = upload(article, "agency.webp", photo_files.webp(), django_capture_on_commit_callbacks)
    assert photo.image.name.endswith(".jpg")
    assert [w for w, _h, _n in photo.renditions["webp"]] == [320, 640]


def test_stored_names_come_from_us_not_the_uploader(article, django_capture_on_commit_callbacks):
    photo = upload(article, "фото.jpg.php", photo_files.jpeg(), django_capture_on_commit_callbacks)
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)


def test_multi_picture_phone_jpeg_is_stored_as_one_plain_jpeg(
    article, django_capture_on_commit_callbacks
):
    data = photo_files.mpo()
    assert Image.open(io.BytesIO(data)).format == "MPO"
    photo = upload(article, "IMG_0001.JPG", data, django_capture_on_commit_callbacks)
    image, _data = open_stored(photo.image.name)
    assert (image.format, image.size) == ("JPEG", (640, 480))
    assert getattr(image, "n_frames", 1) == 1


def test_saving_through_the_field_file_is_cleaned_too(article, django_capture_on_commit_callbacks):
    """The way load_demo and imports store a picture: photo.image.save(name, content)."""
    photo = Photo(article=article, position=0)
    with django_capture_on_commit_callbacks(execute=True):
        photo.image.save("agency.jpg", ContentFile(photo_files.phone_jpeg()), save=False)
        photo.save()
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (400, 800)
    assert photo.renditions["original"] == photo.image.name
    for name in stored_files():
        image, data = open_stored(name)
        assert not image.getexif() and b"Exif" not in data, name


def test_colour_profile_is_applied_then_dropped(article, django_capture_on_commit_callbacks):
    """Phones tag photos with an ICC profile; stored files are plain sRGB, untagged."""
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (700, 500), (200, 30, 40)).save(buffer, "JPEG", icc_profile=srgb)
    photo = upload(article, "tagged.jpg", buffer.getvalue(), django_capture_on_commit_callbacks)
    for name in stored_files():
        image, _data = open_stored(name)
        assert "icc_profile" not in image.info, name
        red, green, blue = image.convert("RGB").getpixel((100, 100))
        assert abs(red - 200) < 8 and green < 45 and blue < 55, (name, red, green, blue)
    assert photo.width == 700
