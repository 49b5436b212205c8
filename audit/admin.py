"""The audit log in the admin: read, filtered, never written or erased by hand."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import actions, trail
from .models import AuditEntry


class ActionFilter(admin.SimpleListFilter):
    """Filter by action, named as the app that records it names it."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return actions.choices()

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(action=self.value())
        return queryset


class ObjectTypeFilter(admin.SimpleListFilter):
    """Filter the log by what an entry is about, named as the admin names it."""

    title = _("object type")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        types = (
            AuditEntry.objects.exclude(object_type="")
            .order_by()
            .values_list("object_type", flat=True)
            .distinct()
        )
        return sorted(
            ((value, trail.object_type_name(value)) for value in types), key=lambda t: t[1]
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(object_type=self.value())
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Who published, unpublished, deleted, restored or changed roles, and when."""

    list_display = ["created_at", "actor_name", "action_display", "object_display", "summary"]
    list_filter = [ActionFilter, "created_at", ObjectTypeFilter]
    search_fields = ["actor_name", "object_repr", "object_id"]
    date_hierarchy = "created_at"
    list_per_page = 100
    readonly_fields = [
        "created_at",
        "actor",
        "actor_name",
        "action_display",
        "object_type_name",
        "object_id",
        "object_repr",
        "summary",
    ]

    class Media:
        css = {"all": ["css/admin/audit.css"]}

    # What an entry is about and its details, as an editor reads them (audit/trail.py).
    @admin.display(description=_("object"), ordering="object_repr")
    def object_display(self, entry):
        if not entry.object_type:
            return "—"
        return format_html(
            '<span class="audit-type">{}</span> {}',
            trail.object_type_name(entry.object_type),
            entry.object_repr,
        )

    @admin.display(description=_("action"), ordering="action")
    def action_display(self, entry):
        return actions.label(entry.action)

    @admin.display(description=_("object type"))
    def object_type_name(self, entry):
        return trail.object_type_name(entry.object_type)

    @admin.display(description=_("details"))
    def summary(self, entry):
        return trail.details_text(entry)

    # History is read, never written or erased by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
