"""Editors' accounts: login throttling, the second factor, deactivation."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_forms import form_data
from tests.manage_process import PRODUCTION, run_manage

PASSWORD = "Kaspiy-Media-2026!"


@pytest.fixture
def editor(db):
    return User.objects.create_user("asel", password=PASSWORD, is_staff=True, is_superuser=True)


def _login(client, username, password, *, remote="198.51.100.7", forwarded=None, prefix=""):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        f"{prefix}/admin/login/?next={prefix}/admin/",
        {"username": username, "password": password, "next": f"{prefix}/admin/"},
        **extra,
    )


def _signed_in(client):
    return client.get("/admin/").status_code == 200


# Throttling -----------------------------------------------------------------


def test_right_password_signs_in_through_the_admin_login_page(client, editor):
    response = _login(client, "asel", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert _signed_in(client)


def test_unknown_user_and_wrong_password_get_the_same_message(client, editor):
    unknown = _login(client, "nobody-here", "whatever", remote="198.51.100.1")
    wrong = _login(client, "asel", "not-the-password", remote="198.51.100.2")
    assert unknown.status_code == wrong.status_code == 200

    def errors(response):
        return list(response.context["form"].non_field_errors())

    assert errors(unknown) == errors(wrong) != []


def test_account_is_locked_after_repeated_failures_even_with_the_right_password(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "asel", "guess")
    response = _login(client, "asel", PASSWORD)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert not _signed_in(client)
    # Per account: another client with the right password is refused as well.
    other = Client()
    assert _login(other, "asel", PASSWORD, remote="203.0.113.99").status_code == 429
    assert not _signed_in(other)


def test_forged_forwarded_for_does_not_unlock_an_account(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "asel", "guess", forwarded=f"10.0.0.{attempt}")
    response = _login(client, "asel", PASSWORD, forwarded="192.0.2.200")
    assert response.status_code == 429
    assert not _signed_in(client)


def test_one_client_guessing_many_accounts_is_locked_whatever_it_forwards(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"user{attempt}", "guess", forwarded=f"10.1.0.{attempt}")
    # The client (REMOTE_ADDR) is locked: not even the right password gets in.
    response = _login(client, "asel", PASSWORD, forwarded="192.0.2.201")
    assert response.status_code == 429
    assert not _signed_in(client)
    # Another client still can.
    assert _login(Client(), "asel", PASSWORD, remote="203.0.113.5").status_code == 302


def test_behind_a_trusted_proxy_only_its_entry_counts(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # The proxy appends the real client; what the client wrote before it varies.
        _login(client, f"user{attempt}", "guess", forwarded=f"10.2.0.{attempt}, 203.0.113.50")
    response = _login(client, "asel", PASSWORD, forwarded="1.2.3.4, 203.0.113.50")
    assert response.status_code == 429
    # A different real client behind the same proxy is not locked.
    assert _login(Client(), "asel", PASSWORD, forwarded="203.0.113.51").status_code == 302


def test_lockout_is_written_to_the_audit_log(client, editor, settings):
    from audit.models import AuditEntry

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "asel", "guess")
    entry = AuditEntry.objects.filter(action="login_locked").first()
    assert entry is not None
    assert entry.details["username"] == "asel"


# Second factor ----------------------------------------------------------------


def _admin_urls(prefix):
    """The index, and the changelist and add page of every registered model."""
    urls = [f"{prefix}/admin/", f"{prefix}/admin/password_change/"]
    with translation.override("kk" if prefix else "ru"):
        for model in admin.site._registry:
            info = (model._meta.app_label, model._meta.model_name)
            urls.append(reverse("admin:{}_{}_changelist".format(*info)))
            urls.append(reverse("admin:{}_{}_add".format(*info)))
            urls.append(reverse("admin:app_list", args=[model._meta.app_label]))
    return sorted(set(urls))


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_staff_without_second_factor_cannot_open_any_admin_page(
    client, editor, article, settings, prefix
):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)
    urls = _admin_urls(prefix)
    with translation.override("kk" if prefix else "ru"):
        urls.append(reverse("admin:articles_article_change", args=[article.pk]))
        urls.append(reverse("admin:auth_user_change", args=[editor.pk]))
    assert len(urls) > 10
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{prefix}/admin/2fa/setup/"), url


def test_production_settings_require_the_second_factor():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ADMIN_REQUIRE_2FA)",
        SECRET_KEY="p" * 60,
        **PRODUCTION,
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


def test_deploy_check_fails_when_production_turns_the_second_factor_off():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="p" * 60,
        ADMIN_REQUIRE_2FA="false",
        **PRODUCTION,
    )
    assert result.returncode != 0
    assert "newsroom.W001" in result.stderr + result.stdout


def test_development_lets_staff_in_without_a_second_factor(client, editor):
    # Tests load the settings with DEBUG unset, as `make run` does.
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_setting_up_an_authenticator_opens_the_admin_and_shows_recovery_codes(
    client, editor, settings
):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)
    page = client.get("/kk/admin/2fa/setup/?next=/kk/admin/")
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn without script
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert page.context["secret"] in page.content.decode()

    wrong = client.post("/kk/admin/2fa/setup/", {"code": "000000", "next": "/kk/admin/"})
    assert wrong.status_code == 200
    assert client.get("/kk/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post("/kk/admin/2fa/setup/", {"code": _code(device), "next": "/kk/admin/"})
    assert done.status_code == 302
    assert done["Location"].startswith("/kk/admin/2fa/recovery/")
    codes = client.get(done["Location"]).context["codes"]
    assert len(codes) == 10
    assert StaticDevice.objects.get(user=editor).token_set.count() == 10
    assert client.get("/kk/admin/").status_code == 200
    # Shown once only.
    assert client.get(done["Location"]).context["codes"] is None


@pytest.fixture
def editor_with_device(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    recovery = StaticDevice.objects.create(user=editor, name="recovery", confirmed=True)
    recovery.token_set.create(token="recover123")
    return device


def test_a_new_session_must_enter_a_code(client, editor, editor_with_device, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/?next=")
    # A password alone cannot replace the device with a new one.
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/2fa/")
    assert client.post("/admin/2fa/", {"code": "123456"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    # django-otp slows down guessing; the next try waits a second.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    response = client.post(
        "/admin/2fa/", {"code": _code(editor_with_device), "next": "/admin/articles/article/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/article/"
    assert client.get("/admin/articles/article/").status_code == 200


def test_a_recovery_code_works_once(client, editor, editor_with_device, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)
    assert client.post("/admin/2fa/", {"code": "recover123"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    again = Client()
    again.force_login(editor)
    assert again.post("/admin/2fa/", {"code": "recover123"}).status_code == 200
    assert again.get("/admin/").status_code == 302


def test_second_factor_pages_stay_on_the_site(client, editor, editor_with_device, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.post(
        "/admin/2fa/", {"code": _code(editor_with_device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_anonymous_second_factor_page_sends_to_login(client, db):
    response = client.get("/admin/2fa/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Deactivation -----------------------------------------------------------------


def test_deactivating_a_user_ends_their_sessions(client, editor):
    reporter = User.objects.create_user("dana", password=PASSWORD, is_staff=True)
    reporter_client = Client()
    reporter_client.force_login(reporter)
    assert reporter_client.get("/admin/").status_code == 200
    reporter_session = reporter_client.session.session_key

    client.force_login(editor)
    url = f"/admin/auth/user/{reporter.pk}/change/"
    data = form_data(client.get(url).context["adminform"].form)
    data.pop("is_active")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    reporter.refresh_from_db()
    assert not reporter.is_active
    assert not Session.objects.filter(session_key=reporter_session).exists()
    assert Session.objects.filter(session_key=client.session.session_key).exists()
    assert reporter_client.get("/admin/").status_code == 302
    assert _signed_in(client)


# Demo accounts ------------------------------------------------------------------


def test_demo_accounts_are_made_once_and_printed(db, settings, capsys):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("demo_accounts")
    call_command("demo_accounts")  # idempotent: resets, never duplicates
    out = capsys.readouterr().out
    for username in ("admin", "editor", "reporter", "translator"):
        assert username in out
    assert (
        User.objects.filter(username__in=["admin", "editor", "reporter", "translator"]).count() == 4
    )
    assert User.objects.get(username="admin").is_superuser
    assert list(User.objects.get(username="editor").groups.values_list("name", flat=True)) == [
        "Editors"
    ]
    client = Client()
    assert _login(client, "translator", "translator-demo-2026").status_code == 302


def test_demo_accounts_refuse_production(db, settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("demo_accounts")
    assert not User.objects.filter(username="editor").exists()


RESET_WORDS = {
    "": ("Двухфакторный вход", "Двухфакторный вход сброшен у 1 человека"),
    "/kk": ("Екі факторлы кіру", "1 адамның екі факторлы кіруі қалпына келтірілді"),
}


@pytest.mark.parametrize("prefix", RESET_WORDS)
def test_a_lost_phone_is_handled_from_the_user_list(client, editor, editor_with_device, prefix):
    column, done = RESET_WORDS[prefix]
    from audit.models import AuditEntry

    colleague = User.objects.create_user("erlan", password=PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=colleague, name="phone", confirmed=True)
    StaticDevice.objects.create(user=colleague, name="recovery", confirmed=True)
    client.force_login(editor)
    url = f"{prefix}/admin/auth/user/"
    listing = client.get(url).text
    assert column in listing  # who has two-factor sign-in, in the admin's language

    response = client.post(
        url, {"action": "reset_two_factor", "_selected_action": [str(colleague.pk)]}, follow=True
    )
    assert done in response.text
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    assert TOTPDevice.objects.filter(user=editor).exists()  # nobody else's
    entry = AuditEntry.objects.get(action="reset_two_factor")
    assert (entry.actor, entry.object_repr) == (editor, "erlan")


def test_django_otp_device_pages_are_not_shown(client, editor):
    client.force_login(editor)
    for prefix in ("", "/kk"):
        assert client.get(f"{prefix}/admin/otp_totp/totpdevice/").status_code == 404
        assert client.get(f"{prefix}/admin/otp_static/staticdevice/").status_code == 404
        assert "TOTP" not in client.get(f"{prefix}/admin/").text


def test_only_who_may_remove_devices_can_reset_two_factor(client, db):
    from django.contrib.auth.models import Permission

    manager = User.objects.create_user("manager", password=PASSWORD, is_staff=True)
    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(manager)
    listing = client.get("/admin/auth/user/").text
    assert 'value="reset_two_factor"' not in listing


@pytest.mark.parametrize(("prefix", "role"), [("", "Переводчики"), ("/kk", "Аудармашылар")])
def test_user_list_names_roles_in_the_admin_language(client, editor, prefix, role):
    from django.contrib.auth.models import Group

    translator = User.objects.create_user("dana", password=PASSWORD, is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators"))
    client.force_login(editor)
    listing = client.get(f"{prefix}/admin/auth/user/").text
    assert f'<td class="field-roles">{role}</td>' in listing
    assert ">Translators<" not in listing
    filtered = client.get(f"{prefix}/admin/auth/user/?role={translator.groups.get().pk}").text
    assert "dana" in filtered and "asel" not in filtered.split("result_list")[1]
    assert client.get(f"{prefix}/admin/auth/user/?role=abc").status_code == 200


@pytest.mark.parametrize(("prefix", "role"), [("", "Редакторы"), ("/kk", "Редакторлар")])
def test_group_list_names_roles_in_the_admin_language(client, editor, prefix, role):
    client.force_login(editor)
    listing = client.get(f"{prefix}/admin/auth/group/").text
    assert f">{role}</a></th>" in listing
