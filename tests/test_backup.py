"""Back up and restore: every article, photo file, tag and source comes back."""

import hashlib
import shutil
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article, ArticleSource, Photo, Rubric, Source, Tag, TaggedArticle
from audit import trail as audit
from audit.models import AuditEntry
from viewcounts.models import ArticleViewDay

CONTENT = [Rubric, Source, Tag, Article, TaggedArticle, ArticleSource, Photo, ArticleViewDay]


def _snapshot(media_root):
    # Every column by its own name: both languages, not the active one.
    rows = {
        model.__name__: list(
            model.objects.order_by("pk").values_list(
                *(field.attname for field in model._meta.concrete_fields)
            )
        )
        for model in [*CONTENT, AuditEntry]
    }
    rows["users"] = list(
        User.objects.order_by("username").values_list(
            "username", "password", "is_staff", "is_superuser", "groups__name"
        )
    )
    rows["devices"] = list(TOTPDevice.objects.values_list("user__username", "key", "confirmed"))
    files = {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(media_root).rglob("*")
        if path.is_file()
    }
    return rows, files


@pytest.fixture
def newsroom(transactional_db, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    editor = User.objects.create_user("asel", password="Kaspiy-Media-2026!", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    article = Article.objects.published().first()
    article.author = editor
    article.save()
    ArticleViewDay.objects.create(article=article, day="2026-01-11", views=42)
    audit.record(editor, "publish", article)
    return settings.MEDIA_ROOT


def test_backup_and_restore_bring_back_everything(newsroom, tmp_path, capsys):
    before = _snapshot(newsroom)
    rows, files = before
    assert len(rows["Article"]) > 3 and len(rows["Photo"]) > 3 and rows["Tag"]
    assert Article.objects.filter(title_kk__gt="", title_ru__gt="").exists()
    assert len(files) > len(rows["Photo"])  # originals and renditions

    archive = tmp_path / "newsroom.tar.gz"
    call_command("backup", str(archive))
    assert "media file(s)" in capsys.readouterr().out
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "roles.xml", "data.xml"} <= set(names)

    # A new, empty database and an empty media folder.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(newsroom)
    assert not Article.objects.exists()

    call_command("restore", str(archive))
    assert _snapshot(newsroom) == before
    # The restored site serves its articles again.
    article = Article.objects.published().first()
    assert Client().get(article.get_absolute_url("ru")).status_code == 200


@pytest.fixture
def small_newsroom(transactional_db, article, settings, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests import photo_files

    with django_capture_on_commit_callbacks(execute=True):
        Photo.objects.create(
            article=article, image=SimpleUploadedFile("a.jpg", photo_files.jpeg()), position=0
        )
    return settings.MEDIA_ROOT


def test_restore_refuses_a_database_with_content(small_newsroom, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="empty database"):
        call_command("restore", str(archive))


def test_dry_runs_write_nothing(small_newsroom, tmp_path, capsys):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), "--dry-run")
    assert not archive.exists()
    call_command("backup", str(archive), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(small_newsroom)
    capsys.readouterr()
    call_command("restore", str(archive), "--dry-run")
    assert "Would restore" in capsys.readouterr().out
    assert not Article.objects.exists()
    assert not Path(small_newsroom).exists()


def test_restore_explains_a_file_that_is_not_a_backup(db, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a backup archive"):
        call_command("restore", str(junk))
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
    empty = tmp_path / "empty.tar.gz"
    with tarfile.open(empty, "w:gz"):
        pass
    with pytest.raises(CommandError, match="not a Newsroom backup"):
        call_command("restore", str(empty))


def test_backup_will_not_overwrite_an_archive(db, tmp_path):
    archive = tmp_path / "b.tar.gz"
    archive.write_bytes(b"precious")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"precious"
