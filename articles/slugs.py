"""Latin URL slugs from Russian and Kazakh titles.

General-purpose transliterators drop or mangle Kazakh letters (Unidecode
turns "ә" into "@", Django's slugify returns "" for Cyrillic), so every
Russian and Kazakh letter is mapped here explicitly; python-slugify does the
rest (separators, length, anything non-Cyrillic).
"""

from slugify import slugify as _slugify

CYRILLIC_TO_LATIN = {
    # Russian
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh letters beyond the Russian alphabet
    "ә": "a",
    "ғ": "g",
    "қ": "q",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}

MAX_LENGTH = 80


def slugify(text, max_length=MAX_LENGTH):
    """Return a lower-case Latin slug for ``text`` (Russian, Kazakh or Latin)."""
    if not text:
        return ""
    lowered = text.lower()
    latin = "".join(CYRILLIC_TO_LATIN.get(char, char) for char in lowered)
    return _slugify(latin, max_length=max_length, word_boundary=True, save_order=True)
