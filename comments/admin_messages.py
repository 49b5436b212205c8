"""What the admin says about readers' comments and readers, agreeing in Russian and Kazakh
(groundwork/admin_messages.py says why Django's own sentences cannot)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from groundwork.admin_messages import Sentences

COMMENT = Sentences(
    added=_("The comment “{obj}” was added successfully."),
    changed=_("The comment “{obj}” was changed successfully."),
    deleted=_("The comment “{obj}” was deleted successfully."),
    add_another=_("You may add another comment below."),
    missing=_("There is no comment with ID “{key}”: perhaps it was deleted."),
    count_deleted=ngettext_lazy(
        "%(count)d comment deleted.", "%(count)d comments deleted.", "count"
    ),
    count_changed=ngettext_lazy(
        "%(count)d comment changed.", "%(count)d comments changed.", "count"
    ),
    cannot_delete=_("The comment cannot be deleted"),
    confirm_delete=_(
        "Are you sure you want to delete the comment “{obj}”? "
        "The following related objects will be deleted too:"
    ),
    delete_protected=_(
        "Deleting the comment “{obj}” would require deleting these protected objects:"
    ),
    delete_forbidden=_(
        "Deleting the comment “{obj}” would delete related objects your account may not delete:"
    ),
    confirm_delete_selected=ngettext_lazy(
        "Are you sure you want to delete the selected comment? "
        "The following related objects will be deleted too:",
        "Are you sure you want to delete the %(count)d selected comments? "
        "The following related objects will be deleted too:",
        "count",
    ),
    delete_selected_protected=ngettext_lazy(
        "Deleting the selected comment would require deleting these protected objects:",
        "Deleting the %(count)d selected comments would require deleting these protected objects:",
        "count",
    ),
    delete_selected_forbidden=ngettext_lazy(
        "Deleting the selected comment would delete related objects your account may not delete:",
        "Deleting the %(count)d selected comments would delete related objects your account "
        "may not delete:",
        "count",
    ),
    count=ngettext_lazy("%(count)d comment", "%(count)d comments", "count"),
)

READER = Sentences(
    added=_("The reader “{obj}” was added successfully."),
    changed=_("The reader “{obj}” was changed successfully."),
    deleted=_("The reader “{obj}” was deleted successfully."),
    add_another=_("You may add another reader below."),
    missing=_("There is no reader with ID “{key}”: perhaps it was deleted."),
    count_deleted=ngettext_lazy("%(count)d reader deleted.", "%(count)d readers deleted.", "count"),
    count_changed=ngettext_lazy("%(count)d reader changed.", "%(count)d readers changed.", "count"),
    cannot_delete=_("The reader cannot be deleted"),
    confirm_delete=_(
        "Are you sure you want to delete the reader “{obj}”? "
        "The following related objects will be deleted too:"
    ),
    delete_protected=_(
        "Deleting the reader “{obj}” would require deleting these protected objects:"
    ),
    delete_forbidden=_(
        "Deleting the reader “{obj}” would delete related objects your account may not delete:"
    ),
    confirm_delete_selected=ngettext_lazy(
        "Are you sure you want to delete the selected reader? "
        "The following related objects will be deleted too:",
        "Are you sure you want to delete the %(count)d selected readers? "
        "The following related objects will be deleted too:",
        "count",
    ),
    delete_selected_protected=ngettext_lazy(
        "Deleting the selected reader would require deleting these protected objects:",
        "Deleting the %(count)d selected readers would require deleting these protected objects:",
        "count",
    ),
    delete_selected_forbidden=ngettext_lazy(
        "Deleting the selected reader would delete related objects your account may not delete:",
        "Deleting the %(count)d selected readers would delete related objects your account "
        "may not delete:",
        "count",
    ),
    count=ngettext_lazy("%(count)d reader", "%(count)d readers", "count"),
)
