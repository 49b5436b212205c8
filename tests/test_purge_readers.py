"""purge_readers: identification data of accounts closed more than 3 months ago is deleted."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from comments.models import Comment, Reader, SignInCode

from .readers import make_comment, make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(article):
    now = timezone.now()
    gone = make_reader(phone="+77010000001", name="Старый", closed_at=now - timedelta(days=93))
    recent = make_reader(phone="+77010000002", name="Недавний", closed_at=now - timedelta(days=80))
    active = make_reader(phone="+77010000003", name="Активный")
    make_comment(article, gone, text="Одобренный старый")
    make_comment(article, gone, text="Неодобренный старый", status="pending")
    make_comment(article, gone, text="Скрытый старый", status="hidden")
    make_comment(article, recent, text="Недавний комментарий")
    return gone, recent, active


def _run(*args):
    out = StringIO()
    call_command("purge_readers", *args, stdout=out)
    return out.getvalue()


def test_dry_run_says_what_it_would_delete_and_changes_nothing(accounts):
    gone, _recent, _active = accounts
    out = _run("--dry-run")
    assert f"would delete reader #{gone.pk} +7 7** *** **01" in out
    assert "1 closed account(s)" in out and "1 approved comment(s) kept" in out
    assert "2 unpublished comment(s) deleted" in out
    assert Reader.objects.count() == 3 and Comment.objects.count() == 4


def test_accounts_closed_over_three_months_ago_lose_phone_and_agreement(accounts, article):
    gone, recent, active = accounts
    out = _run()
    assert "Deleted 1 closed account(s)" in out
    assert not Reader.objects.filter(pk=gone.pk).exists()
    assert not Reader.objects.filter(phone="+77010000001").exists()
    # Kept: the accounts still inside the retention period, and open ones.
    assert set(Reader.objects.values_list("pk", flat=True)) == {recent.pk, active.pk}
    kept = Comment.objects.get(text="Одобренный старый")
    assert kept.reader is None and kept.status == "approved"
    assert not Comment.objects.filter(text__in=["Неодобренный старый", "Скрытый старый"]).exists()
    for prefix, label in (("", "удалённый аккаунт"), ("/kk", "жойылған аккаунт")):
        html = Client().get(f"{prefix}/comments/{article.pk}/block/").content.decode()
        assert (
            label in html
            and "Одобренный старый" in html
            and "Старый" not in html.replace("Одобренный старый", "")
        )


def test_running_twice_deletes_nothing_more(accounts):
    _run()
    assert "Deleted 0 closed account(s)" in _run()


def test_sign_in_codes_older_than_a_day_are_deleted(accounts):
    fresh = SignInCode.objects.create(phone="+77010000007", code_hash="x")
    old = SignInCode.objects.create(
        phone="+77010000008", code_hash="y", created_at=timezone.now() - timedelta(days=2)
    )
    assert "1 sign-in code(s) older than a day" in _run("--dry-run")
    assert SignInCode.objects.count() == 2
    _run()
    assert list(SignInCode.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not SignInCode.objects.filter(pk=old.pk).exists()
