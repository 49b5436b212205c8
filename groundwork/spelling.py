"""Case-insensitive matching of Cyrillic words that works on SQLite too.

SQLite's ``iexact`` and ``icontains`` fold only ASCII case: "актау" does not
match "Актау". Tag names, Kazakh tag names, tag suggestions and the search
fallback therefore look a word up by its usual spellings (``variants``) and,
where one answer must be picked, compare the candidates with ``casefold()``.
PostgreSQL folds every letter; the extra spellings cost it nothing.
"""


def variants(text):
    """The usual spellings of ``text``: as typed, lower, upper, Capitalised, Title Case."""
    return {text, text.lower(), text.upper(), text.capitalize(), text.title()}
