"""What a reader may see: published(), scheduled articles and drafts."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article


def test_published_hides_drafts_reviews_and_future_articles(make_article):
    visible = make_article(title_ru="Видно")
    make_article(title_ru="Черновик", status=Article.Status.DRAFT, published_at=None)
    make_article(title_ru="На проверке", status=Article.Status.REVIEW)
    scheduled = make_article(title_ru="Завтра", published_at=timezone.now() + timedelta(days=1))

    assert list(Article.objects.published()) == [visible]
    assert list(Article.objects.scheduled()) == [scheduled]


def test_scheduled_article_appears_when_its_time_comes(make_article):
    article = make_article(published_at=timezone.now() + timedelta(minutes=5))
    assert not Article.objects.published().exists()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().get() == article


def test_publishing_without_a_time_stamps_now(make_article):
    article = make_article(published_at=None)
    assert article.published_at is not None
    assert article.published_at <= timezone.now()


def test_in_language_needs_title_and_body(make_article):
    both = make_article()
    ru_only = make_article(title_kk="", lead_kk="", body_kk="")
    kk_only = make_article(title_ru="", lead_ru="", body_ru="")
    title_only = make_article(body_kk="")

    assert set(Article.objects.in_language("kk")) == {both, kk_only}
    assert set(Article.objects.in_language("ru")) == {both, ru_only, title_only}
    assert set(Article.objects.missing_language("kk")) == {ru_only, title_only}


def test_draft_and_scheduled_article_pages_answer_404(client, make_article):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    scheduled = make_article(published_at=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        assert client.get(article.get_absolute_url("ru")).status_code == 404
        assert client.get(article.get_absolute_url("kk")).status_code == 404


def test_translation_state_follows_russian_edits(article):
    assert article.translation_state == "done"
    article.body_ru = "<p>Новый текст</p>"
    article.save()
    assert article.translation_state == "outdated"
    article.body_kk = "<p>Жаңа мәтін</p>"
    article.save()
    assert article.translation_state == "done"
