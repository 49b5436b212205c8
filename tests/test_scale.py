"""Many articles: the generator, and pages whose cost does not grow with the archive."""

import re

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles import related, slugs
from articles.models import Article, Rubric
from viewcounts.models import ArticleViewDay
from viewcounts.ranking import most_read


def _generate(count):
    call_command("generate_articles", count=count, batch_size=70, per_day=40, verbosity=0)


def test_generator_makes_readable_articles_in_both_languages(client, db):
    _generate(200)

    published = Article.objects.published()
    assert published.count() == 200
    assert 100 <= published.in_language("kk").count() < 200
    assert Rubric.objects.count() >= 5
    assert ArticleViewDay.objects.exists()
    for article in published.in_language("kk").select_related("rubric")[:3]:
        # bulk_create skips save(): slugs were set explicitly, the same way.
        assert article.slug_ru == slugs.slugify(article.title_ru)
        assert article.slug_kk == slugs.slugify(article.title_kk)
        assert client.get(article.get_absolute_url("ru")).status_code == 200
        kk_page = client.get(article.get_absolute_url("kk")).content.decode()
        assert article.title_kk in kk_page


def test_generator_refuses_nonsense(db):
    with pytest.raises(CommandError):
        call_command("generate_articles", count=0, verbosity=0)
    with pytest.raises(CommandError):
        call_command("generate_articles", count=10, kazakh_share=2.0, verbosity=0)


def _queries(client, url):
    cache.clear()
    client.get("/no-such-rubric/")  # the page cache's own bookkeeping query
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_pages_ask_the_same_number_of_queries_whatever_the_archive_size(client, db):
    _generate(60)
    article = Article.objects.published().in_language("kk").latest().first()
    rubric = article.rubric
    urls = []
    for code in ("ru", "kk"):
        with translation.override(code):
            urls += [reverse("articles:home"), rubric.get_absolute_url()]
        urls.append(article.get_absolute_url(code))
    small = {url: _queries(client, url) for url in urls}

    _generate(400)

    assert {url: _queries(client, url) for url in urls} == small


def _plan(queryset):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Tiny test tables make sequential scans cheapest: ask whether an
            # index *can* serve the query.
            cursor.execute("SET enable_seqscan = off")
    return queryset.explain()


def _queries_of(call):
    """The SQL and parameters ``call`` sends to the database."""
    sent = []

    def record(execute, sql, params, many, context):
        sent.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        call()
    return sent


def _plan_sql(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def _full_scans(plan):
    if connection.vendor == "postgresql":
        return re.findall(r"Seq Scan on (articles_article|articles_articleviewday)\b", plan)
    # SCAN is SQLite reading a whole table or a whole index (SEARCH is a lookup).
    return re.findall(r"\bSCAN (?!\(subquery)\S+.*", plan)


def _sorts(plan):
    if connection.vendor == "postgresql":
        # PostgreSQL plans by statistics: sorting 300 rows is cheapest here,
        # which says nothing about 100 000 (see `make bench`).
        return []
    # SQLite plans by its heuristics whatever the size: what it does here it
    # does with 100 000 articles.
    return re.findall(r"TEMP B-TREE FOR ORDER BY", plan)


# Listings read the newest rows straight off an index, in order, and stop.
IN_INDEX_ORDER = {"home", "rubric page 3", "next scheduled"}


def test_reader_queries_walk_indexes_not_the_whole_archive(db):
    _generate(300)
    article = Article.objects.published().in_language("kk").for_page().latest().first()
    rubric = article.rubric
    for code in ("ru", "kk"):
        listing = Article.objects.published().in_language(code).for_listing().latest()
        queries = {
            "home": listing[:20],
            "rubric page 3": listing.in_rubric(rubric)[40:60],
            "next scheduled": Article.objects.scheduled().order_by("published_at")[:1],
        }
        for name, queryset in queries.items():
            plan = _plan(queryset)
            assert _full_scans(plan) == [], f"{name} ({code}):\n{plan}"
            if name in IN_INDEX_ORDER:
                assert _sorts(plan) == [], f"{name} ({code}):\n{plan}"
        # Related articles, as saving an article ranks them: the window's
        # published articles, then their tags.
        sent = _queries_of(lambda article=article: related.ranked_ids(article))
        assert len(sent) == 2
        for sql, params in sent:
            plan = _plan_sql(sql, params)
            assert _full_scans(plan) == [], f"related ({code}):\n{sql}\n{plan}"
        # "Most read", as the sidebar asks for it: the ranking over the view
        # rows of the last days, then the articles it names.
        cache.clear()
        sent = _queries_of(lambda code=code: most_read(Article.objects.in_language(code)))
        assert len(sent) == 2  # the ranking, then the articles
        for sql, params in sent:
            plan = _plan_sql(sql, params)
            assert _full_scans(plan) == [], f"most read ({code}):\n{sql}\n{plan}"
