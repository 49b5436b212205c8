"""Month names for dates, listed so that makemessages keeps them in our catalogs.

Django's own Kazakh catalog capitalises the genitive ("alt. month") names,
giving "11 Қаңтар 2026"; Kazakh usage writes "11 қаңтар 2026". Our catalogs
(LOCALE_PATHS, read before Django's) carry the right forms. Nothing imports
this module.
"""

from django.utils.translation import pgettext_lazy

ALT_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
