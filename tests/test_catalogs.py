"""Both message catalogs are complete: nothing untranslated, nothing fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

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


def test_every_string_the_code_marks_is_in_both_catalogs(tmp_path):
    """Django's makemessages over a copy of the code finds nothing new: a string
    passed to gettext through a variable, which makemessages cannot see, would be
    left out of the catalogs and shown in English."""
    if shutil.which("xgettext") is None:
        # makemessages needs GNU gettext; .ci/run installs it.
        assert not os.environ.get("CI"), "GNU gettext (xgettext) is missing"
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    root = LOCALE.parent
    # Every folder with code or templates: each of our installed apps, templates, static.
    apps = {name.split(".")[0] for name in settings.INSTALLED_APPS}
    apps = sorted(name for name in apps if (root / name).is_dir())
    for name in (*apps, "templates", "static"):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("vendor"))
    shutil.copytree(LOCALE, tmp_path / "locale")
    shutil.copy(root / "manage.py", tmp_path / "manage.py")
    for domain in ("django", "djangojs"):
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-d", domain, "-l", "ru", "-l", "kk"],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )
    for language in ("ru", "kk"):
        for domain in ("django", "djangojs"):
            with open(tmp_path / "locale" / language / "LC_MESSAGES" / f"{domain}.po", "rb") as po:
                catalog = read_po(po)
            missing = [
                message.id
                for message in catalog
                if message.id
                and (
                    message.fuzzy
                    or not all(message.string if message.pluralizable else [message.string])
                )
            ]
            assert missing == [], (language, domain, missing)
