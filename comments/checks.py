"""Deploy checks: a production site must send real SMS codes, and never log them."""

from django.conf import settings
from django.core import checks
from django.core.checks import Tags, Warning


def register():
    checks.register(check_sms_gateway, Tags.security, deploy=True)


def check_sms_gateway(app_configs, **kwargs):
    if settings.SMS_BACKEND == "comments.sms.ConsoleBackend":
        return [
            Warning(
                "SMS_BACKEND is the console backend: readers' sign-in codes are written "
                "to the log and never sent.",
                hint="Set SMS_BACKEND=comments.sms.HttpBackend with SMS_HTTP_URL, "
                "SMS_HTTP_SENDER and SMS_HTTP_TOKEN (see the README).",
                id="comments.W001",
            )
        ]
    if settings.SMS_BACKEND == "comments.sms.HttpBackend" and not (
        settings.SMS_HTTP_URL and settings.SMS_HTTP_TOKEN
    ):
        return [
            Warning(
                "The HTTP SMS backend has no SMS_HTTP_URL or SMS_HTTP_TOKEN.",
                hint="Set both from your SMS provider's account.",
                id="comments.W002",
            )
        ]
    return []
