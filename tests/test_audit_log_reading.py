"""The audit log reads like a newsroom tool in Russian and Kazakh: object types by
name, dates in the admin's format, statuses and roles by label, yes/no."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from reversion.models import Version

from articles.models import Article
from audit.models import AuditEntry
from tests.admin_forms import form_data

from .test_admin_articles import form_data as article_form_data

PREFIX = {"ru": "/admin/", "kk": "/kk/admin/"}


@pytest.fixture
def chief(db):
    return User.objects.create_superuser("chief", "chief@example.kz", "Kaspiy-Media-2026!")


@pytest.fixture
def chief_client(chief):
    client = Client()
    client.force_login(chief)
    return client


def audit_text(client, lang, query=""):
    html = client.get(f"{PREFIX[lang]}audit/auditentry/{query}").content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["статья", "Дата публикации: 11 января 2026, 13:19", "опубликовано"]),
        ("kk", ["мақала", "Жарияланған уақыты: 11 қаңтар 2026, 13:19", "жарияланған"]),
    ],
)
def test_publication_reads_with_its_type_and_local_date(chief_client, make_article, lang, expected):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    data = article_form_data(article, status="published")
    data["published_at_0"], data["published_at_1"] = "11.01.2026", "13:19:00"
    response = chief_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="publish").object_type == "articles.article"

    text = audit_text(chief_client, lang)
    for words in expected:
        assert words in text, text
    for raw in ("articles.article", "published_at", "2026-01-11", "T13:19"):
        assert raw not in text, text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            "Роли добавлены: Редакторы; Роли сняты: Корреспонденты; Статус суперпользователя: Да",
        ),
        (
            "kk",
            "Қосылған рөлдер: Редакторлар; Алынған рөлдер: Тілшілер; Әкімші мәртебесі: Иә",
        ),
    ],
)
def test_role_changes_read_by_role_name_and_yes_no(chief_client, lang, expected):
    editors = Group.objects.get(name="Editors")
    reporters = Group.objects.get(name="Reporters")
    dana = User.objects.create_user("dana", password="Kaspiy-Media-2026!", is_staff=True)
    dana.groups.add(reporters)
    url = f"/admin/auth/user/{dana.pk}/change/"
    data = form_data(chief_client.get(url).context["adminform"].form)
    data["groups"] = [str(editors.pk)]
    data["is_superuser"] = "on"
    assert chief_client.post(url, data).status_code == 302

    text = audit_text(chief_client, lang)
    assert expected in text, text
    for raw in ("is_superuser", "added:", "['Editors']", "True", "auth.user"):
        assert raw not in text, text


@pytest.mark.parametrize(("lang", "label"), [("ru", "Версия"), ("kk", "Нұсқа")])
def test_a_restore_names_the_version_number(chief_client, make_article, lang, label):
    article = make_article()
    url = f"/admin/articles/article/{article.pk}/change/"
    assert chief_client.post(url, article_form_data(article)).status_code == 302
    article.refresh_from_db()
    data = article_form_data(article, title_ru="Новый заголовок")
    assert chief_client.post(url, data).status_code == 302
    first = Version.objects.get_for_object(article).last()
    restore = f"/admin/articles/article/{article.pk}/history/{first.pk}/"
    article.refresh_from_db()
    data = article_form_data(article, title_ru="В Актау открыли новую школу")
    assert chief_client.post(restore, data).status_code == 302
    assert AuditEntry.objects.filter(action="restore").exists()

    # The article's own version number, as the history lists it (not a database id).
    number = first.field_dict["version"]
    assert number != first.pk
    assert f"{label}: {number}" in audit_text(chief_client, lang, "?action=restore")


@pytest.mark.parametrize(("lang", "name"), [("ru", "статья"), ("kk", "мақала")])
def test_the_object_type_filter_names_types(chief_client, make_article, lang, name):
    article = make_article()
    response = chief_client.post(
        "/admin/articles/article/",
        {"action": "unpublish_selected", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    html = chief_client.get(f"{PREFIX[lang]}audit/auditentry/").content.decode()
    assert f'href="?object_type=articles.article">{name}</a>' in html
    filtered = chief_client.get(
        f"{PREFIX[lang]}audit/auditentry/", {"object_type": "articles.article"}
    )
    assert article.title_ru in filtered.content.decode()
