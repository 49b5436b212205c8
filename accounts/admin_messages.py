"""What the admin says about staff accounts and their groups, agreeing in Russian and Kazakh
(groundwork/admin_messages.py says why Django's own sentences cannot)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from groundwork.admin_messages import Sentences

USER = Sentences(
    added=_("The user “{obj}” was added successfully."),
    changed=_("The user “{obj}” was changed successfully."),
    deleted=_("The user “{obj}” was deleted successfully."),
    add_another=_("You may add another user below."),
    missing=_("There is no user with ID “{key}”: perhaps they were deleted."),
    count_deleted=ngettext_lazy("%(count)d user deleted.", "%(count)d users deleted.", "count"),
    count_changed=ngettext_lazy("%(count)d user changed.", "%(count)d users changed.", "count"),
    cannot_delete=_("The user cannot be deleted"),
    confirm_delete=_(
        "Are you sure you want to delete the user “{obj}”? "
        "The following related objects will be deleted too:"
    ),
    delete_protected=_("Deleting the user “{obj}” would require deleting these protected objects:"),
    delete_forbidden=_(
        "Deleting the user “{obj}” would delete related objects your account may not delete:"
    ),
    confirm_delete_selected=ngettext_lazy(
        "Are you sure you want to delete the selected user? "
        "The following related objects will be deleted too:",
        "Are you sure you want to delete the %(count)d selected users? "
        "The following related objects will be deleted too:",
        "count",
    ),
    delete_selected_protected=ngettext_lazy(
        "Deleting the selected user would require deleting these protected objects:",
        "Deleting the %(count)d selected users would require deleting these protected objects:",
        "count",
    ),
    delete_selected_forbidden=ngettext_lazy(
        "Deleting the selected user would delete related objects your account may not delete:",
        "Deleting the %(count)d selected users would delete related objects your account "
        "may not delete:",
        "count",
    ),
    count=ngettext_lazy("%(count)d user", "%(count)d users", "count"),
)

GROUP = Sentences(
    added=_("The group “{obj}” was added successfully."),
    changed=_("The group “{obj}” was changed successfully."),
    deleted=_("The group “{obj}” was deleted successfully."),
    add_another=_("You may add another group below."),
    missing=_("There is no group with ID “{key}”: perhaps it was deleted."),
    count_deleted=ngettext_lazy("%(count)d group deleted.", "%(count)d groups deleted.", "count"),
    count_changed=ngettext_lazy("%(count)d group changed.", "%(count)d groups changed.", "count"),
    cannot_delete=_("The group cannot be deleted"),
    confirm_delete=_(
        "Are you sure you want to delete the group “{obj}”? "
        "The following related objects will be deleted too:"
    ),
    delete_protected=_(
        "Deleting the group “{obj}” would require deleting these protected objects:"
    ),
    delete_forbidden=_(
        "Deleting the group “{obj}” would delete related objects your account may not delete:"
    ),
    confirm_delete_selected=ngettext_lazy(
        "Are you sure you want to delete the selected group? "
        "The following related objects will be deleted too:",
        "Are you sure you want to delete the %(count)d selected groups? "
        "The following related objects will be deleted too:",
        "count",
    ),
    delete_selected_protected=ngettext_lazy(
        "Deleting the selected group would require deleting these protected objects:",
        "Deleting the %(count)d selected groups would require deleting these protected objects:",
        "count",
    ),
    delete_selected_forbidden=ngettext_lazy(
        "Deleting the selected group would delete related objects your account may not delete:",
        "Deleting the %(count)d selected groups would delete related objects your account "
        "may not delete:",
        "count",
    ),
    count=ngettext_lazy("%(count)d group", "%(count)d groups", "count"),
)
