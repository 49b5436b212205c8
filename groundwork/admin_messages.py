"""Admin messages that agree with what they speak of, in Russian and Kazakh.

Django builds its success and warning messages from one sentence for every
model ("The {name} “{obj}” was added successfully.", "Successfully deleted
%(count)d %(items)s."), with the model's verbose name put in. Russian needs
the verb to agree with the noun (статья добавлена, источник добавлен) and
Kazakh puts the noun after the name, with a possessive ending («…» мақаласы
қосылды), so no translation of Django's sentence is right for every model.

``AgreeingMessagesMixin.message_user`` recognises Django's sentences (in the
admin's language, as Django's catalogs give them) and says the same thing with
the model's own sentences, the ModelAdmin's ``sentences`` (a ``Sentences``:
those of this app's models are below, each other app keeps its own in its
``admin_messages.py``); every other message passes unchanged. Django still
decides what happened (added, "save and continue", deleted…), so its
redirects and permissions are untouched.
"""

import re
from dataclasses import dataclass

from django.contrib.admin.actions import delete_selected
from django.template.response import TemplateResponse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Sentences:
    """What the admin says about one model."""

    added: Promise
    changed: Promise
    deleted: Promise
    add_another: Promise
    missing: Promise
    count_deleted: Promise
    count_changed: Promise
    # The delete page (Django's says "удалить статья", "Удаление рубрика").
    cannot_delete: Promise
    confirm_delete: Promise
    delete_protected: Promise
    delete_forbidden: Promise
    # …and for selected objects (Django's says "удалить выбранные статья").
    confirm_delete_selected: Promise
    delete_selected_protected: Promise
    delete_selected_forbidden: Promise
    # Under the list: "6 articles" (Django's puts the plural name after any number).
    count: Promise | None = None


# This app's models.
SENTENCES = {
    "articles.article": Sentences(
        added=_("The article “{obj}” was added successfully."),
        changed=_("The article “{obj}” was changed successfully."),
        deleted=_("The article “{obj}” was deleted successfully."),
        add_another=_("You may add another article below."),
        missing=_("There is no article with ID “{key}”: perhaps it was deleted."),
        count_deleted=ngettext_lazy(
            "%(count)d article deleted.", "%(count)d articles deleted.", "count"
        ),
        count_changed=ngettext_lazy(
            "%(count)d article changed.", "%(count)d articles changed.", "count"
        ),
        cannot_delete=_("The article cannot be deleted"),
        confirm_delete=_(
            "Are you sure you want to delete the article “{obj}”? "
            "The following related objects will be deleted too:"
        ),
        delete_protected=_(
            "Deleting the article “{obj}” would require deleting these protected objects:"
        ),
        delete_forbidden=_(
            "Deleting the article “{obj}” would delete related objects your account may not delete:"
        ),
        confirm_delete_selected=ngettext_lazy(
            "Are you sure you want to delete the selected article? "
            "The following related objects will be deleted too:",
            "Are you sure you want to delete the %(count)d selected articles? "
            "The following related objects will be deleted too:",
            "count",
        ),
        delete_selected_protected=ngettext_lazy(
            "Deleting the selected article would require deleting these protected objects:",
            "Deleting the %(count)d selected articles would require deleting these protected "
            "objects:",
            "count",
        ),
        delete_selected_forbidden=ngettext_lazy(
            "Deleting the selected article would delete related objects your account may not "
            "delete:",
            "Deleting the %(count)d selected articles would delete related objects your account "
            "may not delete:",
            "count",
        ),
        count=ngettext_lazy("%(count)d article", "%(count)d articles", "count"),
    ),
    "articles.rubric": Sentences(
        added=_("The rubric “{obj}” was added successfully."),
        changed=_("The rubric “{obj}” was changed successfully."),
        deleted=_("The rubric “{obj}” was deleted successfully."),
        add_another=_("You may add another rubric below."),
        missing=_("There is no rubric with ID “{key}”: perhaps it was deleted."),
        count_deleted=ngettext_lazy(
            "%(count)d rubric deleted.", "%(count)d rubrics deleted.", "count"
        ),
        count_changed=ngettext_lazy(
            "%(count)d rubric changed.", "%(count)d rubrics changed.", "count"
        ),
        cannot_delete=_("The rubric cannot be deleted"),
        confirm_delete=_(
            "Are you sure you want to delete the rubric “{obj}”? "
            "The following related objects will be deleted too:"
        ),
        delete_protected=_(
            "Deleting the rubric “{obj}” would require deleting these protected objects:"
        ),
        delete_forbidden=_(
            "Deleting the rubric “{obj}” would delete related objects your account may not delete:"
        ),
        confirm_delete_selected=ngettext_lazy(
            "Are you sure you want to delete the selected rubric? "
            "The following related objects will be deleted too:",
            "Are you sure you want to delete the %(count)d selected rubrics? "
            "The following related objects will be deleted too:",
            "count",
        ),
        delete_selected_protected=ngettext_lazy(
            "Deleting the selected rubric would require deleting these protected objects:",
            "Deleting the %(count)d selected rubrics would require deleting these protected "
            "objects:",
            "count",
        ),
        delete_selected_forbidden=ngettext_lazy(
            "Deleting the selected rubric would delete related objects your account may not "
            "delete:",
            "Deleting the %(count)d selected rubrics would delete related objects your account "
            "may not delete:",
            "count",
        ),
        count=ngettext_lazy("%(count)d rubric", "%(count)d rubrics", "count"),
    ),
    "articles.source": Sentences(
        added=_("The source “{obj}” was added successfully."),
        changed=_("The source “{obj}” was changed successfully."),
        deleted=_("The source “{obj}” was deleted successfully."),
        add_another=_("You may add another source below."),
        missing=_("There is no source with ID “{key}”: perhaps it was deleted."),
        count_deleted=ngettext_lazy(
            "%(count)d source deleted.", "%(count)d sources deleted.", "count"
        ),
        count_changed=ngettext_lazy(
            "%(count)d source changed.", "%(count)d sources changed.", "count"
        ),
        cannot_delete=_("The source cannot be deleted"),
        confirm_delete=_(
            "Are you sure you want to delete the source “{obj}”? "
            "The following related objects will be deleted too:"
        ),
        delete_protected=_(
            "Deleting the source “{obj}” would require deleting these protected objects:"
        ),
        delete_forbidden=_(
            "Deleting the source “{obj}” would delete related objects your account may not delete:"
        ),
        confirm_delete_selected=ngettext_lazy(
            "Are you sure you want to delete the selected source? "
            "The following related objects will be deleted too:",
            "Are you sure you want to delete the %(count)d selected sources? "
            "The following related objects will be deleted too:",
            "count",
        ),
        delete_selected_protected=ngettext_lazy(
            "Deleting the selected source would require deleting these protected objects:",
            "Deleting the %(count)d selected sources would require deleting these protected "
            "objects:",
            "count",
        ),
        delete_selected_forbidden=ngettext_lazy(
            "Deleting the selected source would delete related objects your account may not "
            "delete:",
            "Deleting the %(count)d selected sources would delete related objects your account "
            "may not delete:",
            "count",
        ),
        count=ngettext_lazy("%(count)d source", "%(count)d sources", "count"),
    ),
    "articles.tag": Sentences(
        added=_("The tag “{obj}” was added successfully."),
        changed=_("The tag “{obj}” was changed successfully."),
        deleted=_("The tag “{obj}” was deleted successfully."),
        add_another=_("You may add another tag below."),
        missing=_("There is no tag with ID “{key}”: perhaps it was deleted."),
        count_deleted=ngettext_lazy("%(count)d tag deleted.", "%(count)d tags deleted.", "count"),
        count_changed=ngettext_lazy("%(count)d tag changed.", "%(count)d tags changed.", "count"),
        cannot_delete=_("The tag cannot be deleted"),
        confirm_delete=_(
            "Are you sure you want to delete the tag “{obj}”? "
            "The following related objects will be deleted too:"
        ),
        delete_protected=_(
            "Deleting the tag “{obj}” would require deleting these protected objects:"
        ),
        delete_forbidden=_(
            "Deleting the tag “{obj}” would delete related objects your account may not delete:"
        ),
        confirm_delete_selected=ngettext_lazy(
            "Are you sure you want to delete the selected tag? "
            "The following related objects will be deleted too:",
            "Are you sure you want to delete the %(count)d selected tags? "
            "The following related objects will be deleted too:",
            "count",
        ),
        delete_selected_protected=ngettext_lazy(
            "Deleting the selected tag would require deleting these protected objects:",
            "Deleting the %(count)d selected tags would require deleting these protected objects:",
            "count",
        ),
        delete_selected_forbidden=ngettext_lazy(
            "Deleting the selected tag would delete related objects your account may not delete:",
            "Deleting the %(count)d selected tags would delete related objects your account "
            "may not delete:",
            "count",
        ),
        count=ngettext_lazy("%(count)d tag", "%(count)d tags", "count"),
    ),
}

# The title of the page refusing to delete selected objects, whatever they are.
CANNOT_DELETE_SELECTED = _("The selected objects cannot be deleted")

# Said after "added"/"changed" when the form opens again: the same for every model.
EDIT_AGAIN = _("You may go on editing below.")

# Django's own sentences (django/contrib/admin/options.py, actions.py), looked
# up in Django's catalogs at the time of the message. Not marked for
# translation here: they are Django's msgids, not ours.
_ADDED = "The {name} “{obj}” was added successfully."
_CHANGED = "The {name} “{obj}” was changed successfully."
_DJANGO = [
    # (Django's sentence, as msgids translated one by one and joined; what we say)
    ((_ADDED,), ("added",)),
    ((_ADDED, "You may edit it again below."), ("added", "edit")),
    (
        ("The {name} “{obj}” was added successfully. You may add another {name} below.",),
        ("added", "another"),
    ),
    ((_CHANGED,), ("changed",)),
    (
        ("The {name} “{obj}” was changed successfully. You may edit it again below.",),
        ("changed", "edit"),
    ),
    (
        ("The {name} “{obj}” was changed successfully. You may add another {name} below.",),
        ("changed", "another"),
    ),
    (("The %(name)s “%(obj)s” was deleted successfully.",), ("deleted",)),
    (("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?",), ("missing",)),
    (("Successfully deleted %(count)d %(items)s.",), ("count_deleted",)),
]
_DJANGO_PLURAL = (
    "%(count)s %(name)s was changed successfully.",
    "%(count)s %(name)s were changed successfully.",
)

_BLANKS = {
    "{obj}": "(?P<obj>.*)",
    "%(obj)s": "(?P<obj>.*)",
    "%(key)s": "(?P<key>.*)",
    "%(count)d": r"(?P<count>\d+)",
    "%(count)s": r"(?P<count>\d+)",
    "%(items)s": ".+?",
}


def _pattern(translated, name=None):
    """A regular expression matching Django's ``translated`` sentence filled in.

    ``name`` is the verbose name Django put in; None for any (a plural form).
    """
    pattern = re.escape(translated)
    for blank, group in _BLANKS.items():
        pattern = pattern.replace(re.escape(blank), group, 1)
    for blank in ("{name}", "%(name)s"):
        pattern = pattern.replace(re.escape(blank), ".+?" if name is None else re.escape(name))
    return re.compile(pattern, re.DOTALL)


def _django_sentences(opts):
    """(pattern, what it says) for each of Django's sentences, in the active language."""
    for msgids, parts in _DJANGO:
        translated = " ".join(gettext(msgid) for msgid in msgids)
        yield _pattern(translated, str(opts.verbose_name)), parts
    # Every plural form the language has: 1, 2 and 5 cover Russian's.
    forms = {ngettext(*_DJANGO_PLURAL, count) for count in (1, 2, 5, 21)}
    for form in forms:
        yield _pattern(form), ("count_changed",)


def agreeing(sentences, opts, message):
    """``message`` said with ``sentences``, if it is one of Django's about ``opts``' model."""
    if sentences is None:
        return message
    text = str(message)
    for pattern, parts in _django_sentences(opts):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = match.groupdict()
        if "count" in values:
            return getattr(sentences, parts[0]) % {"count": int(values["count"])}
        # Django's added/changed sentences carry the object as a safe link.
        safe = isinstance(message, SafeData)
        said = []
        for part in parts:
            sentence = {
                "added": sentences.added,
                "changed": sentences.changed,
                "deleted": sentences.deleted,
                "missing": sentences.missing,
                "another": sentences.add_another,
                "edit": EDIT_AGAIN,
            }[part]
            if safe:
                fields = {key: mark_safe(value) for key, value in values.items()}  # noqa: S308
                said.append(format_html(str(sentence), **fields))
            else:
                said.append(str(sentence).format(**values))
        return mark_safe(" ".join(said)) if safe else " ".join(said)  # noqa: S308
    return message


class AgreeingMessagesMixin:
    """A ModelAdmin whose messages agree with its model (see the module's docstring)."""

    delete_confirmation_template = "admin/agreeing_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/agreeing_delete_selected_confirmation.html"
    # The model's Sentences; None leaves Django's own.
    sentences = None

    def message_user(self, request, message, *args, **kwargs):
        said = agreeing(self.sentences, self.opts, message)
        return super().message_user(request, said, *args, **kwargs)

    def render_delete_form(self, request, context):
        sentences = self.sentences
        if sentences is not None:
            if context.get("protected") or context.get("perms_lacking"):
                context["title"] = sentences.cannot_delete
            context["delete_sentences"] = {
                name: format_html(str(getattr(sentences, name)), obj=context["object"])
                for name in ("confirm_delete", "delete_protected", "delete_forbidden")
            }
        return super().render_delete_form(request, context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (_delete_selected_in_agreement, name, description)
        return actions


def _delete_selected_in_agreement(modeladmin, request, queryset):
    """Django's "delete selected" action, its confirmation page worded for the model."""
    response = delete_selected(modeladmin, request, queryset)
    sentences = modeladmin.sentences
    if isinstance(response, TemplateResponse) and sentences is not None:
        context = response.context_data
        if context.get("protected") or context.get("perms_lacking"):
            context["title"] = CANNOT_DELETE_SELECTED
        count = {"count": queryset.count()}
        context["delete_sentences"] = {
            name: getattr(sentences, name) % count
            for name in (
                "confirm_delete_selected",
                "delete_selected_protected",
                "delete_selected_forbidden",
            )
        }
    return response
