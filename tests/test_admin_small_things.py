"""What editors met in the admin (issue #22): the history says only what changed,
the version comparison reads as text, and the small things (headings, filter
titles, the sidebar, the queue's way back, its numbers, source positions)."""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.models import ArticleSource, Source
from tests.admin_forms import form_data


@pytest.fixture(autouse=True)
def _russian_urls():
    with translation.override("ru"):
        yield


@pytest.fixture
def editor(db):
    user = User.objects.create_user("asel", password="x-secret-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def posted(response, **overrides):
    """What the browser posts back for the rendered change form, with ``overrides``."""
    form = response.context["adminform"].form
    data = form_data(form)
    if "tags" in data:
        # The tags field is one text input: "a, b, c" as its widget writes it.
        data["tags"] = form.fields["tags"].widget.format_value(form["tags"].value())
    for inline in response.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(form_data(form))
    data.pop("translation_done", None)
    data.update(overrides)
    return data


def test_a_save_that_leaves_the_tags_alone_does_not_list_them_as_changed(editor, article):
    article.tags.add("пожар", "Актау", "ДТП", "акимат")
    response = editor.get(change_url(article))
    data = posted(response, body_ru="<p>Школа на 1200 мест открылась в 17 мкр.</p>")
    response = editor.post(change_url(article), data)
    assert response.status_code == 302
    message = LogEntry.objects.latest("pk").get_change_message()
    assert "Текст [ru]" in message
    assert "Теги" not in message


def test_a_save_that_changes_the_tags_lists_them(editor, article):
    article.tags.add("Актау")
    response = editor.get(change_url(article))
    response = editor.post(change_url(article), posted(response, tags="Актау, школа"))
    assert response.status_code == 302
    assert "Теги" in LogEntry.objects.latest("pk").get_change_message()


def test_version_comparison_reads_as_text_with_blocks_apart_and_no_entities(editor, article):
    body = (
        "<p>Задержанных отпустили на свободу</p><p>По данным ДЧС, ущерб 15 970 тенге.</p>"
        "<ul><li>несовершеннолетних,</li><li>женщин с детьми,</li></ul>"
    )
    for text in (body, body.replace("15 970", "16 000")):
        response = editor.get(change_url(article))
        assert editor.post(change_url(article), posted(response, body_ru=text)).status_code == 302
    new, old = Version.objects.get_for_object(article)[:2]
    page = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": old.pk, "new": new.pk},
    ).text
    assert "&amp;nbsp;" not in page and "&nbsp;" not in page
    assert "свободуПо" not in page and "свободу По" in page
    assert "несовершеннолетних,женщин" not in page and "несовершеннолетних, женщин" in page
    assert "<del>15</del>" in page and "<ins>16</ins>" in page


# The small things ------------------------------------------------------------------


@pytest.fixture
def translator(db):
    user = User.objects.create_user("aigerim", password="x-secret-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    client = Client()
    client.force_login(user)
    return client


def queue_url():
    return reverse("admin:articles_article_changelist") + "?translation=todo"


@pytest.mark.parametrize(("prefix", "heading"), [("", "Источники"), ("/kk", "Дереккөздер")])
def test_the_sources_inline_is_headed_by_a_plain_word(editor, article, prefix, heading):
    page = editor.get(prefix + change_url(article)).content.decode()
    assert re.search(rf'class="inline-heading">\s*{heading}\s*</h2>', page)
    assert "Источники статей" not in page and "Мақала дереккөздері" not in page


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_every_filter_title_of_the_article_list_reads_as_a_lower_case_noun(editor, article, prefix):
    page = editor.get(prefix + reverse("admin:articles_article_changelist")).content.decode()
    titles = re.findall(r'data-filter-title="([^"]+)"', page)
    assert titles[0] in ("статус", "күйі")
    # As Django's Russian admin prints the field names: «статус», «рубрика».
    assert [title for title in titles if not title[0].islower()] == []


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_the_tag_list_filter_title_reads_as_a_lower_case_noun(editor, prefix):
    page = editor.get(prefix + reverse("admin:articles_tag_changelist")).content.decode()
    titles = re.findall(r'data-filter-title="([^"]+)"', page)
    assert titles and [title for title in titles if not title[0].islower()] == []


def test_the_users_section_is_named_alike_in_both_languages(settings, db):
    settings.ADMIN_REQUIRE_2FA = False
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "a@example.com", "x-secret-pass-1"))
    russian = client.get("/admin/").content.decode()
    kazakh = client.get("/kk/admin/").content.decode()
    assert "Пользователи и группы" in russian
    assert "Пайдаланушылар мен топтар" in kazakh
    assert "Аутентификация" not in kazakh


@pytest.mark.parametrize("who", ["translator", "editor"])
def test_still_accurate_returns_to_the_queue_it_came_from(request, who, editor, article):
    response = editor.get(change_url(article))
    editor.post(change_url(article), posted(response, body_ru="<p>Школа на 1300 мест.</p>"))
    client = request.getfixturevalue(who)
    page = client.get(queue_url()).content.decode()
    link = re.search(rf'href="({re.escape(change_url(article))}\?[^"]*)"', page).group(1)
    link = link.replace("&amp;", "&")
    assert "_changelist_filters=" in link
    response = client.get(link)
    # The browser posts to the form's action, read against the page's address.
    action = re.search(r'<form [^>]*id="article_form"', response.content.decode()).group(0)
    target = urljoin(link, re.search(r'action="([^"]*)"', action).group(1).replace("&amp;", "&"))
    response = client.post(target, posted(response, translation_done="on"))
    assert response.status_code == 302
    back = urlsplit(response["Location"])
    assert back.path == reverse("admin:articles_article_changelist")
    assert parse_qs(back.query)["translation"] == ["todo"]
    article.refresh_from_db()
    assert article.translation_state == "done"


def test_queue_numbers_are_grouped_by_thousands(translator, make_article):
    make_article(
        title_kk="",
        lead_kk="",
        body_kk="",
        views=15970,
        body_ru="<p>" + "слово " * 1200 + "</p>",
    )
    page = translator.get(queue_url()).content.decode()
    assert '<td class="field-view_count">15\xa0970</td>' in page
    assert re.search(r'<td class="field-words_to_translate">1\xa0\d{3}</td>', page)


def test_sources_added_with_their_positions_left_alone_are_numbered_in_order(
    editor, article, source
):
    second = Source.objects.create(name_ru="Lada.kz", url="https://www.lada.kz", kind="media")
    response = editor.get(change_url(article))
    data = posted(response)
    inline = next(
        i for i in response.context["inline_admin_formsets"] if i.formset.model is ArticleSource
    )
    formset = inline.formset
    prefix = formset.prefix
    # What the "Add another" button copies: the empty form, renumbered.
    blank = form_data(formset.empty_form)
    for index, chosen in enumerate([second, source]):
        for name, value in blank.items():
            data[name.replace("__prefix__", str(index))] = value
        data[f"{prefix}-{index}-source"] = chosen.pk
        data[f"{prefix}-{index}-article"] = article.pk
    data[f"{prefix}-TOTAL_FORMS"] = 2
    response = editor.post(change_url(article), data)
    assert response.status_code == 302
    listed = list(article.article_sources.order_by("position").values_list("source", "position"))
    assert listed == [(second.pk, 0), (source.pk, 1)]
