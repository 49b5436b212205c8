"""What shares and search engines read: the publisher's logo, the home page's
Organization, an image on every page, and feed enclosures with real lengths."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image

from articles.models import Photo
from tests import photo_files

pytestmark = pytest.mark.django_db


def _jsonld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def _meta(html, prop):
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)


def test_the_logo_is_a_real_png_of_at_least_112_pixels():
    path = finders.find("img/logo.png")
    assert path
    with Image.open(path) as logo:
        assert logo.format == "PNG"
        assert min(logo.size) >= 112


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_articles_publisher_has_the_logo(article, settings, language):
    settings.SITE_URL = "https://news.example.kz"
    html = Client().get(article.get_absolute_url(language)).content.decode()
    (news,) = [data for data in _jsonld(html) if data["@type"] == "NewsArticle"]
    logo = news["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"] == "https://news.example.kz/static/img/logo.png"
    assert logo["width"] >= 112 and logo["height"] >= 112


@pytest.mark.parametrize(
    ("prefix", "name"),
    [("", "Новости Актау и Мангыстау"), ("/kk", "Ақтау және Маңғыстау жаңалықтары")],
)
def test_the_home_page_says_who_publishes_the_site(article, settings, prefix, name):
    settings.SITE_URL = "https://news.example.kz"
    html = Client().get(f"{prefix}/").content.decode()
    (organization,) = _jsonld(html)
    assert organization["@context"] == "https://schema.org"
    assert organization["@type"] == "NewsMediaOrganization"
    assert organization["name"] == name
    assert organization["url"] == f"https://news.example.kz{prefix}/"
    assert organization["logo"]["url"] == "https://news.example.kz/static/img/logo.png"


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_home_and_rubric_pages_have_an_image_to_share(article, settings, prefix):
    settings.SITE_URL = "https://news.example.kz"
    for url in (f"{prefix}/", f"{prefix}/{article.rubric.slug}/"):
        html = Client().get(url).content.decode()
        assert _meta(html, "og:image") == ["https://news.example.kz/static/img/logo.png"], url
        assert _meta(html, "og:image:width") == ["512"]


def _add_photo(article, capture):
    with capture(execute=True):
        photo = Photo.objects.create(
            article=article,
            image=SimpleUploadedFile("kadr.jpg", photo_files.jpeg(size=(2400, 1600))),
            caption_ru="Склад",
            caption_kk="Қойма",
        )
    photo.refresh_from_db()
    return photo


def _enclosures(feed):
    root = ET.fromstring(Client().get(feed).content)  # noqa: S314 - our own XML
    return [item.find("enclosure") for item in root.findall("./channel/item")]


@pytest.mark.parametrize("feed", ["/rss/", "/kk/rss/"])
def test_feed_enclosures_give_the_files_real_length(
    article, django_capture_on_commit_callbacks, feed
):
    photo = _add_photo(article, django_capture_on_commit_callbacks)
    (enclosure,) = _enclosures(feed)
    name = next(item[2] for item in photo.renditions["jpeg"] if item[0] == 1280)
    assert enclosure.get("url").endswith(name)
    assert int(enclosure.get("length")) == default_storage.size(name) > 0
    assert enclosure.get("type") == "image/jpeg"


def test_older_photos_get_their_sizes_from_the_command_and_never_a_zero(
    article, django_capture_on_commit_callbacks
):
    photo = _add_photo(article, django_capture_on_commit_callbacks)
    # As photos were stored before sizes were kept.
    renditions = {key: value for key, value in photo.renditions.items() if key != "bytes"}
    Photo.objects.filter(pk=photo.pk).update(renditions=renditions)
    client = Client()
    assert client.get("/rss/").status_code == 200  # now in the page cache
    (enclosure,) = _enclosures("/rss/")
    assert enclosure is None  # unknown: left out, not "0"

    call_command("rendition_sizes", verbosity=0)
    (enclosure,) = _enclosures("/rss/")  # the cached feed was emptied
    name = next(item[2] for item in renditions["jpeg"] if item[0] == 1280)
    assert int(enclosure.get("length")) == default_storage.size(name)
    photo.refresh_from_db()
    assert set(photo.renditions["bytes"]) == {
        item[2] for kind in ("jpeg", "webp") for item in renditions[kind]
    }


def test_the_sizes_command_counts_without_writing_on_a_dry_run(
    article, django_capture_on_commit_callbacks, capsys
):
    photo = _add_photo(article, django_capture_on_commit_callbacks)
    renditions = {key: value for key, value in photo.renditions.items() if key != "bytes"}
    Photo.objects.filter(pk=photo.pk).update(renditions=renditions)
    call_command("rendition_sizes", "--dry-run")
    assert "1 photo(s) lack rendition sizes" in capsys.readouterr().out
    photo.refresh_from_db()
    assert "bytes" not in photo.renditions


def test_a_rendition_missing_from_storage_gets_no_size(article, django_capture_on_commit_callbacks):
    photo = _add_photo(article, django_capture_on_commit_callbacks)
    renditions = {key: value for key, value in photo.renditions.items() if key != "bytes"}
    Photo.objects.filter(pk=photo.pk).update(renditions=renditions)
    for _w, _h, name in renditions["jpeg"]:
        default_storage.delete(name)
    call_command("rendition_sizes", verbosity=0)
    photo.refresh_from_db()
    assert not any(name in photo.renditions.get("bytes", {}) for _w, _h, name in renditions["jpeg"])
    (enclosure,) = _enclosures("/rss/")
    assert enclosure is None
