"""Moderators work one queue of pending comments in the admin, in Russian and Kazakh."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from audit.models import AuditEntry
from comments.models import Comment, Reader

from .readers import make_comment, make_reader, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moder", password="a-long-secret-phrase", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def test_the_moderators_role_has_only_the_comment_permissions():
    perms = set(
        Permission.objects.filter(group__name="Moderators").values_list(
            "content_type__app_label", "codename"
        )
    )
    assert perms == {
        ("comments", "view_comment"),
        ("comments", "change_comment"),
        ("comments", "delete_comment"),
        ("comments", "view_reader"),
        ("comments", "change_reader"),
    }


def test_a_moderator_sees_comments_and_nothing_of_the_newsroom(moderator):
    assert moderator.get("/admin/comments/comment/").status_code == 200
    assert moderator.get("/admin/articles/article/").status_code == 403
    assert moderator.get("/admin/auth/user/").status_code == 403


def test_the_queue_lists_pending_comments_newest_first_with_article_name_and_masked_phone(
    moderator, article, make_article
):
    other = make_article(title_ru="Паром в Баку отменён")
    old = make_comment(article, make_reader(), text="Первый", status="pending")
    new = make_comment(
        other, make_reader(phone="+77779998877", name="Ерлан"), text="Второй", status="pending"
    )
    make_comment(article, make_reader(phone="+77000000005"), text="Уже одобрен")
    html = moderator.get("/admin/comments/comment/").content.decode()
    assert html.index("Второй") < html.index("Первый")
    assert "Уже одобрен" not in html
    assert "В Актау открыли новую школу" in html and "Паром в Баку отменён" in html
    assert "Айгерим" in html and "Ерлан" in html
    assert "+7 7** *** **12" in html and "+7 7** *** **77" in html
    assert "7779998877" not in html
    assert {old.pk, new.pk} == {
        int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', html)
    }


def test_bulk_approve_hide_and_delete_are_in_the_audit_log(moderator, article):
    reader = make_reader()
    comments = [make_comment(article, reader, text=f"№{n}", status="pending") for n in range(3)]
    moderator.post(
        "/admin/comments/comment/",
        {"action": "approve", "_selected_action": [comments[0].pk, comments[1].pk]},
    )
    moderator.post(
        "/admin/comments/comment/?status=all",
        {"action": "hide", "_selected_action": [comments[1].pk]},
    )
    moderator.post(
        "/admin/comments/comment/",
        {"action": "delete_selected", "_selected_action": [comments[2].pk], "post": "yes"},
    )
    assert dict(Comment.objects.values_list("text", "status")) == {"№0": "approved", "№1": "hidden"}
    decisions = sorted(
        (int(pk), details["decision"])
        for pk, details in AuditEntry.objects.filter(
            action="moderate", actor=moderator.user
        ).values_list("object_id", "details")
    )
    assert decisions == [
        (comments[0].pk, "approved"),
        (comments[1].pk, "approved"),
        (comments[1].pk, "hidden"),
        (comments[2].pk, "deleted"),
    ]


def test_blocking_a_reader_hides_all_their_comments_and_stops_new_ones(moderator, article, caplog):
    client = Client()
    reader = sign_in(client, caplog)
    make_comment(article, reader, text="Старый одобренный")
    pending = make_comment(article, reader, text="Новый", status="pending")
    moderator.post(
        "/admin/comments/comment/",
        {"action": "block_authors", "_selected_action": [pending.pk]},
    )
    reader.refresh_from_db()
    assert reader.is_blocked
    assert set(Comment.objects.values_list("status", flat=True)) == {"hidden"}
    assert (
        "Старый одобренный" not in Client().get(f"/comments/{article.pk}/block/").content.decode()
    )
    assert client.post(f"/comments/{article.pk}/", {"text": "Ещё"}).status_code == 403
    entry = AuditEntry.objects.get(action="block_reader")
    assert entry.details == {"comments_hidden": 2} and entry.object_id == str(reader.pk)


def test_the_admin_home_shows_how_many_comments_wait(moderator, article):
    reader = make_reader()
    for n in range(3):
        make_comment(article, reader, text=f"№{n}", status="pending")
    make_comment(article, reader, text="одобрен")
    html = moderator.get("/kk/admin/").content.decode()
    assert "Модерацияны күтуде" in html
    assert re.search(r'class="pendinglink">[^<]+</a></th><td class="queue-count">3<', html)


@pytest.mark.parametrize("prefix", ["", "/kk"])
@pytest.mark.parametrize(
    "path",
    [
        "/admin/comments/comment/",
        "/admin/comments/comment/?status=all",
        "/admin/comments/reader/",
        "/admin/",
    ],
)
def test_both_admin_languages_are_complete_for_comments(moderator, article, prefix, path):
    reader = make_reader()
    comment = make_comment(article, reader, status="pending")
    pages = [
        moderator.get(prefix + path),
        moderator.get(f"{prefix}/admin/comments/comment/{comment.pk}/change/"),
        moderator.get(f"{prefix}/admin/comments/reader/{reader.pk}/change/"),
    ]
    for response in pages:
        assert response.status_code == 200
        text = re.sub(r"<[^>]+>", " ", response.content.decode())
        english = re.findall(
            r"\b(comments?|readers?|Approve|Hide|Block|pending|waiting|approved|hidden|phone|"
            r"article|status|Unblock|deleted account|written at|moderated at|display name|"
            r"terms|blocked|closed)\b",
            text,
        )
        assert english == [], english
        if prefix == "/kk":
            for russian in ("Комментари", "Читател", "Одобрить", "Скрыть", "Заблокировать"):
                assert russian not in text


def test_readers_cannot_be_added_or_deleted_in_the_admin(moderator):
    make_reader()
    assert moderator.get("/admin/comments/reader/add/").status_code == 403
    reader = Reader.objects.get()
    assert moderator.get(f"/admin/comments/reader/{reader.pk}/delete/").status_code == 403
    html = moderator.get(f"/admin/comments/reader/{reader.pk}/change/").content.decode()
    assert "+7 7** *** **12" in html and "7011234512" not in html


@pytest.mark.parametrize(
    ("prefix", "approved", "hidden", "blocked"),
    [
        ("", "2 комментария одобрены.", "1 комментарий скрыт.", "1 читатель заблокирован."),
        ("/kk", "2 пікір мақұлданды.", "1 пікір жасырылды.", "1 оқырман бұғатталды."),
    ],
)
def test_bulk_moderation_reports_in_the_admins_language(  # noqa: PLR0917
    moderator, article, prefix, approved, hidden, blocked
):
    comments = [
        make_comment(article, make_reader(phone=f"+7700000000{n}"), text=f"№{n}", status="pending")
        for n in (1, 2)
    ]
    url = f"{prefix}/admin/comments/comment/?status=all"

    def said(action, *pks):
        response = moderator.post(url, {"action": action, "_selected_action": pks}, follow=True)
        return [str(message) for message in response.context["messages"]]

    assert said("approve", *(c.pk for c in comments)) == [approved]
    assert said("hide", comments[0].pk) == [hidden]
    assert said("block_authors", comments[1].pk) == [blocked]
