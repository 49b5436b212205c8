"""Readers' phone numbers: one spelling (+7 and ten digits), as people write it, masked."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What people type around the digits: "+7 (701) 123-45-67", "8 701 123 45 67".
_DECORATION = re.compile(r"[\s()\-.]")


def normalize(raw):
    """``+77011234567`` from what a reader typed; ValidationError when it is not a +7 number."""
    text = _DECORATION.sub("", (raw or "").strip())
    if not text:
        raise ValidationError(_("Enter your phone number."), code="required")
    if len(text) > 20 or not re.fullmatch(r"\+?\d+", text):
        raise ValidationError(
            _("A phone number has only digits, e.g. +7 701 123 45 67."), code="invalid"
        )
    digits = text.lstrip("+")
    if text.startswith("+") and not digits.startswith("7"):
        digits = ""
    elif len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "012":
        raise ValidationError(
            _("Enter a Kazakhstan number of ten digits after +7, e.g. +7 701 123 45 67."),
            code="invalid",
        )
    return f"+7{digits}"


def mask(phone):
    """``+7 7** *** **12``: enough for a moderator to tell readers apart, no more."""
    if not phone:
        return ""
    digits = phone.removeprefix("+7")
    return f"+7 {digits[0]}** *** **{digits[-2:]}"


def display(phone):
    """``+7 701 555 12 34``: the stored number grouped as people write and read it."""
    if not phone or not phone.startswith("+7") or len(phone) != 12:
        return phone or ""
    digits = phone.removeprefix("+7")
    return f"+7 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
