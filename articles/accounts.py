"""Editors' accounts in the admin: roles, deactivation, the audit log.

- Changing a user's roles (groups) or staff/superuser flags in the admin is
  written to the audit log with who did it; so is deactivating a user.
- A deactivated user is signed out everywhere: their sessions are deleted
  whatever path saved the user (admin, shell, command).
- A locked-out login (django-axes) is written to the audit log too; the
  login form refuses impossible usernames before django-axes sees them.
- The audit log itself is read-only in the admin: nobody edits history.
- Two-factor sign-in is managed on the user list: a column says who has it,
  and "Reset two-factor sign-in" removes a person's authenticator app and
  recovery codes (a lost phone), so that they set it up again at their next
  sign-in; audited. django-otp's own device pages are not shown: their
  labels cannot be translated.

Imported from articles/admin.py, so it is registered with the admin site.
"""

from importlib import import_module

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.checks import Tags, Warning, register
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .admin_messages import AgreeingMessagesMixin
from .models import AuditEntry

User = get_user_model()


@register(Tags.security, deploy=True)
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


_FLAGS = ("is_staff", "is_superuser")

# The roles' groups keep the English names the data migration gave them
# (code and migrations find them by name); the admin shows them translated.
ROLE_NAMES = {
    "Editors": _("Editors"),
    "Reporters": _("Reporters"),
    "Translators": _("Translators"),
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


def end_sessions(user):
    """Delete every session of ``user``; returns how many were ended.

    Works with the database-backed session engines (db, cached_db). With a
    cache-only or cookie engine sessions cannot be listed, but Django's
    ModelBackend already refuses an inactive user on their next request.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    get_model_class = getattr(store_class, "get_model_class", None)
    if get_model_class is None:
        return 0
    ended = 0
    for session in get_model_class().objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            # Through the store, so a cached_db engine drops its cached copy too.
            store_class(session.session_key).delete()
            ended += 1
    return ended


@receiver(post_save, sender=User, dispatch_uid="newsroom_end_sessions_of_inactive_users")
def _sign_out_deactivated(sender, instance, **kwargs):
    if not instance.is_active:
        end_sessions(instance)


@receiver(user_locked_out, dispatch_uid="newsroom_audit_lockouts")
def _audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.record(None, "login_locked", None, username=username or "", ip_address=ip_address or "")


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


admin.site.login_form = LoginForm


class NewsroomUserAdmin(AgreeingMessagesMixin, UserAdmin):
    """Django's user admin, plus the audit log for roles and deactivation."""

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


admin.site.unregister(User)
admin.site.register(User, NewsroomUserAdmin)


class NewsroomGroupAdmin(AgreeingMessagesMixin, GroupAdmin):
    """Groups listed by their role's name in the admin's language."""

    list_display = ["role", "name"]

    @admin.display(description=_("role"), ordering="name")
    def role(self, group):
        return role_name(group.name)


admin.site.unregister(Group)
admin.site.register(Group, NewsroomGroupAdmin)
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Who published, unpublished, deleted, restored or changed roles, and when."""

    list_display = ["created_at", "actor_name", "action", "object_display", "summary"]
    list_filter = ["action", "created_at", audit.ObjectTypeFilter]
    search_fields = ["actor_name", "object_repr", "object_id"]
    date_hierarchy = "created_at"
    list_per_page = 100
    readonly_fields = [
        "created_at",
        "actor",
        "actor_name",
        "action",
        "object_type_name",
        "object_id",
        "object_repr",
        "summary",
    ]

    class Media:
        css = {"all": ["css/admin/audit.css"]}

    # What an entry is about and its details, as an editor reads them (articles/audit.py).
    @admin.display(description=_("object"), ordering="object_repr")
    def object_display(self, entry):
        if not entry.object_type:
            return "—"
        return format_html(
            '<span class="audit-type">{}</span> {}',
            audit.object_type_name(entry.object_type),
            entry.object_repr,
        )

    @admin.display(description=_("object type"))
    def object_type_name(self, entry):
        return audit.object_type_name(entry.object_type)

    @admin.display(description=_("details"))
    def summary(self, entry):
        return audit.details_text(entry)

    # History is read, never written or erased by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
