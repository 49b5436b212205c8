"""Kazakh date and number formats.

Django ships none for Kazakh, so without this module kk pages get English-style
"Қаң. 11, 2026" and forms reject "11.01.2026". Kazakh usage is the same as the
Russian one here: the day first and the month in lower case —
"11 қаңтар 2026, 13:19" or "11.01.2026, 13:19" (the lower-case month names come
from the "alt. month" entries of our locale/kk catalog) — day-first input,
Monday first, a decimal comma and a non-breaking space between thousands.
"""

from newsroom.formats.ru.formats import (  # noqa: F401 - Django reads these names here
    DATE_FORMAT,
    DATE_INPUT_FORMATS,
    DATETIME_FORMAT,
    DATETIME_INPUT_FORMATS,
    DECIMAL_SEPARATOR,
    FIRST_DAY_OF_WEEK,
    MONTH_DAY_FORMAT,
    NUMBER_GROUPING,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    THOUSAND_SEPARATOR,
    TIME_FORMAT,
    TIME_INPUT_FORMATS,
    YEAR_MONTH_FORMAT,
)
