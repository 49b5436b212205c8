"""Staff accounts, and the libraries they rely on under names an editor reads.

``AccountsConfig`` wires the app's own signals and its deploy check in
``ready()``, so they hold whatever path loads a user (admin, shell, command),
not only when the admin happens to be imported.

django-axes and django-otp name their admin sections by their module names
("AXES", "OTP_TOTP"); the subclasses below only add a translated verbose_name.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        # Imported here, as Django asks: they need the user model, which is
        # only ready once every app is loaded.
        from django.contrib.auth import get_user_model  # noqa: PLC0415

        from audit import actions  # noqa: PLC0415

        from . import checks, signals  # noqa: PLC0415

        checks.register()
        signals.connect()
        user = get_user_model()._meta
        actions.declare(
            actions={
                "role_change": _("changed roles"),
                "login_locked": _("account locked"),
                "deactivate": _("deactivated a user"),
                "reset_two_factor": _("reset two-factor sign-in"),
            },
            details={
                "added": (_("roles added"), _roles),
                "removed": (_("roles removed"), _roles),
                "is_staff": (user.get_field("is_staff").verbose_name, _yes_no),
                "is_superuser": (user.get_field("is_superuser").verbose_name, _yes_no),
                "username": (user.get_field("username").verbose_name, str),
                "ip_address": (_("IP address"), str),
            },
        )


def _roles(names):
    # The roles' groups keep English names (a data migration); the catalogs know them.
    return ", ".join(gettext(name) for name in names) or "—"


def _yes_no(value):
    return gettext("Yes") if value else gettext("No")


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class OTPTOTPConfig(TOTPConfig):
    verbose_name = _("Authenticator apps")


class OTPStaticConfig(StaticConfig):
    verbose_name = _("Recovery codes")
