"""The admin's sign-in form (the admin site uses it: newsroom/admin.py)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model

User = get_user_model()


class LoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing usernames no account can have.

    Django's login form does not check the username's length; django-axes
    would then fail to record the attempt (255 characters at most) and
    PostgreSQL would answer a 500. Such a name gets the same message as any
    wrong username or password.
    """

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if len(username) > User._meta.get_field(User.USERNAME_FIELD).max_length:
            raise self.get_invalid_login_error()
        return super().clean()
