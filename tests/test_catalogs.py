"""Both message catalogs are complete: nothing untranslated, nothing fuzzy."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def _catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_catalog_has_no_untranslated_or_fuzzy_entries(language):
    catalog = _catalog(language)
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}"


def test_kazakh_catalog_is_not_a_copy_of_russian():
    ru = {m.id: m.string for m in _catalog("ru") if m.id}
    kk = {m.id: m.string for m in _catalog("kk") if m.id}
    same = [msgid for msgid, text in kk.items() if text and text == ru.get(msgid)]
    # Proper names, numbers and a few shared words may coincide; whole
    # sentences must not.
    sentences = [msgid for msgid in same if len(str(msgid).split()) > 3]
    assert sentences == []
