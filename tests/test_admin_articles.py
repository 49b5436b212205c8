"""The article admin through the test client: roles, workflow, conflicts, history."""

import io
import os
import re
import threading
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from articles.models import Article, Photo, Tag
from audit.models import AuditEntry

CHANGELIST = "admin:articles_article_changelist"


def make_user(username, group=None, **fields):
    user = User.objects.create_user(username, password="x-secret-pass-1", is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors", first_name="Асель", last_name="Нурланова")


@pytest.fixture
def editor2(db):
    return make_user("editor2", "Editors", first_name="Ерлан")


@pytest.fixture
def reporter(db):
    return make_user("reporter", "Reporters")


@pytest.fixture
def translator(db):
    return make_user("translator", "Translators")


def jpeg_bytes(size=(40, 30), color=(200, 40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def new_photo(caption_ru, alt_ru, **fields):
    """The photo inline's fields for one new photo (a small real JPEG)."""
    data = {
        "photos-TOTAL_FORMS": "1",
        "photos-0-image": SimpleUploadedFile("p.jpg", jpeg_bytes(), "image/jpeg"),
        "photos-0-caption_ru": caption_ru,
        "photos-0-alt_ru": alt_ru,
        "photos-0-position": "0",
    }
    data.update({f"photos-0-{name}": value for name, value in fields.items()})
    return data


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article=None, **overrides):
    """A complete POST of the article form as the admin renders it."""
    data = {
        "title_ru": "",
        "lead_ru": "",
        "body_ru": "",
        "title_kk": "",
        "lead_kk": "",
        "body_kk": "",
        "rubric": "",
        "tags": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "byline": "",
        "age_rating": "0+",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "article_sources-TOTAL_FORMS": "0",
        "article_sources-INITIAL_FORMS": "0",
        "article_sources-MIN_NUM_FORMS": "0",
        "article_sources-MAX_NUM_FORMS": "1000",
    }
    if article is not None:
        data.update(
            {
                "title_ru": article.title_ru or "",
                "lead_ru": article.lead_ru or "",
                "body_ru": article.body_ru or "",
                "title_kk": article.title_kk or "",
                "lead_kk": article.lead_kk or "",
                "body_kk": article.body_kk or "",
                "rubric": str(article.rubric_id),
                "status": article.status,
                "age_rating": article.age_rating,
                "loaded_version": str(article.version),
            }
        )
        if article.published_at:
            local = timezone.localtime(article.published_at)
            data["published_at_0"] = local.strftime("%d.%m.%Y")
            data["published_at_1"] = local.strftime("%H:%M:%S")
        photos = list(article.photos.all())
        data["photos-TOTAL_FORMS"] = data["photos-INITIAL_FORMS"] = str(len(photos))
        for i, photo in enumerate(photos):
            data[f"photos-{i}-id"] = str(photo.pk)
            data[f"photos-{i}-article"] = str(article.pk)
            data[f"photos-{i}-position"] = str(photo.position)
            for field in ("caption", "credit", "alt"):
                for code in ("ru", "kk"):
                    data[f"photos-{i}-{field}_{code}"] = getattr(photo, f"{field}_{code}") or ""
    data.update(overrides)
    return data


def errors_of(response):
    if response.status_code != 200 or response.context is None:
        return None
    adminform = response.context.get("adminform")
    return adminform.form.errors if adminform else None


# Roles --------------------------------------------------------------------------


def test_roles_exist_with_their_permissions(db):
    editors = Group.objects.get(name="Editors")
    reporters = Group.objects.get(name="Reporters")
    translators = Group.objects.get(name="Translators")
    codes = lambda group: set(group.permissions.values_list("codename", flat=True))  # noqa: E731
    assert {"publish_article", "translate_article", "delete_article"} <= codes(editors)
    assert "publish_article" not in codes(reporters)
    assert "add_article" in codes(reporters)
    assert codes(translators) >= {"translate_article", "change_article", "change_photo"}
    assert not codes(translators) & {"add_article", "publish_article", "delete_article"}


# Editors ------------------------------------------------------------------------


def test_editor_creates_and_publishes_article_with_photo_source_and_tags(
    client, editor, rubric, source
):
    client.force_login(editor)
    data = form_data(
        title_ru="В Актау открыли набережную",
        lead_ru="Новая набережная протянулась на два километра.",
        body_ru="<h2>Подробности</h2><p>Текст <strong>новости</strong>.</p><script>x()</script>",
        rubric=str(rubric.pk),
        tags="Актау, Новости Казахстана",
        status="published",
        **new_photo("Набережная", "Набережная вечером", credit_ru="Фото: акимат"),
        **{
            "article_sources-TOTAL_FORMS": "1",
            "article_sources-0-source": str(source.pk),
            "article_sources-0-role": "reports",
            "article_sources-0-position": "0",
        },
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get(title_ru="В Актау открыли набережную")
    assert article.is_published
    assert article.author == editor
    assert "<script>" not in article.body_ru and "<h2>" in article.body_ru
    assert sorted(article.tags.names()) == ["Актау", "Новости Казахстана"]
    assert article.photos.get().credit_ru == "Фото: акимат"
    assert article.article_sources.get().source == source
    assert AuditEntry.objects.filter(action="publish", object_id=str(article.pk)).exists()
    assert client.get(article.get_absolute_url("ru")).status_code == 200


def test_tags_reuse_existing_spelling_whatever_the_case(client, editor, article):
    Tag.objects.create(name="Актау")
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, tags="актау, АКТАУ, Мангистау"))
    assert response.status_code == 302, errors_of(response)
    assert sorted(article.tags.names()) == ["Актау", "Мангистау"]
    assert Tag.objects.filter(name__in=["актау", "АКТАУ"]).count() == 0


def test_tag_suggestions_offer_existing_tags(client, editor):
    Tag.objects.create(name="Актау")
    Tag.objects.create(name="Астана")
    Tag.objects.create(name="Казахстан")
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "Акт"})
    assert response.json() == {"tags": ["Актау"]}
    # Prefix matches first, then the rest.
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "ах"})
    assert response.json() == {"tags": ["Казахстан"]}
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "а"})
    assert response.json() == {"tags": ["Актау", "Астана", "Казахстан"]}


def test_editor_schedules_article_with_future_time(client, editor, article):
    client.force_login(editor)
    when = timezone.localtime() + timedelta(days=2)
    data = form_data(
        article,
        published_at_0=when.strftime("%d.%m.%Y"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.is_scheduled
    assert AuditEntry.objects.filter(action="schedule", object_id=str(article.pk)).exists()
    assert client.get(article.get_absolute_url("ru")).status_code == 404


def test_bulk_publish_and_unpublish(client, editor, make_article):
    drafts = [make_article(status="draft", published_at=None) for _ in range(3)]
    client.force_login(editor)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "publish_selected", "_selected_action": [a.pk for a in drafts]},
    )
    assert response.status_code == 302
    assert Article.objects.published().count() == 3
    assert AuditEntry.objects.filter(action="publish").count() == 3
    assert all(a.version == 2 for a in Article.objects.all())
    client.post(
        reverse(CHANGELIST),
        {"action": "unpublish_selected", "_selected_action": [drafts[0].pk]},
    )
    assert Article.objects.published().count() == 2
    assert AuditEntry.objects.filter(action="unpublish").count() == 1


def test_delete_is_audited(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(article.pk)).exists()


# Reporters ----------------------------------------------------------------------


def test_reporter_cannot_publish_even_by_forged_post(client, reporter, rubric):
    client.force_login(reporter)
    data = form_data(
        title_ru="Заметка", body_ru="<p>Текст</p>", rubric=str(rubric.pk), status="published"
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "status" in errors_of(response)
    assert not Article.objects.exists()


def test_reporter_writes_draft_and_sends_it_to_review(client, reporter, rubric):
    client.force_login(reporter)
    data = form_data(title_ru="Заметка", body_ru="<p>Текст</p>", rubric=str(rubric.pk))
    forged_time = (timezone.localtime() - timedelta(days=1)).strftime("%d.%m.%Y")
    data.update(status="review", published_at_0=forged_time, published_at_1="10:00:00")
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get()
    assert article.status == "review"
    assert article.published_at is None
    assert article.author == reporter


def test_reporter_sees_only_own_articles_and_cannot_bulk_publish(client, reporter, make_article):
    own = make_article(title_ru="Своя", status="draft", published_at=None, author=reporter)
    other = make_article(title_ru="Чужая", status="draft", published_at=None)
    client.force_login(reporter)
    response = client.get(reverse(CHANGELIST))
    assert "Своя" in response.text and "Чужая" not in response.text
    assert "publish_selected" not in response.text
    assert client.get(change_url(other)).status_code == 302  # "doesn't exist" redirect
    response = client.post(
        reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [own.pk]}
    )
    own.refresh_from_db()
    assert own.status == "draft"


def test_reporter_cannot_change_own_article_once_published(client, reporter, make_article):
    article = make_article(author=reporter)
    client.force_login(reporter)
    response = client.post(change_url(article), form_data(article, title_ru="Исправлено"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title_ru != "Исправлено"


# Translators --------------------------------------------------------------------


def test_translator_sees_russian_read_only_and_kazakh_editable(client, translator, article):
    client.force_login(translator)
    response = client.get(change_url(article))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"title_kk", "lead_kk", "body_kk"} <= set(form.fields)
    assert not {"title_ru", "lead_ru", "body_ru", "status", "rubric"} & set(form.fields)
    assert article.title_ru in response.text  # shown, read-only


def test_translator_forged_post_to_russian_fields_changes_nothing(client, translator, article):
    photo = Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("p.jpg", jpeg_bytes(), "image/jpeg"),
        caption_ru="Подпись",
    )
    checked = ("title_ru", "lead_ru", "body_ru", "status", "published_at", "rubric_id")
    before = Article.objects.values(*checked, "title_kk").get(pk=article.pk)
    client.force_login(translator)
    data = form_data(article)
    data.update(
        {
            "title_ru": "ВЗЛОМ",
            "lead_ru": "ВЗЛОМ",
            "body_ru": "<p>ВЗЛОМ</p>",
            "status": "draft",
            "title_kk": "Ақтауда жаңа мектеп ашылды (жаңартылды)",
            "photos-0-caption_ru": "ВЗЛОМ",
            "photos-0-caption_kk": "Қолтаңба",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    after = Article.objects.values(*checked, "title_kk").get(pk=article.pk)
    for field in checked:
        assert after[field] == before[field], field
    assert after["title_kk"] == "Ақтауда жаңа мектеп ашылды (жаңартылды)"
    photo.refresh_from_db()
    assert photo.caption_ru == "Подпись"
    assert photo.caption_kk == "Қолтаңба"


def test_translation_state_filter_and_mark_done(client, translator, make_article):
    missing = make_article(title_ru="Без перевода", title_kk="", body_kk="", lead_kk="")
    outdated = make_article(title_ru="Устарел")
    done = make_article(title_ru="Готово")
    # The Russian text changes after the Kazakh one: the translation is outdated.
    outdated.body_ru = "<p>Новый текст.</p>"
    outdated.save()
    assert outdated.translation_state == "outdated"

    client.force_login(translator)
    todo = client.get(reverse(CHANGELIST), {"translation": "todo"}).text
    assert "Без перевода" in todo and "Устарел" in todo and "Готово" not in todo
    only_outdated = client.get(reverse(CHANGELIST), {"translation": "outdated"}).text
    assert "Устарел" in only_outdated and "Без перевода" not in only_outdated
    has = client.get(reverse(CHANGELIST), {"translation": "has"}).text
    assert "Готово" in has and "Без перевода" not in has
    assert missing.pk and done.pk

    response = client.post(change_url(outdated), form_data(outdated, translation_done="on"))
    assert response.status_code == 302, errors_of(response)
    outdated.refresh_from_db()
    assert outdated.translation_state == "done"


def test_translator_queue_is_linked_from_admin_index(client, translator):
    client.force_login(translator)
    response = client.get(reverse("admin:index"))
    assert reverse(CHANGELIST) + "?translation=todo" in response.text


# Edit conflicts -------------------------------------------------------------------


def test_second_save_of_same_version_is_refused_and_keeps_input(client, editor, editor2, article):
    client.force_login(editor)
    first = form_data(article, title_ru="Правка первого редактора")
    second = form_data(article, title_ru="Правка второго редактора")
    assert client.post(change_url(article), first).status_code == 302

    client.force_login(editor2)
    response = client.post(change_url(article), second)
    assert response.status_code == 200
    message = " ".join(errors_of(response).get("__all__", []))
    assert "версия 2" in message and "Асель Нурланова" in message
    assert "Правка второго редактора" in response.text  # their text is still in the form
    article.refresh_from_db()
    assert article.title_ru == "Правка первого редактора"
    assert article.version == 2


def test_a_save_from_the_shell_meanwhile_is_not_overwritten_by_an_open_form(
    client, editor, article
):
    client.force_login(editor)
    opened = form_data(article, title_ru="Правка из открытой формы")
    # Meanwhile a command or the shell corrects the lead.
    fresh = Article.objects.get(pk=article.pk)
    fresh.lead_ru = "Исправлено из консоли"
    fresh.save()
    assert fresh.version == 2

    response = client.post(change_url(article), opened)
    assert response.status_code == 200
    assert "версия 2" in " ".join(errors_of(response).get("__all__", []))
    article.refresh_from_db()
    assert article.lead_ru == "Исправлено из консоли"
    assert article.title_ru != "Правка из открытой формы"


# Changelist -------------------------------------------------------------------------


def test_changelist_shows_columns_and_searches_both_languages(client, editor, make_article):
    make_article(title_ru="Морской порт", title_kk="Теңіз порты", lead_ru="Порт", lead_kk="")
    make_article(title_ru="Школа", title_kk="Мектеп", lead_ru="Школа", lead_kk="")
    client.force_login(editor)
    response = client.get(reverse(CHANGELIST), {"q": "Теңіз"})
    assert "Морской порт" in response.text and "Школа" not in response.text
    response = client.get(reverse(CHANGELIST), {"q": "Школа"})
    assert "Школа" in response.text and "Морской порт" not in response.text


@pytest.mark.parametrize("count", [30, 60])
def test_changelist_runs_a_fixed_number_of_queries(
    client, editor, make_article, django_assert_max_num_queries, count
):
    for i in range(count):
        article = make_article(title_ru=f"Новость {i}")
        Photo.objects.create(
            article=article,
            image=f"photos/x{i}.jpg",
            renditions={"jpeg": [[160, 120, f"r/x{i}-160.jpg"]]},
        )
        article.tags.add(f"тег{i}")
    client.force_login(editor)
    client.get(reverse(CHANGELIST))  # warm the session and content types
    with django_assert_max_num_queries(13):
        response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert re.search(r'<img class="admin-thumb" src="[^"]*r/x\d+-160.jpg"', response.text)


# History -----------------------------------------------------------------------------


def test_editor_compares_and_restores_a_version(client, editor, article):
    client.force_login(editor)
    original_title = article.title_ru
    assert client.post(change_url(article), form_data(article)).status_code == 302
    article.refresh_from_db()
    article.views = 42
    Article.objects.filter(pk=article.pk).update(views=42)
    response = client.post(change_url(article), form_data(article, title_ru="Новый заголовок"))
    assert response.status_code == 302
    versions = list(Version.objects.get_for_object(article))
    assert len(versions) == 2
    newest, oldest = versions

    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": oldest.pk, "new": newest.pk},
    )
    assert response.status_code == 200
    assert "<ins>заголовок</ins>" in response.text

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "Compare" in history.text or "Сравн" in history.text

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
    page = client.get(revision_url)
    assert page.status_code == 200
    loaded = page.context["adminform"].form["loaded_version"].value()
    assert int(loaded) == 3
    data = form_data(article, title_ru=original_title, loaded_version=str(loaded))
    response = client.post(revision_url, data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.title_ru == original_title
    assert article.version == 4
    assert article.views == 42  # counters are never rolled back
    assert AuditEntry.objects.filter(action="restore", object_id=str(article.pk)).exists()


def test_reporter_cannot_restore_versions(client, reporter, make_article):
    article = make_article(status="draft", published_at=None, author=reporter)
    client.force_login(reporter)
    client.post(change_url(article), form_data(article, title_ru="Другой"))
    version = Version.objects.get_for_object(article).first()
    response = client.get(reverse("admin:articles_article_revision", args=[article.pk, version.pk]))
    assert response.status_code == 403


# Preview -------------------------------------------------------------------------------


def test_signed_preview_shows_draft_without_login_and_expires(client, editor, make_article):
    from django.core import signing

    from articles import preview

    draft = make_article(title_ru="Черновик новости", status="draft", published_at=None)
    assert client.get(draft.get_absolute_url("ru")).status_code == 404
    client.force_login(editor)
    page = client.get(change_url(draft))
    # The link the editor sees (its signature carries the second it was made in).
    url = re.search(rf'href="(/preview/{draft.pk}:[^"]+)"', page.text).group(1)
    client.logout()

    response = client.get(url)
    assert response.status_code == 200
    assert "Черновик новости" in response.text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    kk = client.get(preview.preview_url(draft, "kk"))
    assert kk.status_code == 200 and draft.title_kk in kk.text

    assert client.get(url.replace(url.split("/")[-2][-5:], "xxxxx")).status_code == 404

    class SignerFourDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - 4 * 24 * 3600))

    token = SignerFourDaysAgo(salt="articles.preview").sign(str(draft.pk))
    assert client.get(reverse("articles:preview", args=[token])).status_code == 404


def test_only_editors_see_and_recover_deleted_articles(client, reporter, editor):
    recover = reverse("admin:articles_article_recoverlist")
    client.force_login(reporter)
    assert recover not in client.get(reverse(CHANGELIST)).text
    assert client.get(recover).status_code == 403
    client.force_login(editor)
    assert recover in client.get(reverse(CHANGELIST)).text
    assert client.get(recover).status_code == 200


def test_view_on_site_of_a_draft_opens_its_preview(client, editor, make_article):
    draft = make_article(status="draft", published_at=None)
    client.force_login(editor)
    page = client.get(change_url(draft)).text
    link = re.search(r'<a href="([^"]+)" class="viewsitelink"', page)
    assert link and "/preview/" in link.group(1)
    assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="row locks need PostgreSQL (SQLite serialises writers on its own)",
)
def test_simultaneous_saves_of_the_same_version_let_exactly_one_through(transactional_db, rubric):
    from django.db import connection

    article = Article.objects.create(
        title_ru="Исходный заголовок", body_ru="<p>Текст</p>", rubric=rubric
    )
    editors = [make_user(f"editor{i}") for i in range(2)]
    for user in editors:
        user.user_permissions.add(*Permission.objects.filter(content_type__app_label="articles"))
    barrier = threading.Barrier(2)
    results = {}

    def save(index):
        client = Client()
        client.force_login(editors[index])
        data = form_data(article, title_ru=f"Правка {index}")
        barrier.wait()
        try:
            results[index] = client.post(change_url(article), data).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results.values()) == [200, 302]  # one saved, one refused
    article.refresh_from_db()
    winner = next(i for i, status in results.items() if status == 302)
    assert article.title_ru == f"Правка {winner}"
    assert article.version == 2


def test_restoring_a_version_whose_photo_was_deleted_since_leaves_no_broken_picture(
    client, editor, rubric, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    data = form_data(
        title_ru="Паводок в Жанаозене",
        lead_ru="Улицы затопило после ливня.",
        body_ru="<p>Улицы Жанаозена затопило после ночного ливня.</p>",
        rubric=str(rubric.pk),
        status="published",
        **new_photo("Вода на улицах", "Затопленная улица"),
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get(title_ru="Паводок в Жанаозене")
    photo = article.photos.get()
    gone = photo.image.name
    with_photo = Version.objects.get_for_object(article).first()

    # The photo is deleted (its files with it): the next version has none.
    data = form_data(article, **{"photos-0-DELETE": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(article), data).status_code == 302
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not default_storage.exists(gone)

    url = reverse("admin:articles_article_revision", args=[article.pk, with_photo.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "позже удалено вместе с файлом: его не вернуть" in page.text
    data = form_data(
        article,
        title_ru="Паводок в Жанаозене",
        loaded_version=str(page.context["adminform"].form["loaded_version"].value()),
    )
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "1",
            "photos-0-id": str(photo.pk),
            "photos-0-article": str(article.pk),
            "photos-0-caption_ru": "Вода на улицах",
            "photos-0-position": "0",
        }
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200, errors_of(response)
    assert not article.photos.exists()  # no row pointing at a file that is gone
    assert "позже удалено вместе с файлом: его не вернуть" in response.text
    assert gone not in client.get(article.get_absolute_url("ru")).text


def test_admin_home_counts_the_work_waiting(client, editor, make_article):
    make_article(title_ru="На проверке", status="review", published_at=None)
    make_article(title_ru="Только по-русски", title_kk="", lead_kk="", body_kk="")
    make_article(title_ru="Переведено")
    client.force_login(editor)
    html = client.get(reverse("admin:index")).text
    counts = dict(
        re.findall(
            r'<a href="[^"]*\?([^"]+)"[^>]*>[^<]*</a></th><td class="queue-count">(\d+)<', html
        )
    )
    assert counts["translation=todo"] == "1"
    assert counts["status__exact=review"] == "1"
