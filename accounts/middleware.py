"""The admin's second factor, asked for on every admin page.

``AdminTwoFactorMiddleware`` keeps a staff user whose session has not passed
a second factor (TOTP or a recovery code) out of every admin page when
``ADMIN_REQUIRE_2FA`` is on.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from groundwork.requests import admin_path


class AdminTwoFactorMiddleware:
    """Every admin page asks for a second factor when ADMIN_REQUIRE_2FA is on.

    Password login (the admin's own login page, throttled by django-axes)
    comes first; then a staff user with a confirmed device is sent to enter
    a code, and one without a device to set one up. Until then, no admin page
    opens — whatever the language prefix.
    """

    # Admin views a half-signed-in user still needs.
    _open = {"login", "logout", "jsi18n"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ADMIN_REQUIRE_2FA or not admin_path(request):
            return None
        if request.resolver_match.url_name in self._open:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            # Anonymous users meet the admin's own login redirect.
            return None
        target = "two_factor:verify" if user_has_device(user) else "two_factor:setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
