"""Every reader page runs a fixed number of SQL queries, however rich the articles are."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from viewcounts.models import ArticleViewDay

from .reader_content import enrich, other_rubric

MAX_QUERIES = 10


@pytest.fixture
def newsroom(make_article, rubric):
    """Builds a site whose articles have ``count`` photos, tags and sources each."""

    def build(count):
        accidents = other_rubric()
        articles = []
        for index in range(6):
            article = make_article(
                title_ru=f"Новость {index}",
                title_kk=f"Жаңалық {index}",
                rubric=accidents if index % 2 else rubric,
                published_at=timezone.now() - timedelta(hours=index + 1),
                is_pinned=index == 2,
            )
            articles.append(enrich(article, count=count))
        ArticleViewDay.objects.create(article=articles[1], day=timezone.localdate(), views=40)
        ArticleViewDay.objects.create(article=articles[3], day=timezone.localdate(), views=7)
        return articles

    return build


def pages(articles):
    first = articles[0]
    tag = first.tags.first()
    return [
        "/",
        "/kk/",
        "/aktau/",
        "/kk/aktau/",
        "/aktau/?page=2",
        f"/tag/{tag.slug}/",
        f"/kk/tag/{tag.slug}/",
        first.get_absolute_url("ru"),
        first.get_absolute_url("kk"),
        articles[1].get_absolute_url("ru"),
        "/search/?q=новость",
        "/kk/search/?q=жаңалық",
        "/search/?q=!!!",
        "/rss/",
        "/kk/aktau/rss/",
    ]


def _counts(client, urls):
    counts = {}
    for url in urls:
        cache.clear()  # a cold page: neither the page nor "most read" cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.parametrize("count", [3, 30])
def test_every_reader_page_runs_at_most_ten_queries(
    client, newsroom, django_assert_max_num_queries, count
):
    articles = newsroom(count)
    for url in pages(articles):
        cache.clear()  # a cold page: neither the page nor "most read" cached
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200, url


def test_query_counts_do_not_grow_with_photos_tags_and_sources(client, newsroom, rubric):
    """The same pages with 3 and with 30 related objects per article: equal counts."""
    few = _counts(client, pages(newsroom(3)))
    from articles.models import Article, Photo, Rubric, Source, Tag

    Article.objects.all().delete()
    Photo.objects.all().delete()
    Tag.objects.all().delete()
    Source.objects.all().delete()
    Rubric.objects.exclude(pk=rubric.pk).delete()
    many = _counts(client, pages(newsroom(30)))
    print("queries per page:", many)
    assert list(few.values()) == list(many.values()), (few, many)


@pytest.mark.parametrize("count", [3, 30])
def test_article_page_stays_within_budget_in_the_worst_case(
    client, make_article, django_assert_max_num_queries, count
):
    """Cold caches, and today's most read exists only in Russian: on a Kazakh
    page "most read" ranks, finds nothing in Kazakh and falls back to all-time views."""
    article = enrich(make_article(), count=count)
    russian_only = make_article(title_ru="Только по-русски", title_kk="", body_kk="")
    ArticleViewDay.objects.create(article=russian_only, day=timezone.localdate(), views=99)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(article.get_absolute_url("kk"))
    assert response.status_code == 200
    assert 'class="sidebar"' in response.text
