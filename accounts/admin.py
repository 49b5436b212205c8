"""Editors' accounts in the admin: roles, deactivation, two-factor resets.

- Changing a user's roles (groups) or staff/superuser flags in the admin is
  written to the audit log with who did it; so is deactivating a user (who is
  then signed out everywhere: accounts/signals.py).
- The login form refuses impossible usernames before django-axes sees them.
- Two-factor sign-in is managed on the user list: a column says who has it,
  and "Reset two-factor sign-in" removes a person's authenticator app and
  recovery codes (a lost phone), so that they set it up again at their next
  sign-in; audited. django-otp's own device pages are not shown: their
  labels cannot be translated.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import trail as audit
from groundwork.admin_messages import AgreeingMessagesMixin

from . import admin_messages

User = get_user_model()


_FLAGS = ("is_staff", "is_superuser")

# The roles' groups keep the English names the data migration gave them
# (code and migrations find them by name); the admin shows them translated.
ROLE_NAMES = {
    "Editors": _("Editors"),
    "Reporters": _("Reporters"),
    "Translators": _("Translators"),
    "Moderators": _("Moderators"),
}


def role_name(group_name):
    return ROLE_NAMES.get(group_name, group_name)


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [(group.pk, role_name(group.name)) for group in Group.objects.order_by("name")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(groups__pk=self.value())
        return queryset


class NewsroomUserAdmin(AgreeingMessagesMixin, UserAdmin):
    """Django's user admin, plus the audit log for roles and deactivation."""

    sentences = admin_messages.USER

    list_display = [
        "username",
        "first_name",
        "last_name",
        "email",
        "roles",
        "is_staff",
        "is_active",
        "two_factor",
        "last_login",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active", RoleFilter]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        confirmed_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return (
            super()
            .get_queryset(request)
            .prefetch_related("groups")
            .annotate(has_two_factor=Exists(confirmed_app))
        )

    @admin.display(description=_("roles"))
    def roles(self, user):
        return ", ".join(sorted(str(role_name(group.name)) for group in user.groups.all()))

    @admin.display(description=_("two-factor sign-in"), boolean=True)
    def two_factor(self, user):
        return user.has_two_factor

    def has_reset_two_factor_permission(self, request):
        return request.user.has_perm("otp_totp.delete_totpdevice") and request.user.has_perm(
            "otp_static.delete_staticdevice"
        )

    @admin.action(
        description=_("Reset two-factor sign-in (a lost phone)"),
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        reset = 0
        with transaction.atomic():
            for user in queryset:
                removed, _counts = TOTPDevice.objects.filter(user=user).delete()
                removed += StaticDevice.objects.filter(user=user).delete()[0]
                if removed:
                    audit.record(request.user, "reset_two_factor", user)
                    reset += 1
        self.message_user(
            request,
            ngettext(
                "Two-factor sign-in reset for %(count)d person: they set it up again at "
                "their next sign-in.",
                "Two-factor sign-in reset for %(count)d people: they set it up again at "
                "their next sign-in.",
                reset,
            )
            % {"count": reset},
            messages.SUCCESS if reset else messages.INFO,
        )

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = User.objects.filter(pk=obj.pk).values("is_active", *_FLAGS).first()
        super().save_model(request, obj, form, change)
        # Kept on the instance (not the shared ModelAdmin) for save_related.
        obj._audit_before = before
        if before and before["is_active"] and not obj.is_active:
            audit.record(request.user, "deactivate", obj)

    def save_related(self, request, form, formsets, change):
        user = form.instance
        groups_before = set(user.groups.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        groups_after = set(user.groups.values_list("name", flat=True))
        before = getattr(user, "_audit_before", None) or {}
        flags = {
            flag: getattr(user, flag)
            for flag in _FLAGS
            if flag in before and before[flag] != getattr(user, flag)
        }
        if not change:
            flags = {flag: getattr(user, flag) for flag in _FLAGS if getattr(user, flag)}
        added = sorted(groups_after - groups_before)
        removed = sorted(groups_before - groups_after)
        if added or removed or flags:
            audit.record(request.user, "role_change", user, added=added, removed=removed, **flags)


admin.site.register(User, NewsroomUserAdmin)


class NewsroomGroupAdmin(AgreeingMessagesMixin, GroupAdmin):
    """Groups listed by their role's name in the admin's language."""

    sentences = admin_messages.GROUP

    list_display = ["role", "name"]

    @admin.display(description=_("role"), ordering="name")
    def role(self, group):
        return role_name(group.name)


admin.site.register(Group, NewsroomGroupAdmin)
