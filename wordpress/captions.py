"""A WordPress picture's caption and credit → the photo's, as the newsroom writes them.

WordPress keeps a credit, if at all, in the picture's metadata ("Казинформ");
authors more often typed it at the end of the caption ("Набережная после
ремонта. Фото: Казинформ"). Imported as they are, the page would show the
credit twice, or as part of the caption. Here the credit at the end of a
caption moves to the credit, and a credit is stored as the newsroom's own
are: the name alone ("Казинформ"), the page adding «Фото:» / «Сурет:»
(articles/photocredits.py); the name is a proper name, the same in both.
"""

import re

# "…. Фото: Казинформ", "… (фото – Lada.kz)", "… Сурет: Kazinform", "Photo: AP".
_WORD = r"(?:фото|фотография|фотосурет|сурет|photo|foto)"
_AT_THE_END = re.compile(
    r"[\s.,;:(–—-]*\b" + _WORD + r"\s*[:–—-]\s*(?P<name>.+?)[\s.)]*$", re.IGNORECASE
)
_LABEL = re.compile(r"^\s*" + _WORD + r"\s*[:–—-]\s*", re.IGNORECASE)


def split(caption):
    """(the caption without a credit at its end, the credit's name or "")."""
    found = _AT_THE_END.search(caption or "")
    if found is None:
        return caption or "", ""
    # A caption that is only a credit ("Фото: редакция") leaves no caption.
    return caption[: found.start()].strip(), found.group("name").strip()


def credit_line(name, language):
    """The credit as stored: the name without a label ("Казинформ" from "Фото: Казинформ");
    the page says «Фото:» or «Сурет:» itself. ``language`` is kept for callers."""
    return _LABEL.sub("", name or "").strip()


def texts(caption, alt, credit, language, other_credit=""):
    """(caption, alt, credit) of a photo in ``language``.

    ``other_credit`` is the name the picture's metadata credits in another
    language, used when this language has none.
    """
    caption, named = split(caption)
    name = credit or named or other_credit
    return caption, alt, credit_line(name, language)
