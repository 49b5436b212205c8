"""Every count a reader sees is the number of approved, visible comments."""

import re

import pytest
from django.test import Client

from articles.models import Comments, Tag

from .readers import make_comment, make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed(article):
    """Two approved comments (one a reply), one pending, one hidden, one under a hidden one."""
    reader = make_reader()
    first = make_comment(article, reader, text="Одобрен")
    make_comment(article, reader, text="Ответ", parent=first)
    make_comment(article, reader, text="Ждёт", status="pending")
    hidden = make_comment(article, reader, text="Скрыт", status="hidden")
    make_comment(article, reader, text="Под скрытым", parent=hidden)
    return article


@pytest.mark.parametrize("prefix, label", [("", "2 комментария"), ("/kk", "2 пікір")])
def test_listings_and_the_article_page_count_approved_comments(discussed, prefix, label):
    discussed.tags.add(Tag.objects.create(name="Школа", name_kk="Мектеп"))
    tag_slug = discussed.tags.first().slug
    language = prefix.strip("/") or "ru"
    for url in (
        f"{prefix}/",
        f"{prefix}/aktau/",
        f"{prefix}/tag/{tag_slug}/",
        discussed.get_absolute_url(language),
    ):
        html = Client().get(url).content.decode()
        assert re.search(rf'class="meta__comments"[^>]*>{label}<', html), url
    block = Client().get(f"{prefix}/comments/{discussed.pk}/block/").content.decode()
    assert f'data-comment-count-label="{label}"' in block


def test_feeds_carry_the_real_count(discussed):
    for url in ("/rss/", "/kk/aktau/rss/"):
        xml = Client().get(url).content.decode()
        assert 'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"' in xml
        assert "<slash:comments>2</slash:comments>" in xml, url


def test_an_article_with_hidden_comments_shows_no_count_and_no_block(discussed):
    discussed.comments = Comments.HIDDEN
    discussed.save()
    html = Client().get(discussed.get_absolute_url("ru")).content.decode()
    assert "meta__comments" not in html and "data-comments-block" not in html
    assert "slash:comments>" not in Client().get("/rss/").content.decode()
    assert Client().get(f"/comments/{discussed.pk}/block/").status_code == 404
