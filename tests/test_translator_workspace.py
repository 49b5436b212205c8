"""The translators' workspace through the admin's front door: Russian beside Kazakh,
what changed in Russian since the translation, "still accurate", the queue, and
nothing widened (forged posts, the editor's Kazakh mode, edit conflicts)."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from articles.models import Article, Photo
from audit.models import AuditEntry
from tests.admin_forms import form_data
from tests.photo_files import jpeg
from translations.models import TranslationBasis

BODY_RU = (
    "<p>В трёхэтажном здании 48 учебных кабинетов.</p>"
    "<h2>Что есть в здании</h2>"
    "<ul><li>кабинеты физики;</li><li>бассейн длиной 25 метров;</li></ul>"
    "<p>В школе работают 96 учителей.</p>"
)
BODY_KK = (
    "<p>Үш қабатты ғимаратта 48 оқу кабинеті бар.</p>"
    "<h2>Ғимаратта не бар</h2>"
    "<ul><li>физика кабинеттері;</li><li>ұзындығы 25 метрлік бассейн;</li></ul>"
    "<p>Мектепте 96 мұғалім жұмыс істейді.</p>"
)


# The workspace's "Publish the Kazakh version" button (a plain save keeps a draft).
PUBLISH = {"_publish_kk": "1"}


@pytest.fixture(autouse=True)
def _russian_urls():
    # reverse() follows the thread's language: Russian admin URLs unless a test says /kk.
    with translation.override("ru"):
        yield


def make_user(username, group):
    user = User.objects.create_user(username, password="x-secret-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def translator(db):
    return logged_in(make_user("aigerim", "Translators"))


@pytest.fixture
def editor(db):
    return logged_in(make_user("asel", "Editors"))


@pytest.fixture
def school(make_article):
    article = make_article(
        title_ru="В Актау открыли новую школу",
        body_ru=BODY_RU,
        title_kk="Ақтауда жаңа мектеп ашылды",
        body_kk=BODY_KK,
        age_rating="0+",
    )
    article.tags.add("Актау")
    Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("school.jpg", jpeg(), "image/jpeg"),
        caption_ru="Новая школа",
        caption_kk="Жаңа мектеп",
        alt_ru="Трёхэтажное здание",
        credit_ru="акимат",
    )
    return article


def edit_russian(article, **texts):
    """An editor's Russian edit, saved the way every path saves (Article.save)."""
    article = Article.objects.get(pk=article.pk)
    for name, value in texts.items():
        setattr(article, name, value)
    article.save()
    return article


def change_url(article, prefix="", mode=""):
    url = reverse("admin:articles_article_change", args=[article.pk])
    url = prefix + url
    return f"{url}?mode={mode}" if mode else url


def posted(response, **overrides):
    """What a browser posts back for the rendered change form, with ``overrides``."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for form in formset.forms:
            data.update(form_data(form))
    data.pop("translation_done", None)
    data.update(overrides)
    return data


def ru_column(page):
    """The text of the workspace's Russian side."""
    return " ".join(re.findall(r'class="ws-ru">(.*?)</div>\s*</div>', page, re.S))


# Side by side ----------------------------------------------------------------------


def test_translator_sees_each_russian_field_beside_its_kazakh_field(translator, school):
    response = translator.get(change_url(school))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="translation-workspace"' in page
    # Russian as text, Kazakh as inputs: headline, lead, body.
    assert "В Актау открыли новую школу" in page
    assert 'name="title_ru"' not in page and 'name="body_ru"' not in page
    for name in ("title_kk", "lead_kk", "body_kk"):
        assert f'name="{name}"' in page
    # The body reads as the reader sees it: a real heading and a real list.
    assert '<div class="ws-block ws-block--same" data-block="1"><h2>Что есть в здании</h2>' in page
    assert "<ul><li>кабинеты физики;</li>" in page
    # Each photo's caption, alt text and credit: Russian read-only, Kazakh typed.
    assert "Трёхэтажное здание" in page and "акимат" in page
    for name in ("caption", "alt", "credit"):
        assert f'name="photos-0-{name}_kk"' in page
        assert f'name="photos-0-{name}_ru"' not in page
    # No language tabs in the workspace.
    assert 'class="mt ' not in page


def test_editor_opens_the_kazakh_mode_from_the_change_form(editor, school):
    page = editor.get(change_url(school)).content.decode()
    assert 'class="translatelink"' in page and "?mode=kk" in page
    assert 'id="translation-workspace"' not in page
    page = editor.get(change_url(school, mode="kk")).content.decode()
    assert 'id="translation-workspace"' in page
    assert 'name="title_ru"' not in page and 'name="status"' not in page
    assert "Вся статья" in page


def test_workspace_reads_in_kazakh_on_the_kazakh_admin(translator, school):
    edit_russian(school, title_ru="В Актау открыли новую школу на 1200 мест")
    page = translator.get(change_url(school, prefix="/kk")).content.decode()
    assert "Қазақша мәтін әлі де дұрыс" in page
    assert "Орысша мәтіндегі блок саны: {ru}" in page
    assert "The Kazakh text is still accurate" not in page


# What changed in Russian ---------------------------------------------------------------


def test_outdated_translation_shows_word_changes_per_paragraph_and_marks_kazakh_blocks(
    translator, school
):
    edit_russian(
        school,
        body_ru=BODY_RU.replace("48 учебных кабинетов", "52 учебных кабинета").replace(
            "25 метров", "25 метров и тренажёрный зал"
        ),
        title_ru="В Актау открыли новую школу на 1200 мест",
    )
    page = translator.get(change_url(school)).content.decode()
    assert "<del>48</del><ins>52</ins>" in page
    assert "<del>кабинетов</del><ins>кабинета</ins>." in page
    # Lists are compared item by item.
    assert (
        "<li>кабинеты физики;</li><li>бассейн длиной 25 метров <ins>и тренажёрный зал</ins>;</li>"
        in page
    )
    assert "открыли новую школу <ins>на 1200 мест</ins>" in page
    # Blocks 0 and 2 changed: their Kazakh counterparts are marked.
    assert 'data-changed-blocks="0,2"' in page
    assert page.count("ws-block--changed") == 2


def test_changes_are_shown_against_the_russian_the_translation_was_based_on(translator, school):
    # Three Russian edits after the translation: the diff spans all of them.
    edit_russian(school, body_ru=BODY_RU.replace("48", "50"))
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    edit_russian(school, body_ru=BODY_RU.replace("48", "52") + "<p>Новый абзац.</p>")
    page = translator.get(change_url(school)).content.decode()
    assert "<del>48</del><ins>52</ins>" in page
    assert "<del>50</del>" not in page
    assert (
        '<div class="ws-block ws-block--inserted" data-block="4"><p><ins>Новый абзац.</ins>' in page
    )
    assert 'data-changed-blocks="0,4"' in page
    assert TranslationBasis.objects.get(article=school).body == BODY_RU


def test_saving_the_kazakh_version_clears_the_marks(translator, school):
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    response = translator.get(change_url(school))
    new_kk = BODY_KK.replace("48", "52")
    response = translator.post(change_url(school), posted(response, body_kk=new_kk, **PUBLISH))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.body_kk == new_kk
    assert school.translation_state == "done"
    assert TranslationBasis.objects.get(article=school).body == BODY_RU.replace("48", "52")
    page = translator.get(change_url(school)).content.decode()
    assert "<ins>" not in page and 'data-changed-blocks=""' in page


def test_still_accurate_is_confirmed_without_editing_and_recorded(translator, school):
    edit_russian(school, body_ru=BODY_RU.replace("кабинетов", "кабинетов,"))
    response = translator.get(change_url(school))
    assert 'name="translation_done" value="on"' in response.content.decode()
    response = translator.post(change_url(school), posted(response, translation_done="on"))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.translation_state == "done"
    assert school.body_kk == BODY_KK
    # The audit log and the history both say so, in the reader's language.
    entry = AuditEntry.objects.get(action="confirm_translation")
    assert entry.actor_name == "aigerim" and entry.object_id == str(school.pk)
    latest = Version.objects.get_for_object(school).first()
    assert latest.revision.comment == "Confirmed the Kazakh version as still accurate"
    history = translator.get(
        reverse("admin:articles_article_history", args=[school.pk])
    ).content.decode()
    assert "Казахская версия подтверждена как актуальная" in history
    assert Article.objects.to_translate().filter(pk=school.pk).count() == 0


# Nothing widened -----------------------------------------------------------------------------


def test_translator_cannot_change_russian_fields_status_date_or_age_rating_by_forged_post(
    translator, school
):
    response = translator.get(change_url(school))
    before = Article.objects.get(pk=school.pk)
    forged = posted(
        response,
        title_ru="Подделка",
        lead_ru="Подделка",
        body_ru="<p>Подделка</p>",
        status="draft",
        published_at_0="01.01.2030",
        published_at_1="10:00:00",
        age_rating="18+",
        tags="Подделка",
        rubric="999",
        **{"photos-0-caption_ru": "Подделка", "photos-0-credit_ru": "Подделка"},
        title_kk="Ақтауда жаңа мектеп ашылды!",
        **PUBLISH,
    )
    response = translator.post(change_url(school), forged)
    assert response.status_code == 302
    after = Article.objects.get(pk=school.pk)
    assert after.title_kk == "Ақтауда жаңа мектеп ашылды!"
    for name in ("title_ru", "lead_ru", "body_ru", "status", "published_at", "age_rating"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.rubric_id == before.rubric_id
    assert list(after.tags.names()) == ["Актау"]
    photo = after.photos.get()
    assert (photo.caption_ru, photo.credit_ru) == ("Новая школа", "акимат")


def test_editor_in_kazakh_mode_changes_only_what_they_typed(editor, school):
    before = Article.objects.get(pk=school.pk)
    url = change_url(school, mode="kk")
    response = editor.get(url)
    data = posted(
        response,
        lead_kk="17 шағын ауданда мектеп ашылды.",
        status="draft",
        title_ru="Подделка",
        age_rating="18+",
        **{"photos-0-alt_kk": "Үш қабатты ғимарат"},
        **PUBLISH,
    )
    response = editor.post(url, data)
    assert response.status_code == 302
    after = Article.objects.get(pk=school.pk)
    assert after.lead_kk == "17 шағын ауданда мектеп ашылды."
    for name in Article._meta.concrete_fields:
        if name.attname in {"lead_kk", "version", "updated_at", "kk_changed_at", "lead"}:
            continue
        assert getattr(after, name.attname) == getattr(before, name.attname), name.attname
    assert list(after.tags.names()) == ["Актау"]
    photo = after.photos.get()
    assert photo.alt_kk == "Үш қабатты ғимарат" and photo.caption_kk == "Жаңа мектеп"
    assert photo.caption_ru == "Новая школа"


def test_save_over_a_newer_russian_edit_is_refused_and_keeps_the_typed_kazakh(translator, school):
    response = translator.get(change_url(school))
    # Meanwhile an editor saves the Russian text: version 2 becomes 3.
    newer = edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    typed = "<p>Аудармашы терген мәтін.</p>"
    response = translator.post(change_url(school), posted(response, body_kk=typed))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"версия {newer.version}" in page
    assert "Аудармашы терген мәтін." in page
    school.refresh_from_db()
    assert school.body_kk == BODY_KK
    # The form now shows the newer Russian text and what changed in it.
    assert "<del>48</del><ins>52</ins>" in page


# The queue ---------------------------------------------------------------------------------


def queue(client, **params):
    query = "&".join(f"{key}={value}" for key, value in {"translation": "todo", **params}.items())
    return client.get(reverse("admin:articles_article_changelist") + "?" + query)


def test_queue_shows_state_words_publication_and_views_most_read_first(
    translator, make_article, school
):
    missing = make_article(
        title_ru="Пять слов в заголовке здесь",
        lead_ru="Два слова",
        body_ru="<p>Три слова тут.</p>",
        title_kk="",
        body_kk="",
        lead_kk="",
        views=10,
        published_at=timezone.now() - timedelta(days=3),
    )
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    Article.objects.filter(pk=school.pk).update(views=500)
    response = queue(translator)
    page = response.content.decode()
    rows = re.findall(r"<tr>.*?</tr>", page[page.index('id="result_list"') :], re.S)
    assert "В Актау открыли новую школу" in rows[1]  # most read first
    assert "Пять слов в заголовке здесь" in rows[2]
    assert '<td class="field-words_to_translate">2</td>' in rows[1]  # 48 -> 52: one out, one in
    assert '<td class="field-words_to_translate">10</td>' in rows[2]
    assert "translation-state--outdated" in rows[1] and "translation-state--missing" in rows[2]
    assert '<td class="field-view_count">500</td>' in rows[1]
    assert "field-published_at" in rows[1]
    # By age, oldest first.
    oldest = re.search(r'<a href="\?([^"]+)">Сначала старые</a>', page).group(1)
    page = translator.get(
        reverse("admin:articles_article_changelist") + "?" + oldest.replace("&amp;", "&")
    ).content.decode()
    assert page.index("Пять слов в заголовке здесь") < page.index("В Актау открыли новую школу")
    assert "Сначала самые читаемые" in page
    # The admin home shows its size.
    home = translator.get(reverse("admin:index")).content.decode()
    assert re.search(r'queuelink">[^<]+</a></th><td class="queue-count">2</td>', home)
    assert missing.translation_state == "missing"


@pytest.mark.parametrize("count", [30, 300])
def test_queue_page_runs_a_fixed_number_of_queries(
    translator, rubric, django_assert_max_num_queries, count
):
    Article.objects.bulk_create(
        Article(
            title_ru=f"Новость {number}",
            body_ru="<p>Текст новости.</p>",
            rubric=rubric,
            status="published",
            published_at=timezone.now() - timedelta(hours=number),
            in_ru=True,
            views=number,
        )
        for number in range(count)
    )
    # The most read ones have an outdated Kazakh version (a stored basis to compare).
    for article in Article.objects.order_by("-views")[:10]:
        edit_russian(article, title_kk="Жаңалық", body_kk="<p>Мәтін.</p>")
        edit_russian(article, body_ru="<p>Текст новости изменён.</p>")
    with django_assert_max_num_queries(13):
        response = queue(translator)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("translation-state--outdated") == 10
    assert '<td class="field-words_to_translate">1</td>' in page  # "изменён"


# The rich-text editor in both languages ------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", {"bold": "полужирный", "Heading 2": "Заголовок 2", "undo": "отменить"}),
        ("/kk", {"bold": "жуан", "Heading 2": "Тақырып 2", "undo": "болдырмау"}),
    ],
)
def test_editor_toolbar_names_come_from_our_catalog(translator, prefix, expected):
    response = translator.get(f"{prefix}/admin/jsi18n/")
    match = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    catalog = json.loads(match.group(1))
    for english, translated in expected.items():
        assert catalog[f"rich-text editor\x04{english}"] == translated
    # The library's own dialogs keep coming from its catalog next to ours.
    assert catalog["Cancel"] not in ("", "Cancel")


def test_editors_queue_is_most_read_first_too(editor, make_article):
    for views, title in ((5, "Мало читают"), (900, "Читают все"), (50, "Читают")):
        make_article(title_ru=title, title_kk="", body_kk="", views=views)
    page = queue(editor).content.decode()
    table = page[page.index('id="result_list"') :]
    assert table.index("Читают все") < table.index("Читают<") < table.index("Мало читают")
    assert "sorted descending" in table[: table.index("</thead>")]


def test_translation_saved_before_bases_were_stored_is_compared_with_the_history(
    editor, translator, school
):
    # An editor's save (a version in the history), then the basis is lost, as
    # for translations saved before bases were stored.
    url = change_url(school)
    editor.post(url, posted(editor.get(url), lead_kk="Мектеп ашылды."))
    TranslationBasis.objects.all().delete()
    response = editor.get(url)
    editor.post(url, posted(response, body_ru=BODY_RU.replace("96", "98")))
    school.refresh_from_db()
    assert school.translation_state == "outdated"
    page = translator.get(url).content.decode()
    assert "<del>96</del><ins>98</ins>" in page
    assert 'data-changed-blocks="3"' in page


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_our_javascript_catalog_is_complete(language):
    path = Path(__file__).resolve().parent.parent / "locale" / language / "LC_MESSAGES"
    with open(path / "djangojs.po", "rb") as po:
        catalog = read_po(po)
    names = [message for message in catalog if message.id]
    assert len(names) >= 18
    assert [message.id for message in names if not message.string or message.fuzzy] == []
    if language == "kk":
        assert all(message.string != message.id for message in names)


def test_a_refreshed_instance_saving_russian_keeps_the_basis(school):
    article = Article.objects.get(pk=school.pk)
    # Someone saves a new Kazakh text; this instance is refreshed, then edits Russian.
    edit_russian(school, body_kk=BODY_KK.replace("48", "сорок сегіз"))
    article.refresh_from_db()
    article.body_ru = BODY_RU.replace("48", "52")
    article.save()
    assert TranslationBasis.objects.get(article=school).body == BODY_RU
    assert Article.objects.get(pk=school.pk).translation_state == "outdated"


@pytest.mark.parametrize("photos", [1, 6])
def test_workspace_page_runs_a_fixed_number_of_queries(
    translator, school, django_assert_max_num_queries, photos
):
    for number in range(1, photos):
        Photo.objects.create(
            article=school,
            image=SimpleUploadedFile(f"p{number}.jpg", jpeg(), "image/jpeg"),
            caption_ru=f"Фото {number}",
            position=number,
        )
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    with django_assert_max_num_queries(14):
        response = translator.get(change_url(school))
    assert response.content.decode().count("translation-workspace-photos") == 1
    assert response.content.decode().count('name="photos-') >= 3 * photos


def test_save_and_continue_keeps_an_editor_in_the_kazakh_mode(editor, school):
    url = change_url(school, mode="kk")
    response = editor.post(url, posted(editor.get(url), title_kk="Жаңа тақырып", _continue="1"))
    assert response.status_code == 302
    assert response["Location"].endswith("?mode=kk")
    assert 'id="translation-workspace"' in editor.get(response["Location"]).content.decode()


def test_editors_open_queue_articles_in_the_kazakh_mode(editor, school):
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    page = queue(editor).content.decode()
    link = re.search(rf'href="(/admin/articles/article/{school.pk}/change/[^"]*)"', page).group(1)
    assert "mode=kk" in link and "_changelist_filters=translation" in link
    plain = editor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "mode=kk" not in plain


def test_photo_texts_show_their_changes_since_the_translation(translator, school):
    # The Kazakh version is saved with the photo in place; then the Russian changes.
    edit_russian(school, title_kk="Ақтауда жаңа мектеп ашылды.")
    photo = school.photos.get()
    photo.caption_ru = "Новая школа в 33-м микрорайоне"
    photo.save()
    school.refresh_from_db()
    assert school.translation_state == "outdated"
    page = translator.get(change_url(school)).content.decode()
    assert "Новая школа <ins>в 33-м микрорайоне</ins>" in page
    assert "Трёхэтажное здание" in page  # unchanged alt text, plain
    assert 'name="photos-0-caption_kk"' in page and 'name="photos-0-caption_ru"' not in page


def test_a_russian_caption_corrected_in_the_admin_sends_the_article_to_the_queue(
    editor, translator, school
):
    edit_russian(school, title_kk="Ақтауда жаңа мектеп ашылды.")  # translated, photo and all
    response = editor.get(change_url(school))
    response = editor.post(
        change_url(school),
        posted(response, **{"photos-0-caption_ru": "Новая школа в 33-м микрорайоне"}),
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.translation_state == "outdated"
    row = queue(translator).content.decode()
    assert "В Актау открыли новую школу" in row
    assert '<td class="field-words_to_translate">3</td>' in row  # "в 33-м микрорайоне"

    # The translator translates the caption: the Kazakh version is current again.
    response = translator.get(change_url(school))
    page = response.content.decode()
    assert "Новая школа <ins>в 33-м микрорайоне</ins>" in page
    # The notice says where: nothing is marked in the headline, lead or body.
    assert (
        "Изменились подписи, альтернативный текст или авторы фото: "
        '<a href="#photos-0">фото 1</a>' in page
    )
    assert 'id="photos-0"' in page
    response = translator.post(
        change_url(school),
        posted(response, **{"photos-0-caption_kk": "33-шағынаудандағы жаңа мектеп"}, **PUBLISH),
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.translation_state == "done"
    assert school.photos.get().caption_kk == "33-шағынаудандағы жаңа мектеп"
    assert (
        TranslationBasis.objects.get(article=school).photos[str(school.photos.get().pk)]["caption"]
        == "Новая школа в 33-м микрорайоне"
    )
    assert "field-words_to_translate" not in queue(translator).content.decode()  # empty


def test_a_photo_added_in_russian_to_a_translated_article_is_shown_as_new(translator, school):
    edit_russian(school, title_kk="Ақтауда жаңа мектеп ашылды.")
    Photo.objects.create(
        article=school,
        image=SimpleUploadedFile("pool.jpg", jpeg(), "image/jpeg"),
        caption_ru="Бассейн школы",
        position=1,
    )
    school.refresh_from_db()
    assert school.translation_state == "outdated"
    page = translator.get(change_url(school)).content.decode()
    assert "<ins>Бассейн школы</ins>" in page
    # A photo with texts in both languages from the start leaves it current.
    edit_russian(school, title_kk="Ақтауда жаңа мектеп ашылды")
    Photo.objects.create(
        article=school,
        image=SimpleUploadedFile("hall.jpg", jpeg(), "image/jpeg"),
        caption_ru="Актовый зал",
        caption_kk="Мәжіліс залы",
        position=2,
    )
    school.refresh_from_db()
    assert school.translation_state == "done"


def test_queue_reads_in_kazakh_on_the_kazakh_admin(translator, school):
    edit_russian(school, body_ru=BODY_RU.replace("48", "52"))
    page = translator.get("/kk/admin/articles/article/?translation=todo").content.decode()
    for text in ("Алдымен ең көп оқылғандары", "Алдымен ескілері", "Реті:", ">Сөз<"):
        assert text in page, text
    for english in ("Most read first", "Oldest first", ">Words<", ">words<"):
        assert english not in page


def test_a_translators_save_with_photo_captions_writes_the_basis_once(translator, school):
    """Publishing writes the article, then each photo, changing the Kazakh text in one
    save: the Russian it was made from is written once, after all of them."""
    edit_russian(school, title_kk="Ақтауда жаңа мектеп ашылды.")
    response = translator.get(change_url(school))
    with CaptureQueriesContext(connection) as queries:
        response = translator.post(
            change_url(school),
            posted(
                response,
                title_kk="Ақтауда жаңа мектеп ашылды!",
                **{"photos-0-caption_kk": "33-шағынаудандағы жаңа мектеп", **PUBLISH},
            ),
        )
    assert response.status_code == 302
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if "translationbasis" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert len(writes) == 1, writes
    basis = TranslationBasis.objects.get(article=school)
    school.refresh_from_db()
    assert basis.taken_at == school.kk_changed_at
    assert str(school.photos.get().pk) in basis.photos
