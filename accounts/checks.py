"""The deploy check of staff accounts: production asks for the admin's second factor."""

from django.conf import settings
from django.core.checks import Tags, Warning
from django.core.checks import register as register_check


def check_second_factor(app_configs, **kwargs):
    """``check --deploy`` warns when production runs without the admin's 2FA."""
    if settings.DEBUG or settings.ADMIN_REQUIRE_2FA:
        return []
    return [
        Warning(
            "ADMIN_REQUIRE_2FA is off: one leaked password is enough to publish.",
            hint="Unset ADMIN_REQUIRE_2FA (it defaults to on when DEBUG is off).",
            id="newsroom.W001",
        )
    ]


def register():
    """Called from AccountsConfig.ready()."""
    register_check(check_second_factor, Tags.security, deploy=True)
