"""The Kazakh version has its own publication: a translator's work in progress is
kept on the server as a draft, readers see the Kazakh version only once it is
published, another translator can take the draft over, and the article lists
say where each Kazakh version stands."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation
from reversion.models import Version

from articles.models import Article
from audit.models import AuditEntry
from tests.admin_forms import form_data
from tests.photo_files import jpeg
from translations.models import KazakhDraft

# Fifteen paragraphs, as the Lada.kz story had.
BODY_RU = "".join(f"<p>Абзац номер {number} о пожаре на складе.</p>" for number in range(1, 16))
KK_BLOCKS = [f"<p>Қоймадағы өрт туралы {number}-абзац.</p>" for number in range(1, 16)]
PUBLISH = {"_publish_kk": "1"}


@pytest.fixture(autouse=True)
def _russian_urls():
    with translation.override("ru"):
        yield


def signed_in(username, group):
    user = User.objects.create_user(username, password="x-secret-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def aigerim(db):
    return signed_in("aigerim", "Translators")


@pytest.fixture
def dana(db):
    return signed_in("dana", "Translators")


@pytest.fixture
def editor(db):
    return signed_in("asel", "Editors")


@pytest.fixture
def fire(make_article):
    return make_article(
        title_ru="На складе в Актау потушили пожар",
        lead_ru="Пожар на складе потушили за два часа.",
        body_ru=BODY_RU,
        title_kk="",
        lead_kk="",
        body_kk="",
    )


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def draft_stamp(response):
    """The hidden field the workspace sends back: the draft it was opened with."""
    found = re.search(r'name="kazakh_draft_saved_at" value="([^"]*)"', response.content.decode())
    return found.group(1) if found else None


def posted(response, **overrides):
    data = form_data(response.context["adminform"].form)
    if draft_stamp(response) is not None:
        data["kazakh_draft_saved_at"] = draft_stamp(response)
    for inline in response.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(form_data(form))
    data.pop("translation_done", None)
    data.update(overrides)
    return data


def save_kazakh(client, article, blocks, publish=False, **texts):
    response = client.get(change_url(article))
    fields = {
        "title_kk": "Ақтаудағы қоймада өрт сөндірілді",
        "lead_kk": "Қоймадағы өрт екі сағатта сөндірілді.",
        "body_kk": "".join(blocks),
        **texts,
    }
    return client.post(
        change_url(article), posted(response, **fields, **(PUBLISH if publish else {}))
    )


def queue_page(client):
    url = reverse("admin:articles_article_changelist") + "?translation=todo"
    return client.get(url).content.decode()


def kazakh_page(client, article):
    response = client.get(article.get_absolute_url("kk"))
    # The request left Kazakh active in this thread: reverse() must go on in Russian.
    translation.activate("ru")
    return response


def test_half_a_translation_saved_stays_off_the_site_and_in_the_queue_with_the_blocks_left(
    aigerim, fire
):
    response = save_kazakh(aigerim, fire, KK_BLOCKS[:7])
    assert response.status_code == 302
    # The workspace says so, and stays open on the draft.
    page = aigerim.get(response["Location"]).content.decode()
    assert "Черновик на казахском сохранён (осталось 8 из 15 блоков)" in page
    assert "Қоймадағы өрт туралы 7-абзац." in page
    # Readers see nothing in Kazakh: the article's own Kazakh fields are untouched.
    fire.refresh_from_db()
    assert (fire.title_kk, fire.body_kk) == ("", "")
    assert fire.translation_state == "missing"
    assert kazakh_page(Client(), fire).status_code == 404
    assert Article.objects.to_translate().filter(pk=fire.pk).exists()
    # The queue shows it as in progress, with the blocks left.
    assert "в работе: осталось 8 из 15 блоков" in queue_page(aigerim)
    draft = KazakhDraft.objects.get(article=fire)
    assert draft.saved_by.username == "aigerim"
    assert draft.started_from == fire.version
    # No version of the article was made for a draft.
    assert not Version.objects.get_for_object(fire).filter(revision__user__username="aigerim")


def test_another_translator_takes_the_draft_over_and_publishes_it(aigerim, dana, fire):
    save_kazakh(aigerim, fire, KK_BLOCKS[:7])
    aigerim.logout()
    # Dana opens the same article: the form holds Aigerim's draft.
    response = dana.get(change_url(fire))
    page = response.content.decode()
    assert "Черновик сохранил(а) aigerim" in page
    assert response.context["adminform"].form["body_kk"].value() == "".join(KK_BLOCKS[:7])
    assert response.context["adminform"].form["title_kk"].value() == (
        "Ақтаудағы қоймада өрт сөндірілді"
    )
    response = save_kazakh(dana, fire, KK_BLOCKS, publish=True)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:articles_article_changelist"))
    fire.refresh_from_db()
    assert fire.body_kk == "".join(KK_BLOCKS)
    assert fire.slug_kk and fire.in_kk and fire.translation_state == "done"
    assert not KazakhDraft.objects.filter(article=fire).exists()
    reader = kazakh_page(Client(), fire)
    assert reader.status_code == 200
    assert "Қоймадағы өрт туралы 15-абзац." in reader.content.decode()
    # The audit log and the history name who published it.
    entry = AuditEntry.objects.get(action="publish_translation")
    assert entry.actor_name == "dana" and entry.object_id == str(fire.pk)
    latest = Version.objects.get_for_object(fire).first()
    assert latest.revision.user.username == "dana"
    history = dana.get(reverse("admin:articles_article_history", args=[fire.pk])).content.decode()
    assert "Опубликована казахская версия" in history
    log = editor_reads_audit_log(dana)
    assert "опубликовал(а) казахскую версию" in log
    assert "не перевед" not in queue_page(dana)


def test_two_translators_saving_one_draft_the_later_save_is_refused_and_nothing_is_lost(
    aigerim, dana, fire
):
    save_kazakh(aigerim, fire, KK_BLOCKS[:3])
    # Both open the draft; Aigerim saves more, then Dana saves from her older page.
    hers, theirs = aigerim.get(change_url(fire)), dana.get(change_url(fire))
    assert draft_stamp(hers) == draft_stamp(theirs) != ""
    saved = aigerim.post(change_url(fire), posted(hers, body_kk="".join(KK_BLOCKS[:6])))
    assert saved.status_code == 302
    aigerims = KazakhDraft.objects.get(article=fire)
    refused = dana.post(
        change_url(fire), posted(theirs, body_kk="".join(KK_BLOCKS[:3]) + "<p>Дана жазды.</p>")
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    when = formats.time_format(timezone.localtime(aigerims.saved_at), "TIME_FORMAT")
    assert (
        f"aigerim сохранил(а) казахский черновик в {when}, после того как вы его открыли"
    ) in page
    # Dana's text is still in her form; Aigerim's draft is untouched.
    assert "Дана жазды." in refused.context["adminform"].form["body_kk"].value()
    assert KazakhDraft.objects.get(article=fire).body == "".join(KK_BLOCKS[:6])
    # Pressing save again on the refused page is refused again: only a reload
    # brings Aigerim's text in.
    again = dana.post(change_url(fire), posted(refused, body_kk="".join(KK_BLOCKS[:3])))
    assert again.status_code == 200
    assert KazakhDraft.objects.get(article=fire).body == "".join(KK_BLOCKS[:6])
    # Publishing from a page older than the draft is refused the same way.
    stale = dana.post(change_url(fire), posted(theirs, body_kk="".join(KK_BLOCKS), **PUBLISH))
    assert stale.status_code == 200
    fire.refresh_from_db()
    assert fire.body_kk == ""
    # After a reload she continues Aigerim's text and publishes it.
    response = save_kazakh(dana, fire, KK_BLOCKS, publish=True)
    assert response.status_code == 302
    fire.refresh_from_db()
    assert fire.body_kk == "".join(KK_BLOCKS)


def test_a_draft_published_or_discarded_since_is_not_overwritten_from_an_older_page(
    aigerim, dana, fire
):
    save_kazakh(aigerim, fire, KK_BLOCKS[:3])
    theirs = dana.get(change_url(fire))
    # Aigerim sends back what readers see (nothing yet): her draft is discarded.
    mine = aigerim.get(change_url(fire))
    aigerim.post(change_url(fire), posted(mine, title_kk="", lead_kk="", body_kk=""))
    assert not KazakhDraft.objects.filter(article=fire).exists()
    refused = dana.post(change_url(fire), posted(theirs, body_kk="".join(KK_BLOCKS[:4])))
    assert refused.status_code == 200
    assert "Открытый вами казахский черновик с тех пор опубликован или удалён" in (
        refused.content.decode()
    )
    assert not KazakhDraft.objects.filter(article=fire).exists()
    # Published since: the article's own version moved, and that check says so.
    save_kazakh(aigerim, fire, KK_BLOCKS[:3])
    theirs = dana.get(change_url(fire))
    save_kazakh(aigerim, fire, KK_BLOCKS, publish=True)
    refused = dana.post(change_url(fire), posted(theirs, body_kk="".join(KK_BLOCKS[:4])))
    assert refused.status_code == 200
    assert "была сохранена версия" in refused.content.decode()
    fire.refresh_from_db()
    assert fire.body_kk == "".join(KK_BLOCKS)
    assert not KazakhDraft.objects.filter(article=fire).exists()


def editor_reads_audit_log(client):
    user = User.objects.create_user("boss", password="x-secret-pass-1", is_superuser=True)
    user.is_staff = True
    user.save()
    boss = Client()
    boss.force_login(user)
    return boss.get(reverse("admin:audit_auditentry_changelist")).content.decode()


def test_a_half_done_draft_cannot_be_published_and_the_missing_blocks_are_named(aigerim, fire):
    response = save_kazakh(
        aigerim, fire, [*KK_BLOCKS[:2], "<p></p>", *KK_BLOCKS[3:7]], publish=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Казахскую версию пока нельзя опубликовать" in page
    assert "блоки текста 3, 8–15 из 15" in page
    # What was typed is still in the form, and nothing reached readers.
    assert "Қоймадағы өрт туралы 7-абзац." in page
    fire.refresh_from_db()
    assert fire.body_kk == "" and not fire.in_kk


def test_a_missing_headline_is_named_in_kazakh_on_the_kazakh_admin(aigerim, fire):
    url = "/kk" + change_url(fire)
    response = aigerim.get(url)
    data = posted(response, title_kk="", body_kk="".join(KK_BLOCKS), **PUBLISH)
    page = aigerim.post(url, data).content.decode()
    assert "Қазақша нұсқаны әзірге жариялау мүмкін емес" in page
    assert "тақырып" in page


def test_an_update_of_a_published_translation_stays_off_the_site_until_published(
    aigerim, editor, fire
):
    save_kazakh(aigerim, fire, KK_BLOCKS, publish=True)
    old_kazakh = "".join(KK_BLOCKS)
    fire.refresh_from_db()
    fire.body_ru = BODY_RU.replace("номер 3", "номер три")
    fire.save()
    reader = Client()
    assert "туралы 3-абзац" in kazakh_page(reader, fire).content.decode()
    updated = [*KK_BLOCKS[:2], "<p>Қоймадағы өрт туралы үшінші абзац.</p>", *KK_BLOCKS[3:]]
    save_kazakh(aigerim, fire, updated)
    fire.refresh_from_db()
    assert fire.body_kk == old_kazakh
    page = kazakh_page(reader, fire).content.decode()
    assert "туралы 3-абзац" in page and "үшінші абзац" not in page
    rows = editor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "устарела, идёт обновление" in rows
    save_kazakh(aigerim, fire, updated, publish=True)
    page = kazakh_page(reader, fire).content.decode()
    assert "үшінші абзац" in page and "туралы 3-абзац" not in page


def test_article_list_shows_each_kazakh_state(aigerim, editor, make_article, fire):
    def article(title, **fields):
        return make_article(title_ru=title, body_ru="<p>Один.</p><p>Два.</p>", **fields)

    missing = article("Без перевода", title_kk="", body_kk="")
    started = article("Начатый", title_kk="", body_kk="")
    ready = article("Готовый", title_kk="", body_kk="")
    published = article("Опубликованный", body_kk="<p>Бір.</p><p>Екі.</p>")
    updating = article("Обновляемый", body_kk="<p>Бір.</p><p>Екі.</p>")
    save_kazakh(aigerim, started, ["<p>Бір.</p>"])
    save_kazakh(aigerim, ready, ["<p>Бір.</p>", "<p>Екі.</p>"])
    save_kazakh(aigerim, updating, ["<p>Бір!</p>", "<p>Екі.</p>"])
    rows = editor.get(reverse("admin:articles_article_changelist")).content.decode()

    def state(item):
        row = rows.split(f"/{item.pk}/change/", 1)[1].split("</tr>", 1)[0]
        return row.split("translation-state--", 1)[1].split("</span>", 1)[0]

    assert state(missing) == 'missing">не переведена'
    assert state(started) == 'in-progress">в работе: осталось 1 из 2 блоков'
    assert state(ready) == 'ready">готова к публикации'
    assert state(published) == 'done">опубликована'
    assert state(updating) == 'updating">опубликована, идёт обновление'


def test_saving_the_published_text_unchanged_starts_no_draft(aigerim, make_article):
    article = make_article()
    response = aigerim.get(change_url(article))
    response = aigerim.post(change_url(article), posted(response))
    assert response.status_code == 302
    assert not KazakhDraft.objects.filter(article=article).exists()


def test_photo_texts_wait_in_the_draft_and_are_published_with_it(aigerim, fire):
    photo = fire.photos.create(
        image=SimpleUploadedFile("fire.jpg", jpeg(), "image/jpeg"), caption_ru="Склад после пожара"
    )
    response = aigerim.get(change_url(fire))
    data = posted(
        response,
        title_kk="Ақтаудағы қоймада өрт сөндірілді",
        lead_kk="Қоймадағы өрт екі сағатта сөндірілді.",
        body_kk="".join(KK_BLOCKS),
        **{"photos-0-caption_kk": "Өрттен кейінгі қойма"},
    )
    aigerim.post(change_url(fire), data)
    photo.refresh_from_db()
    assert not photo.caption_kk
    assert KazakhDraft.objects.get(article=fire).photos == {
        str(photo.pk): {"caption": "Өрттен кейінгі қойма", "alt": "", "credit": ""}
    }
    response = aigerim.get(change_url(fire))
    assert "Өрттен кейінгі қойма" in response.content.decode()
    aigerim.post(change_url(fire), posted(response, **PUBLISH))
    photo.refresh_from_db()
    assert photo.caption_kk == "Өрттен кейінгі қойма"


def test_a_reader_who_met_the_missing_kazakh_page_gets_it_once_published(aigerim, fire):
    reader = Client()
    missing_url = fire.get_absolute_url("kk")
    assert reader.get(missing_url).status_code == 404
    save_kazakh(aigerim, fire, KK_BLOCKS, publish=True)
    response = reader.get(missing_url, follow=True)
    translation.activate("ru")
    assert "Қоймадағы өрт туралы 15-абзац." in response.content.decode()
