"""Demo content: ``manage.py load_demo`` fills an empty newsroom, once."""

import re
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import Article, ArticleSource, Photo, Rubric, Source, Tag
from comments.models import Comment
from translations import workspace
from viewcounts.ranking import most_read

KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
SCHOOL_RU = "Акимат Мангистауской области открыл новую школу"
SCHOOL_KK = "Маңғыстау облысы әкімдігі жаңа мектеп ашты"

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (Article, Photo, Rubric, Source, Tag)]


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for a class of tests, and rolled back after them.

    Loading draws dozens of photos; the tests only read what it made, each in
    its own savepoint inside this transaction.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    output = StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        with transaction.atomic():
            call_command("load_demo", stdout=output)
            yield SimpleNamespace(output=output.getvalue(), media_root=media_root)
            transaction.set_rollback(True)


class TestLoadedDemo:
    def test_fills_the_newsroom_in_russian_and_kazakh(self, demo):
        articles = Article.objects.all()
        assert articles.count() >= 40
        assert Rubric.objects.count() >= 6
        assert Source.objects.count() >= 8
        assert f"{articles.count()} articles" in demo.output

        in_both = articles.in_language("ru").in_language("kk")
        kk_only = articles.in_language("kk").missing_language("ru")
        assert in_both.count() >= 34
        assert kk_only.count() == 3
        assert all(a.title_ru == a.lead_ru == a.body_ru == "" for a in kk_only)
        assert not articles.missing_language("ru").missing_language("kk").exists()
        for article in articles.in_language("kk"):
            assert KAZAKH_LETTERS.search(article.body_kk), article.title_kk
            assert article.lead_kk
            assert article.slug_kk

    def test_has_real_comments_in_both_languages_approved_pending_and_one_hidden(self, demo):
        comments = Comment.objects.all()
        assert set(comments.values_list("language", flat=True)) == {"ru", "kk"}
        statuses = list(comments.values_list("status", flat=True))
        assert statuses.count("hidden") == 1
        assert statuses.count("pending") >= 2 and statuses.count("approved") >= 5
        assert comments.filter(parent__isnull=False).exists()
        assert "readers with" in demo.output
        # The article page counts the approved ones; nothing random is left.
        discussed = comments.filter(status="approved").first().article
        approved = Comment.objects.visible().filter(article=discussed).count()
        label = f"{approved} комментари"
        html = Client().get(discussed.get_absolute_url("ru")).content.decode()
        assert re.search(rf'class="meta__comments"[^>]*>{label}', html)

    def test_has_the_school_story_in_both_languages(self, demo):
        school = Article.objects.get(title_kk=SCHOOL_KK)
        assert school.title_ru == SCHOOL_RU
        assert "пресс-служба акимата" in school.lead_ru
        for body in (school.body_ru, school.body_kk):
            assert body.startswith("<p>")
            for tag in ("<h2>", "<li>", "<blockquote>"):
                assert tag in body

    def test_one_article_is_scheduled_one_is_a_draft_the_rest_recent(self, demo):
        now = timezone.now()
        scheduled = Article.objects.scheduled().get()
        assert now + timedelta(days=1) < scheduled.published_at < now + timedelta(days=3)
        draft = Article.objects.get(status=Article.Status.DRAFT)
        assert draft.published_at is None
        assert 1 <= Article.objects.filter(status=Article.Status.REVIEW).count() <= 2

        published = Article.objects.published()
        assert published.count() >= 38
        assert not published.filter(published_at__lt=now - timedelta(days=22)).exists()
        assert all(120 <= views <= 25000 for views in published.values_list("views", flat=True))
        assert Article.objects.filter(is_breaking=True).count() >= 2
        assert Article.objects.filter(is_pinned=True).count() == 1
        assert Article.objects.get(age_rating="18+").rubric.slug == "incidents"

    def test_articles_are_tagged_and_credit_their_sources(self, demo):
        for article in Article.objects.prefetch_related("tags", "article_sources"):
            assert 2 <= len(article.tags.all()) <= 4, article
            assert 1 <= len(article.article_sources.all()) <= 2, article
        assert 15 <= Tag.objects.count() <= 30
        roles = set(ArticleSource.objects.values_list("role", flat=True))
        assert roles <= {"reports", "citing", "photo"}

    def test_photos_are_stored_files_with_kazakh_captions(self, demo):
        assert Article.objects.filter(photos__isnull=False).distinct().count() >= 30
        for photo in Photo.objects.select_related("article"):
            assert (demo.media_root / photo.image.name).is_file()
            assert (photo.width, photo.height) == (1200, 800)
            assert photo.position <= 2
            if photo.article.exists_in("kk"):
                assert photo.caption_kk and photo.credit_kk and photo.alt_kk
            if photo.article.exists_in("ru"):
                assert photo.caption_ru and photo.credit_ru.startswith("Фото:")
            else:
                assert photo.caption_ru == photo.credit_ru == ""

    def test_tags_have_kazakh_names_but_two_are_left_for_translators(self, demo):
        assert Tag.objects.get(name="Актау").name_kk == "Ақтау"
        assert set(Tag.objects.filter(name_kk="").values_list("name", flat=True)) == {
            "госуслуги",
            "закон",
        }

    def test_one_translation_waits_for_a_russian_correction_with_the_change_marked(self, demo):
        outdated = [a for a in Article.objects.to_translate() if a.translation_state == "outdated"]
        assert [a.title_ru for a in outdated] == [
            "Пожар на складе в промзоне Актау потушили за три часа"
        ]
        changes = workspace.russian_changes(outdated[0])
        assert changes.changed_words == 2  # 800 out, 850 in
        assert "<del>800</del><ins>850</ins>" in "".join(row.html for row in changes.body)

    def test_most_read_has_a_day_and_a_week_to_show(self, demo):
        lists = most_read(Article.objects.in_language("kk"), (1, 7))
        assert len(lists[1]) == len(lists[7]) == 5
        assert lists[1] != lists[7]  # the week's hits are not all from today

    def test_kazakh_listing_leaves_out_articles_without_kazakh(self, demo):
        kazakh = Article.objects.published().in_language("kk")
        russian_only = Article.objects.published().missing_language("kk")
        assert russian_only.exists()
        assert not kazakh.filter(pk__in=russian_only).exists()
        assert all(article.title_kk and article.body_kk for article in kazakh)

    def test_loading_again_creates_nothing(self, demo):
        before = counts()
        output = StringIO()

        call_command("load_demo", stdout=output)

        assert "Nothing was changed" in output.getvalue()
        assert counts() == before


def test_dry_run_writes_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    output = StringIO()

    call_command("load_demo", "--dry-run", stdout=output)

    assert SCHOOL_RU in output.getvalue()
    assert "Маңғыстауда жыршы-термешілердің облыстық байқауы өтті" in output.getvalue()
    assert "Dry run" in output.getvalue()
    assert counts() == [0, 0, 0, 0, 0]
    assert not (tmp_path / "demo-media").exists()
