"""The audit log: who published, unpublished, deleted or changed roles, and when."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from articles.models import Article
from audit.models import AuditEntry
from tests.admin_forms import form_data


@pytest.fixture
def chief(db):
    return User.objects.create_superuser("chief", "chief@example.kz", "Kaspiy-Media-2026!")


@pytest.fixture
def chief_client(chief):
    client = Client()
    client.force_login(chief)
    return client


def _entries(action):
    return list(AuditEntry.objects.filter(action=action))


def _changelist_action(client, action, *articles):
    return client.post(
        "/admin/articles/article/",
        {"action": action, "_selected_action": [a.pk for a in articles]},
    )


def test_publish_unpublish_schedule_and_delete_are_logged(chief_client, chief, make_article):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    later = make_article(
        status=Article.Status.DRAFT, published_at=timezone.now() + timedelta(days=1)
    )
    assert _changelist_action(chief_client, "publish_selected", draft, later).status_code == 302
    assert _changelist_action(chief_client, "unpublish_selected", draft).status_code == 302
    response = chief_client.post(f"/admin/articles/article/{draft.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302

    for action, article in (
        ("publish", draft),
        ("schedule", later),
        ("unpublish", draft),
        ("delete", draft),
    ):
        [entry] = _entries(action)
        assert entry.actor == chief and entry.actor_name == "chief"
        assert entry.object_id == str(article.pk)
        assert entry.object_repr
        assert timezone.now() - entry.created_at < timedelta(minutes=1)


def test_role_changes_are_logged_with_who_did_it(chief_client, chief):
    editors = Group.objects.get_or_create(name="Editors")[0]
    reporters = Group.objects.get_or_create(name="Reporters")[0]
    dana = User.objects.create_user("dana", password="Kaspiy-Media-2026!", is_staff=True)
    dana.groups.add(reporters)

    url = f"/admin/auth/user/{dana.pk}/change/"
    data = form_data(chief_client.get(url).context["adminform"].form)
    data["groups"] = [str(editors.pk)]
    data["is_superuser"] = "on"
    assert chief_client.post(url, data).status_code == 302

    [entry] = _entries("role_change")
    assert entry.actor == chief
    assert entry.object_repr == "dana"
    assert entry.details["added"] == ["Editors"]
    assert entry.details["removed"] == ["Reporters"]
    assert entry.details["is_superuser"] is True

    # Saving again without a change writes nothing new.
    data = form_data(chief_client.get(url).context["adminform"].form)
    assert chief_client.post(url, data).status_code == 302
    assert len(_entries("role_change")) == 1


def test_deactivation_is_logged(chief_client, chief):
    dana = User.objects.create_user("dana", password="Kaspiy-Media-2026!", is_staff=True)
    url = f"/admin/auth/user/{dana.pk}/change/"
    data = form_data(chief_client.get(url).context["adminform"].form)
    data.pop("is_active")
    assert chief_client.post(url, data).status_code == 302
    [entry] = _entries("deactivate")
    assert entry.actor == chief and entry.object_repr == "dana"


def test_editor_reads_the_audit_log_but_cannot_change_it(chief_client, make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    _changelist_action(chief_client, "publish_selected", article)
    editor = User.objects.create_user("asel", password="Kaspiy-Media-2026!", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)

    for prefix in ("", "/kk"):
        listing = client.get(f"{prefix}/admin/audit/auditentry/")
        assert listing.status_code == 200
        body = listing.content.decode()
        assert "chief" in body and article.title_ru in body
        assert client.get(f"{prefix}/admin/audit/auditentry/?action=publish").status_code == 200
        assert client.get(f"{prefix}/admin/audit/auditentry/?q=chief").status_code == 200

    entry = AuditEntry.objects.get(action="publish")
    assert client.get("/admin/audit/auditentry/add/").status_code == 403
    detail = client.get(f"/admin/audit/auditentry/{entry.pk}/change/")
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert client.post(f"/admin/audit/auditentry/{entry.pk}/change/", {}).status_code == 403
    assert (
        client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    # Not even the editor-in-chief may rewrite history.
    assert (
        chief_client.post(
            f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_reporters_do_not_see_the_audit_log(make_article):
    reporter = User.objects.create_user("dana", password="Kaspiy-Media-2026!", is_staff=True)
    reporter.groups.add(Group.objects.get(name="Reporters"))
    client = Client()
    client.force_login(reporter)
    assert client.get("/admin/audit/auditentry/").status_code == 403
