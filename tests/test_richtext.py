"""Rich text is sanitized whatever path it comes in by."""

import pytest

from articles.models import Article

HOSTILE = (
    '<p onclick="steal()">Текст<script>alert(1)</script></p>'
    '<img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">ссылка</a>'
    '<a href="https://lada.kz/news" onmouseover="x()">Lada.kz</a>'
    "<h2>Подзаголовок</h2><ul><li>пункт</li></ul><blockquote>цитата</blockquote>"
    "<iframe src='https://evil.example'></iframe><style>body{}</style>"
)


def _assert_clean(html):
    lowered = html.lower()
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "<iframe",
        "<style",
        "<img",
    ):
        assert bad not in lowered, bad


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_objects_create_sanitizes_body(rubric, language):
    article = Article.objects.create(
        rubric=rubric, **{f"title_{language}": "Заголовок", f"body_{language}": HOSTILE}
    )
    stored = Article.objects.values_list(f"body_{language}", flat=True).get(pk=article.pk)
    _assert_clean(stored)
    # What an editor meant to keep survives.
    assert "<h2>Подзаголовок</h2>" in stored
    assert "<li>пункт</li>" in stored
    assert "<blockquote>цитата</blockquote>" in stored
    assert 'href="https://lada.kz/news"' in stored
    assert "Текст" in stored


def test_queryset_update_path_through_save_is_sanitized(article):
    article.body_kk = '<p>Мәтін</p><script>alert("kk")</script>'
    article.save()
    article.refresh_from_db()
    _assert_clean(article.body_kk)
    assert "Мәтін" in article.body_kk


def test_empty_editor_document_counts_as_no_body(rubric):
    article = Article.objects.create(
        rubric=rubric, title_ru="Есть", body_ru="<p>Текст</p>", title_kk="Бар", body_kk="<p></p>"
    )
    assert article.body_kk == ""
    assert article.languages == ["ru"]
