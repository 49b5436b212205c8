"""An article published with no text in any language (shell, import): public nowhere, no 500."""

import pytest
from django.test import Client

from articles.models import Article

from .test_admin_articles import form_data, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty(make_article):
    # What a shell or an import can do: objects.create() skips the form's clean().
    return make_article(
        title_ru="Пустая статья", lead_ru="", body_ru="", title_kk="", lead_kk="", body_kk=""
    )


def test_an_article_with_no_body_is_not_found_in_either_language(empty):
    client = Client(raise_request_exception=False)
    assert empty.languages == []
    for language in ("ru", "kk"):
        for url in (empty.get_absolute_url(language), f"{empty.get_absolute_url(language)}x/"):
            response = client.get(url)
            assert response.status_code == 404, (url, response.status_code)
    assert client.get(f"/comments/{empty.pk}/").status_code == 404
    assert client.get(f"/kk/comments/{empty.pk}/block/").status_code == 404


def test_an_article_with_no_body_is_in_no_listing_feed_or_sitemap(empty, article):
    client = Client()
    for url in ("/", "/kk/", f"/{article.rubric.slug}/", "/rss/", "/kk/rss/", "/rss/atom/"):
        page = client.get(url).content.decode()
        assert article.title_ru in page or article.title_kk in page, url
        assert "Пустая статья" not in page, url
        assert f"/{empty.pk}-" not in page, url
    for url in ("/sitemap-articles.xml", "/sitemap.xml", "/news-sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f"/{empty.pk}-" not in response.content.decode(), url
        assert f"/{empty.pk}/" not in response.content.decode(), url


def test_the_admin_still_refuses_to_publish_an_article_without_text(client, rubric):
    client.force_login(make_user("editor", "Editors"))
    response = client.post(
        "/admin/articles/article/add/",
        form_data(title_ru="Без текста", rubric=str(rubric.pk), status="published"),
    )
    assert response.status_code == 200
    assert "Заполните заголовок и текст хотя бы на одном языке" in response.content.decode()
    assert not Article.objects.filter(title_ru="Без текста").exists()
