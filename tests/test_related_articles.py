"""Related articles: ranked when tags, rubric or publication change, shown fresh on each page."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import related
from articles.models import Article, Tag

from .reader_content import other_rubric
from .test_admin_articles import form_data, make_user
from .test_page_cache import _section


def _related_block(client, article, language="ru"):
    html = client.get(article.get_absolute_url(language)).text
    return _section(html, 'class="related"') if 'class="related"' in html else ""


def _editor_view():
    """A logged-in editor sees every block built fresh (no page cache, no stored block)."""
    client = Client()
    client.force_login(make_user("chief", "Editors"))
    return client


def test_an_article_published_later_joins_an_older_articles_related(make_article, db):
    older = make_article(
        title_ru="Паром в Баку отменён", published_at=timezone.now() - timedelta(days=1)
    )
    editor = _editor_view()
    assert "Паром снова ходит" not in _related_block(editor, older)

    make_article(title_ru="Паром снова ходит")

    assert "Паром снова ходит" in _related_block(editor, older)


def test_tags_and_rubric_decide_related_articles(make_article, db):
    accidents = other_rubric()
    article = make_article(title_ru="Шторм на Каспии")
    elsewhere = make_article(title_ru="Шторм закрыл порт", rubric=accidents)
    editor = _editor_view()
    assert "Шторм закрыл порт" not in _related_block(editor, article)

    storm = Tag.objects.create(name="шторм", name_kk="дауыл")
    article.tags.add(storm)
    elsewhere.tags.add(storm)
    assert "Шторм закрыл порт" in _related_block(editor, article)

    article.tags.remove(storm)
    assert "Шторм закрыл порт" not in _related_block(editor, article)

    article.rubric = accidents
    article.save()
    assert "Шторм закрыл порт" in _related_block(editor, article)


def test_an_unpublished_related_article_drops_out_at_once(client, make_article, db):
    article = make_article(title_ru="Ветер усилится до 25 м/с")
    neighbour = make_article(title_ru="Паром в Баку отменён")
    assert "Паром в Баку отменён" in _related_block(client, article)

    neighbour.status = Article.Status.DRAFT
    neighbour.save()

    assert "Паром в Баку отменён" not in _related_block(client, article)
    assert "Паром в Баку отменён" not in _related_block(_editor_view(), article)


def test_the_bulk_command_ranks_as_saving_does(db):
    call_command("generate_articles", count=120, batch_size=60, per_day=30, verbosity=0)
    # What saving an article stores, one article at a time.
    saved = {article.pk: related.ranked_ids(article) for article in Article.objects.all()}
    Article.objects.update(related_ids=None)

    call_command("related_articles", "--missing", verbosity=0)

    ranked = dict(Article.objects.values_list("pk", "related_ids"))
    assert ranked == saved
    assert all(ids for ids in ranked.values())


def test_an_editors_save_ranks_the_related_articles_once(make_article, db):
    """One save writes the article, then its tags (taggit says removals and additions
    apart): its related articles are ranked once, after all of them."""
    article = make_article(title_ru="Шторм на Каспии")
    article.tags.add(Tag.objects.create(name="море", name_kk="теңіз"))
    neighbour = make_article(title_ru="Шторм закрыл порт", rubric=other_rubric())
    neighbour.tags.add(Tag.objects.create(name="шторм", name_kk="дауыл"))
    data = form_data(article, rubric=str(neighbour.rubric_id), tags="шторм, Каспий")
    editor = _editor_view()
    with CaptureQueriesContext(connection) as queries:
        response = editor.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    ranked = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('UPDATE "articles_article" SET "related_ids"')
        and re.search(rf'"id" = {article.pk}\b', query["sql"])
    ]
    assert len(ranked) == 1, ranked
    article.refresh_from_db()  # in its new rubric
    assert "Шторм закрыл порт" in _related_block(editor, article)
