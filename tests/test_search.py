"""Reader search: finds words in either language, ranks, highlights, never fails."""

import pytest
from django.db import connection

from search.engine import clean_query

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
)


def results(response):
    assert response.status_code == 200
    return response.text.split('class="search-page-form"', 1)[1]


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_search_finds_an_article_in_the_page_language(client, make_article, prefix):
    make_article(
        title_ru="В Актау открыли новую школу",
        title_kk="Ақтауда жаңа мектеп ашылды",
    )
    make_article(
        title_ru="Погода на выходные",
        lead_ru="Ветер и дождь",
        body_ru="<p>Синоптики обещают ветер.</p>",
        title_kk="Демалыс күнгі ауа райы",
        lead_kk="Жел мен жаңбыр",
        body_kk="<p>Синоптиктер жел болатынын айтады.</p>",
    )
    query = "мектеп" if prefix else "школа"
    page = results(client.get(f"{prefix}/search/", {"q": query}))
    if prefix:
        assert "Ақтауда жаңа мектеп ашылды" in page and "ауа райы" not in page
        assert "В Актау" not in page
    else:
        assert "В Актау открыли новую школу" in page and "Погода" not in page
        assert "Ақтауда" not in page
    assert "<mark>" in page


def test_fallback_finds_a_word_whatever_its_cyrillic_case(client, make_article):
    make_article(title_ru="Актау встречает весну", body_ru="<p>Весна пришла в город.</p>")
    assert "Актау встречает весну" in results(client.get("/search/", {"q": "актау"}))
    assert "Актау встречает весну" in results(client.get("/search/", {"q": "ВЕСНА"}))


def test_every_word_of_the_query_must_match(client, make_article):
    make_article(title_ru="Ремонт дорог в Актау", body_ru="<p>Ремонт начнётся в мае.</p>")
    assert "Ремонт дорог" in results(client.get("/search/", {"q": "ремонт дорог"}))
    assert "Ремонт дорог" not in results(client.get("/search/", {"q": "ремонт театра"}))


def test_drafts_are_never_found(client, make_article):
    make_article(title_ru="Секретный черновик", status="draft")
    assert "Секретный черновик" not in results(client.get("/search/", {"q": "секретный"}))


def test_snippet_escapes_article_html_and_marks_only_matches(client, make_article):
    make_article(
        title_ru="Концерт на набережной",
        lead_ru="Лид <b>жирный</b> & «кавычки»",
        body_ru="<p>Концерт начнётся в семь <a href='https://example.kz'>вечера</a>.</p>",
    )
    page = results(client.get("/search/", {"q": "концерт"}))
    snippet = page.split('class="snippet"', 1)[1].split("</p>", 1)[0]
    assert "<mark>" in snippet
    assert "<b>" not in snippet and "<a " not in snippet
    assert "&lt;b&gt;" in snippet or "жирный" in snippet


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "?!…—,.;:()[]{}«»",
        "' OR 1=1; DROP TABLE articles_article; --",
        '" & | ! <-> :* \\',
        "школа" * 400,
        "a\x00b",
        "<script>alert(1)</script>",
        "!!!школа!!!",
        "-",
        "or",
        "\u200b\u200b",
    ],
)
@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_absurd_queries_get_a_calm_page(client, article, query, prefix):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code in (200, 400)  # 400 only for a NUL byte, never a 500
    if response.status_code == 200:
        assert "<script>alert(1)</script>" not in response.text


def test_clean_query_clamps_and_drops_what_cannot_be_searched():
    assert clean_query("") == ""
    assert clean_query("?!…—") == ""
    assert clean_query("  школа   Актау ") == "школа Актау"
    assert len(clean_query("ш" * 10_000)) == 200
    assert clean_query("a\x00b") == "a b"


def test_search_form_is_get_and_sets_no_cookie(client, article):
    response = client.get("/search/", {"q": "школа"})
    assert not response.cookies
    assert 'method="get"' in response.text
    assert "csrfmiddlewaretoken" not in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_search_runs_a_fixed_number_of_queries(
    client, make_article, django_assert_max_num_queries, count
):
    from .reader_content import enrich

    for index in range(3):
        enrich(make_article(title_ru=f"Школа номер {index}"), count=count)
    with django_assert_max_num_queries(10):
        response = client.get("/search/", {"q": "школа"})
    assert response.text.count('class="teaser search-result"') == 3


# PostgreSQL: real stemming, ranking, highlighting, index -----------------------


@on_postgres
def test_russian_stemming_finds_other_word_forms(client, make_article):
    make_article(title_ru="Новые школы Актау", body_ru="<p>В городе строят школы.</p>")
    page = results(client.get("/search/", {"q": "школа"}))
    assert "Новые школы Актау" in page
    assert "<mark>школы</mark>" in page


@on_postgres
def test_kazakh_search_uses_the_simple_configuration(client, make_article):
    make_article(title_kk="Маңғыстаудағы жаңа аурухана", body_kk="<p>Аурухана ашылды.</p>")
    page = results(client.get("/kk/search/", {"q": "аурухана"}))
    assert "Маңғыстаудағы жаңа аурухана" in page
    assert "<mark>" in page
    # Kazakh is not stemmed with Russian rules, but by its own suffixes.
    assert "Маңғыстаудағы" in results(client.get("/kk/search/", {"q": "ауруханалар"}))


@on_postgres
def test_headline_matches_rank_above_body_matches(client, make_article):
    make_article(title_ru="Рыбаки Каспия", body_ru="<p>Про улов и порт.</p>")
    make_article(title_ru="Новости порта", body_ru="<p>Рыбаки вышли в море.</p>")
    page = results(client.get("/search/", {"q": "рыбаки"}))
    assert page.index("Рыбаки Каспия") < page.index("Новости порта")


@on_postgres
def test_websearch_syntax_excludes_words(client, make_article):
    make_article(title_ru="Школа и детский сад", body_ru="<p>Открытие.</p>")
    make_article(title_ru="Школа искусств", body_ru="<p>Концерт.</p>")
    page = results(client.get("/search/", {"q": "школа -сад"}))
    assert "Школа искусств" in page and "детский сад" not in page


@on_postgres
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_search_can_use_the_gin_index(db, language):
    from articles.models import Article
    from search.engine import matching

    # Unordered, so that an index giving the listing's order is no reason to
    # prefer it: the question is only whether the text index can serve the match.
    found = matching(Article.objects.only("pk").order_by(), "школа", language)
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        # An empty test table is cheapest to scan whole: ask the planner what
        # it would do if scanning were expensive, as it is with many articles.
        cursor.execute("SET LOCAL enable_seqscan = off")
        # Nor walk another index whole and filter (the planner's pick when the
        # table's statistics, left by earlier tests, say it is nearly empty).
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on article_search_{language}_idx" in plan
