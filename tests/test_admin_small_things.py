"""What editors met in the admin (issue #22): the history says only what changed,
the version comparison reads as text, and the small things (headings, filter
titles, the sidebar, the queue's way back, its numbers, source positions)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

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
