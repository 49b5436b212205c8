"""The libraries' apps under names an editor reads in the admin, in both languages.

django-axes and django-otp name their admin sections by their module names
("AXES", "OTP_TOTP"); these subclasses only add a translated verbose_name.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.core.checks import Tags, register
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig

from . import checks


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class OTPTOTPConfig(TOTPConfig):
    verbose_name = _("Authenticator apps")


class OTPStaticConfig(StaticConfig):
    verbose_name = _("Recovery codes")


class NewsroomConfig(AppConfig):
    """The project itself: no models, only its deploy checks."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        register(checks.check_site_url, Tags.security, deploy=True)
        register(checks.check_imprint, Tags.security, deploy=True)
