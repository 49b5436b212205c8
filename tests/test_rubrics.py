"""Rubric slugs never take a path the site uses for itself."""

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from articles.models import Rubric


@pytest.mark.parametrize("slug", ["search", "rss", "admin", "kk", "comments"])
def test_admin_refuses_a_reserved_rubric_slug_with_a_message(client, db, slug):
    client.force_login(User.objects.create_superuser("chief", "chief@example.kz", "x-pass-1"))
    response = client.post(
        "/admin/articles/rubric/add/",
        {"name_ru": "Поиск", "name_kk": "Іздеу", "slug": slug, "position": 1, "comments": "open"},
    )
    assert response.status_code == 200
    assert "используется самим сайтом" in response.text
    assert not Rubric.objects.filter(slug=slug).exists()


def test_database_refuses_a_reserved_rubric_slug(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Rubric.objects.create(name_ru="Теги", slug="tag")


def test_an_ordinary_slug_is_accepted(client, db):
    client.force_login(User.objects.create_superuser("chief", "chief@example.kz", "x-pass-1"))
    response = client.post(
        "/admin/articles/rubric/add/",
        {
            "name_ru": "Погода",
            "name_kk": "Ауа райы",
            "slug": "weather",
            "position": 9,
            "comments": "open",
        },
    )
    assert response.status_code == 302
    assert Rubric.objects.get(slug="weather").name_kk == "Ауа райы"
