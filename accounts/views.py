"""The admin's second factor: set up an authenticator app, enter a code, recovery codes.

Built on django-otp's devices: a TOTP device per staff user (any
authenticator app) and a static device holding one-time recovery codes.
After the password (the admin's own login page, throttled by django-axes),
``AdminTwoFactorMiddleware`` sends a staff user here until the session has
passed a second factor. The pages live under ``admin/2fa/`` inside
``i18n_patterns``, so they speak Russian at /admin/2fa/ and Kazakh at
/kk/admin/2fa/, and use the admin's own look.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

_RECOVERY_SESSION_KEY = "two_factor_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("Six digits from your authenticator app, or one of your recovery codes."),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _to(name, next_url):
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _staff_only(view):
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _render(request, template, context):
    context = {
        **admin.site.each_context(request),
        # Until the second factor is passed, the admin's model list is not shown.
        "is_nav_sidebar_enabled": False,
        "next": _next_url(request),
        **context,
    }
    return render(request, template, context)


def make_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="recovery", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(10)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    # qrcode's own SVG output: an image, no script in it; a white background
    # keeps it readable in the admin's dark theme.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


@never_cache
@sensitive_post_parameters("code")
@_staff_only
def setup(request):
    """Link an authenticator app: scan the code, type the six digits it shows."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # A password alone must not add a device to an account that has one.
        return redirect(_to("two_factor:verify", _next_url(request)))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[_RECOVERY_SESSION_KEY] = make_recovery_codes(user)
            return redirect(_to("two_factor:recovery", _next_url(request)))
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    return _render(
        request,
        "accounts/setup.html",
        {
            "title": _("Set up two-factor sign-in"),
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@_staff_only
def verify(request):
    """The second step of signing in: a code from the app, or a recovery code."""
    if not user_has_device(request.user):
        return redirect(_to("two_factor:setup", _next_url(request)))
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("This code is not right, or it was used already."))
    return _render(
        request, "accounts/verify.html", {"title": _("Two-factor sign-in"), "form": form}
    )


@never_cache
@_staff_only
def recovery(request):
    """Recovery codes, shown once; POST makes a new set (the old ones stop working)."""
    if not request.user.is_verified():
        return redirect(_to("two_factor:verify", request.get_full_path()))
    if request.method == "POST":
        request.session[_RECOVERY_SESSION_KEY] = make_recovery_codes(request.user)
        return redirect(_to("two_factor:recovery", _next_url(request)))
    codes = request.session.pop(_RECOVERY_SESSION_KEY, None)
    return _render(
        request, "accounts/recovery.html", {"title": _("Recovery codes"), "codes": codes}
    )
