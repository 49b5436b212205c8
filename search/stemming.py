"""Word stems for search: a reader's "амнистией" finds "амнистия", and
"рақымшылықты" finds "рақымшылық".

Search matches the stem of each word the reader typed as the beginning of the
article's words (SQLite: a substring; PostgreSQL: a prefix query on Kazakh, the
Russian configuration's own stemming on Russian).

Russian: the Snowball stemmer (the same algorithm as PostgreSQL's "russian"
configuration). Kazakh has no Snowball stemmer, and PostgreSQL none either:
Kazakh is agglutinative, a word is a root followed by suffixes in a fixed order
(plural, possessive, case), so the rule below strips inflectional suffixes from
the end, longest first, and keeps derivational ones ("-лық", "-шы"), which make
other words. A stripped stem is only ever used as a prefix, so stripping a
little too much costs some precision, never a match. tests/test_search_forms.py
pins the word pairs.
"""

import snowballstemmer

# A stem shorter than this matches too much: the word is searched as typed.
MIN_STEM = 3

_russian = snowballstemmer.stemmer("russian")

# Inflection comes in this order after the root: plural, possessive, case.
# They are taken off from the end, at most one of each, longest first.
_KAZAKH_LAYERS = [
    (  # case endings
        *("ның", "нің", "дың", "дің", "тың", "тің"),  # genitive
        *("ны", "ні", "ды", "ді", "ты", "ті", "н"),  # accusative
        *("ға", "ге", "қа", "ке", "на", "не", "а", "е"),  # dative
        *("да", "де", "та", "те", "нда", "нде"),  # locative
        *("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"),  # "which is in"
        *("дан", "ден", "тан", "тен", "нан", "нен"),  # ablative
        *("мен", "бен", "пен", "менен", "бенен", "пенен"),  # instrumental
    ),
    (  # possessive
        *("ым", "ім", "м", "ың", "ің", "ң", "ы", "і", "сы", "сі"),
        *("ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз"),
    ),
    ("лар", "лер", "дар", "дер", "тар", "тер"),  # plural
]
_KAZAKH_LAYERS = [sorted(layer, key=len, reverse=True) for layer in _KAZAKH_LAYERS]
_KAZAKH_VOWELS = set("аәеёиоөуұүыіэюя")
# A voiceless final consonant turns voiced before a vowel ("кітап" → "кітабы",
# "рақымшылық" → "рақымшылығы"): such a stem is cut before it.
_VOICED_FINALS = set("бгғ")


def _has_vowel(text):
    return any(letter in _KAZAKH_VOWELS for letter in text)


def kazakh_stem(word):
    """``word`` (lower case) without its inflectional suffixes."""
    stem = word
    for layer in _KAZAKH_LAYERS:
        for suffix in layer:
            rest = stem[: -len(suffix)]
            # A one-letter ending is only taken from a longer word ("қала" stays).
            shortest = MIN_STEM + 1 if len(suffix) == 1 else MIN_STEM
            if stem.endswith(suffix) and len(rest) >= shortest and _has_vowel(rest):
                stem = rest
                break
    if stem != word and stem[-1] in _VOICED_FINALS and len(stem) > MIN_STEM + 1:
        stem = stem[:-1]
    return stem


def stem(word, language):
    """The part of ``word`` that its other forms in ``language`` begin with."""
    word = word.lower()
    if language == "kk":
        result = kazakh_stem(word)
    else:
        result = _russian.stemWord(word)
    if len(result) < MIN_STEM:
        return word
    return result
