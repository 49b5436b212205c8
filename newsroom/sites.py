"""The newsroom's admin site: Django's ``admin.site`` here.

Installed the way Django documents it (``AdminConfig.default_site``,
newsroom/apps.py): every app's ``admin.py`` registers on it as usual. It
names itself in the editor's language, signs in with our login form, leaves
out the admin pages that libraries bring and that we replace or do not show,
and lets our own admin of a library's model win whichever app Django loads
first. Nothing depends on the order of ``INSTALLED_APPS``.
"""

from django.contrib import admin
from django.db.models.base import ModelBase
from django.utils.translation import gettext_lazy as _

from accounts.forms import LoginForm


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom: editorial office")
    site_title = _("Newsroom")
    index_title = _("Editorial office")
    login_form = LoginForm

    # A library's admin that ours replaces: only ours (from this module) registers.
    replaced = {
        "auth.user": "accounts.admin",
        "auth.group": "accounts.admin",
    }
    # Not shown at all: taggit's own Tag (ours is articles.Tag, with Kazakh
    # names); django-otp's device pages, whose labels cannot be translated
    # (devices are managed from the user list: accounts/admin.py).
    left_out = {"taggit.tag", "otp_totp.totpdevice", "otp_static.staticdevice"}

    def register(self, model_or_iterable, admin_class=None, **options):
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            label = model._meta.label_lower
            if label in self.left_out:
                continue
            owner = self.replaced.get(label)
            if owner is not None and getattr(admin_class, "__module__", None) != owner:
                continue
            super().register(model, admin_class, **options)
