"""The admin's history says what changed in the editor's language, Kazakh included."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from .test_admin_articles import change_url, errors_of, form_data, make_user


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        ("ru", ["Заголовок [ru]", "Лид [kk]"], ["Title [ru]", "Lead [kk]"]),
        ("kk", ["Тақырып [ru]", "Лид [kk]"], ["Title [ru]", "Lead [kk]"]),
    ],
)
def test_history_names_changed_translated_fields_in_the_admin_language(
    client, article, language, expected, english
):
    client.force_login(make_user("editor", "Editors"))
    data = form_data(article, title_ru="Новый заголовок", lead_kk="Жаңа лид.")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    with translation.override(language):
        history = client.get(reverse("admin:articles_article_history", args=[article.pk])).text
        message = LogEntry.objects.get().get_change_message()
    for words in expected:
        assert words in message, message
        assert words in history, history[history.find("<tbody>") : history.find("</tbody>")]
    for words in english:
        assert words not in message


def test_every_translated_field_label_is_in_the_catalogs():
    from django.utils.text import capfirst
    from modeltranslation.translator import translator

    from articles.translation import HISTORY_LABELS

    for model in translator.get_registered_models():
        for name in translator.get_options_for_model(model).fields:
            field = model._meta.get_field(name)
            with translation.override(None):
                english = capfirst(str(field.verbose_name))
            for code in ("ru", "kk"):
                label = f"{english} [{code}]"
                assert label in HISTORY_LABELS, label
                with translation.override("kk"):
                    assert translation.gettext(label) != label, label


def test_history_of_a_list_action_reads_in_the_language_of_whoever_opens_it(client, article):
    client.force_login(make_user("editor", "Editors"))
    changelist = reverse("admin:articles_article_changelist")  # a Russian-speaking editor
    response = client.post(
        changelist, {"action": "unpublish_selected", "_selected_action": [str(article.pk)]}
    )
    assert response.status_code == 302
    with translation.override("kk"):
        history = client.get(reverse("admin:articles_article_history", args=[article.pk])).text
    assert "Мақалалар тізімінен жариялаудан алынды" in history
    assert "Снято с публикации" not in history
    assert "<td>жоба</td>" in history  # the status of that version: draft
    for english in ("<td>published</td>", "<td>draft</td>", "from the article list"):
        assert english not in history
