"""The reader's forms: phone, code, terms, comment. Messages in the page's language."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from . import phones


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "placeholder": "+7"}
        ),
        error_messages={
            "required": _("Enter your phone number."),
            "max_length": _("A phone number has only digits, e.g. +7 701 123 45 67."),
        },
    )

    def clean_phone(self):
        return phones.normalize(self.cleaned_data["phone"])


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from the SMS"),
        regex=r"^\s*\d{6}\s*$",
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"invalid": _("The code has six digits.")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class TermsForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name shown with your comments"),
        min_length=2,
        max_length=40,
        strip=True,
    )
    accept = forms.BooleanField(
        label=_("I have read and accept the rules for comments"),
        error_messages={"required": _("Comments can only be published if you accept the rules.")},
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        strip=True,
    )
    parent = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        min_value=1,
        max_value=2**63 - 1,
        error_messages={
            key: _("The comment you replied to is no longer there.")
            for key in ("invalid", "min_value", "max_value")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.COMMENTS_MAX_LENGTH
        field = self.fields["text"]
        # No maxlength attribute: a browser would cut a pasted text silently;
        # the server refuses it with a message and gives it back whole.
        field.validators.append(
            MaxLengthValidator(
                limit,
                message=_(
                    "A comment may have at most %(limit_value)s characters; "
                    "this one has %(show_value)s. Shorten it and send it again."
                ),
            )
        )
        # Said up front, under the label (templates/comments/includes/form_fields.html),
        # and tied to the box by aria-describedby; static/js/comments-form.js
        # adds a live count of what is typed, where JavaScript runs.
        field.help_text = _("Plain text, up to %(limit)s characters. Links are not clickable.") % {
            "limit": number_format(limit, force_grouping=True)
        }
        field.widget.attrs["data-max-length"] = limit
