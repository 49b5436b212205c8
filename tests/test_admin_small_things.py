"""What editors met in the admin (issue #22): the history says only what changed,
the version comparison reads as text, and the small things (headings, filter
titles, the sidebar, the queue's way back, its numbers, source positions)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation

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
