"""Staff accounts, and the libraries they rely on under names an editor reads.

``AccountsConfig`` wires the app's own signals and its deploy check in
``ready()``, so they hold whatever path loads a user (admin, shell, command),
not only when the admin happens to be imported.

django-axes and django-otp name their admin sections by their module names
("AXES", "OTP_TOTP"); the subclasses below only add a translated verbose_name.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        # Imported here, as Django asks: they need the user model, which is
        # only ready once every app is loaded.
        from . import checks, signals  # noqa: PLC0415

        checks.register()
        signals.connect()


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class OTPTOTPConfig(TOTPConfig):
    verbose_name = _("Authenticator apps")


class OTPStaticConfig(StaticConfig):
    verbose_name = _("Recovery codes")
