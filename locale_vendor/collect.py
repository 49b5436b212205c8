"""Rebuild locale_vendor/: the Kazakh and Russian strings our packages ship without.

Django's own Kazakh catalogs are incomplete and several third-party apps have no
Kazakh (some no Russian) catalog at all; a missing Kazakh string falls back to the
Russian catalog (LANGUAGE_CODE) or to English, so the Kazakh admin and Kazakh form
errors leaked Russian. locale_vendor/ sits in LOCALE_PATHS after locale/ and holds
translations of exactly those strings.

What it does: for Django's core and every installed app that lives outside the project,
it lists the msgids the package uses (Django: its `en` template catalogs; other apps:
their reference catalog -- ru, else de/fr/... -- plus the strings xgettext finds in their
Python files and templates), drops the ones any installed package already translates
into the language, and merges the rest into locale_vendor/<lang>/LC_MESSAGES/<domain>.po:
existing translations are kept, new strings are added with an empty msgstr, strings no
package uses any more become obsolete (#~).

How to run (after upgrading Django or one of the apps), from the project root:

    .venv/bin/python locale_vendor/collect.py        # merge, then print what is empty
    .venv/bin/python locale_vendor/collect.py --check  # only print; exit 1 if any is empty

then translate the empty msgstr in the .po files and run `make messages`.
tests/test_kazakh_everywhere.py runs the same check. Needs GNU xgettext on PATH.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import django
import polib
from django.apps import apps
from django.utils.translation.template import templatize

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
DOMAINS = ("django", "djangojs")
PLURAL_FORMS = {
    "kk": "nplurals=2; plural=(n!=1);",
    "ru": (
        "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<12 || n%100>14) ? 1 : n%10==0 || (n%10>=5 && n%10<=9) || "
        "(n%100>=11 && n%100<=14)? 2 : 3);"
    ),
}
LANGUAGES = tuple(PLURAL_FORMS)
# Where a third-party app has no catalog in our language, its msgids come from one of these.
REFERENCE_LANGUAGES = ("ru", "en", "de", "fr")
SKIP_DIRS = {"tests", "migrations", "node_modules", "__pycache__", "locale"}
PY_KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


def setup_django() -> None:
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()


def packages() -> list[tuple[str, Path]]:
    """(label, path) of Django's core and each installed app outside the project."""
    found = [("django", Path(django.__file__).parent / "conf")]
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(PROJECT) and ".venv" not in path.parts:
            continue
        found.append((app.name, path))
    return found


def key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry: polib.POEntry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalog(path: Path, lang: str, domain: str) -> polib.POFile | None:
    po = path / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(po)) if po.exists() else None


def _source_files(root: Path, suffixes: tuple[str, ...]):
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        # Sub-packages that are apps of their own (django_otp's plugins) count only if installed.
        dirnames[:] = [
            d
            for d in sorted(dirnames)
            if d not in SKIP_DIRS and not (here / d / "apps.py").exists()
        ]
        for name in sorted(filenames):
            if name.endswith(suffixes) and not name.endswith(".min.js"):
                yield here / name


def extract(root: Path, domain: str) -> list[polib.POEntry]:
    """The strings xgettext finds in an app's Python files and templates (or its JS).

    Without GNU xgettext only the apps' reference catalogs are read.
    """
    xgettext = shutil.which("xgettext")
    if xgettext is None:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        if domain == "django":
            for path in _source_files(root, (".py", ".html", ".txt")):
                if path.suffix == ".py":
                    inputs.append(str(path))
                    continue
                converted = Path(tmp) / f"{len(inputs)}.py"
                converted.write_text(templatize(path.read_text(encoding="utf-8"), str(path)))
                inputs.append(str(converted))
            language = ["--language=Python", *PY_KEYWORDS]
        else:
            # Bundled (minified) editors are skipped: their strings come from their catalogs.
            inputs = [str(p) for p in _source_files(root, (".js",)) if p.stat().st_size < 200_000]
            language = ["--language=JavaScript", *PY_KEYWORDS]
        if not inputs:
            return []
        out = Path(tmp) / "out.po"
        # Our own arguments: the installed apps' file paths.
        subprocess.run(  # noqa: S603
            [xgettext, "--from-code=UTF-8", "--no-wrap", *language, "-o", str(out), *inputs],
            check=True,
            capture_output=True,
        )
        if not out.exists():
            return []
        return [e for e in polib.pofile(str(out)) if e.msgid]


@functools.cache
def used_msgids(domain: str) -> dict[tuple[str, str], tuple[str, polib.POEntry]]:
    """Every (msgctxt, msgid) an installed package uses in the domain, with its package."""
    used: dict[tuple[str, str], tuple[str, polib.POEntry]] = {}
    for label, path in packages():
        entries: list[polib.POEntry] = []
        if label == "django" or label.startswith("django.contrib."):
            template = catalog(path, "en", domain)
            entries = list(template) if template else []
        else:
            for ref in REFERENCE_LANGUAGES:
                reference = catalog(path, ref, domain)
                if reference is not None:
                    entries = [e for e in reference if not e.obsolete]
                    break
            entries += extract(path, domain)
        for entry in entries:
            if entry.msgid:
                used.setdefault(key(entry), (label, entry))
    return used


@functools.cache
def translated_by_packages(lang: str, domain: str) -> set[tuple[str, str]]:
    """What Django merges for the language from the packages' own catalogs."""
    done: set[tuple[str, str]] = set()
    for _label, path in packages():
        po = catalog(path, lang, domain)
        if po is not None:
            done.update(key(e) for e in po if is_translated(e))
    return done


def needed(lang: str, domain: str) -> dict[tuple[str, str], tuple[str, polib.POEntry]]:
    """The strings locale_vendor/<lang> must translate."""
    done = translated_by_packages(lang, domain)
    return {k: v for k, v in used_msgids(domain).items() if k not in done}


def vendor_path(lang: str, domain: str) -> Path:
    return HERE / lang / "LC_MESSAGES" / f"{domain}.po"


def vendor_catalog(lang: str, domain: str) -> polib.POFile:
    path = vendor_path(lang, domain)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "newsroom locale_vendor",
        "PO-Revision-Date": "2026-11-27 18:00+0500",
        "Last-Translator": "Newsroom <newsroom@localhost>",
        "Language-Team": "Newsroom",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[lang],
    }
    return po


def merge(lang: str, domain: str) -> list[str]:
    """Merge the needed strings into the vendor catalog; returns the untranslated ones."""
    want = needed(lang, domain)
    po = vendor_catalog(lang, domain)
    nplurals = int(PLURAL_FORMS[lang].split("nplurals=")[1].split(";")[0])
    have = {key(e): e for e in po}
    entries = []
    for k, (label, source) in sorted(want.items(), key=lambda item: (item[1][0], item[0])):
        entry = have.pop(k, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid)
            if source.msgid_plural:
                entry.msgid_plural = source.msgid_plural
                entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
        entry.obsolete = False
        entry.occurrences = [(label, "")]
        entry.flags = sorted({f for f in source.flags if f.endswith("-format")} | set(entry.flags))
        entries.append(entry)
    for entry in have.values():
        # A translator comment "override" keeps a correction of a package's own (wrong)
        # translation; anything else no package uses any more becomes obsolete.
        entry.obsolete = "override" not in (entry.tcomment or "")
        entries.append(entry)
    po[:] = entries
    po.metadata["Plural-Forms"] = PLURAL_FORMS[lang]
    path = vendor_path(lang, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return [e.msgid for e in po if not e.obsolete and not is_translated(e)]


def missing(lang: str, domain: str) -> list[str]:
    """Strings used by a package and translated neither by it nor by locale_vendor."""
    vendor = vendor_catalog(lang, domain)
    done = {key(e) for e in vendor if is_translated(e)}
    return sorted(
        k[1] if not k[0] else f"{k[0]}|{k[1]}" for k in needed(lang, domain) if k not in done
    )


def main(argv: list[str]) -> int:
    setup_django()
    check = "--check" in argv
    total = 0
    for lang in LANGUAGES:
        for domain in DOMAINS:
            empty = missing(lang, domain) if check else merge(lang, domain)
            total += len(empty)
            print(f"{lang}/{domain}: {len(empty)} untranslated")
            for msgid in empty:
                print(f"    {msgid!r}")
    return 1 if check and total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
