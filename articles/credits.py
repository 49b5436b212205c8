"""The credits line under an article's lead: who reports the news and whom
they cite, as one or two sentences that read right in Russian and Kazakh.

When the lead already credits them («…, сообщает Lada.kz со ссылкой на
NUR.KZ»), the line leaves that sentence out (``credited_in``): readers would
read it twice. Photo and video credits stay. The admin tells the editor so
when the article is saved.

«Сообщает Lada.kz со ссылкой на пресс-службу акимата и Казинформ. Фото: кадр YouTube.»
«Lada.kz әкімдіктің баспасөз қызметіне және Казинформға сілтеме жасап хабарлайды.»

Whatever order the editor put the sources in, the sentence names the reporting
sources first, then the cited ones (each group in the editor's order), then
photo and video credits. The verb agrees with the number of reporters. After
"citing" a name takes a case: Russian the accusative («со ссылкой на
пресс-службу»), Kazakh the dative («баспасөз қызметіне сілтеме жасап»). A
source carries that form per language (``Source.cited_name``); without it,
Russian uses the name as it is (right for «Казинформ», «NUR.KZ»), and Kazakh
adds the dative ending by vowel harmony, or says «NUR.KZ сайтына» for a name
in Latin letters. Only a sentence's first letter is a capital, and only
because the catalog's sentence begins with one. tests/test_credits.py pins a
table of combinations.
"""

import re

from django.conf import settings
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

REPORTS, CITING, PHOTO, VIDEO = "reports", "citing", "photo", "video"

_BACK_VOWELS = set("аоұыуяё")
_FRONT_VOWELS = set("әеөүіиэю")
_VOICELESS = set("кқпстфхцчшщ")
_CYRILLIC = set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")


def credits_line(credits, lead=""):
    """Safe HTML: the credits of ``credits`` (ArticleSource rows, in order).

    Who reports and whom they cite is left out when ``lead`` names them all already.
    """
    language = get_language() or settings.LANGUAGE_CODE
    by_role = _by_role(credits)
    if credited_in(lead, credits, language):
        by_role[REPORTS], by_role[CITING] = [], []
    reporters = [_link(credit, _name(credit.source, language)) for credit in by_role[REPORTS]]
    cited = [_link(credit, cited_name(credit.source, language)) for credit in by_role[CITING]]

    sentences = []
    if reporters and cited:
        if len(reporters) == 1:
            text = gettext("%(reporters)s reports, citing %(cited)s")
        else:
            text = gettext("%(reporters)s report, citing %(cited)s")
        sentences.append(_fill(text, reporters=_join(reporters), cited=_join(cited)))
    elif reporters:
        text = (
            gettext("%(reporters)s reports")
            if len(reporters) == 1
            else gettext("%(reporters)s report")
        )
        sentences.append(_fill(text, reporters=_join(reporters)))
    elif cited:
        # No one of ours reports: the cited sources are where it comes from.
        names = [_link(credit, _name(credit.source, language)) for credit in by_role[CITING]]
        text = gettext("Source: %(names)s") if len(names) == 1 else gettext("Sources: %(names)s")
        sentences.append(_fill(text, names=_join(names)))
    for role, text in ((PHOTO, gettext("Photo: %(names)s")), (VIDEO, gettext("Video: %(names)s"))):
        if by_role[role]:
            names = [_link(credit, _name(credit.source, language)) for credit in by_role[role]]
            sentences.append(_fill(text, names=_join(names)))
    return format_html_join(" ", "{}", ((_end(sentence),) for sentence in sentences))


def credited_in(text, credits, language):
    """Does ``text`` (a lead) name every reporting and cited source of ``credits``?

    A source counts as named when its name, or its form after "citing", is in
    the text as written in ``language`` (any case; a Kazakh ending after the
    name is fine: «Казинформға»).
    """
    by_role = _by_role(credits)
    named = by_role[REPORTS] + by_role[CITING]
    if not text or not named:
        return False
    folded = text.casefold()
    return all(_mentions(folded, credit.source, language) for credit in named)


def credited_names(credits, language):
    """The reporting and cited sources' names in ``language``, in the editor's order."""
    by_role = _by_role(credits)
    return [_name(credit.source, language) for credit in by_role[REPORTS] + by_role[CITING]]


def _mentions(folded, source, language):
    for written in {_name(source, language), cited_name(source, language), source.name or ""}:
        name = written.strip().casefold()
        if name and re.search(r"(?<!\w)" + re.escape(name), folded):
            return True
    return False


def _by_role(credits):
    by_role = {REPORTS: [], CITING: [], PHOTO: [], VIDEO: []}
    for credit in credits:
        by_role.get(credit.role, by_role[REPORTS]).append(credit)
    return by_role


def cited_name(source, language):
    """The source's name as it reads after "citing" in ``language``."""
    form = getattr(source, f"cited_name_{language}", "") or ""
    if form.strip():
        return form.strip()
    name = _name(source, language)
    if language == "kk":
        return kazakh_dative(name, source.kind)
    return name


def kazakh_dative(name, kind=""):
    """A Kazakh dative by vowel harmony: «Казинформға», «баспасөз қызметіне».

    A name in Latin letters has no Kazakh reading to harmonise with: it is
    named as a website («NUR.KZ сайтына») or a network («Telegram желісіне»).
    """
    word = name.rstrip()
    last = word[-1:].lower()
    if last not in _CYRILLIC:
        return f"{word} желісіне" if kind == "social" else f"{word} сайтына"
    vowels = [letter for letter in word.lower() if letter in _BACK_VOWELS | _FRONT_VOWELS]
    front = bool(vowels) and vowels[-1] in _FRONT_VOWELS
    if last in "ыі" and " " in word:
        # The third-person possessive of a compound name («баспасөз қызметі»).
        return word + ("не" if front else "на")
    if last in _VOICELESS:
        return word + ("ке" if front else "қа")
    return word + ("ге" if front else "ға")


def _name(source, language):
    return (
        getattr(source, f"name_{language}", "")
        or getattr(source, f"name_{settings.LANGUAGE_CODE}", "")
        or source.name
        or ""
    )


def _link(credit, text):
    url = credit.url or credit.source.url
    if not url:
        return conditional_escape(text)
    return format_html('<a href="{}" rel="nofollow noopener">{}</a>', url, text)


def _join(items):
    if len(items) == 1:
        return items[0]
    first = format_html_join(", ", "{}", ((item,) for item in items[:-1]))
    return _fill(gettext("%(items)s and %(last)s"), items=first, last=items[-1])


def _fill(text, **values):
    """The catalog's sentence (escaped) with the safe HTML ``values`` put in."""
    # Every value is escaped HTML made here (format_html, conditional_escape).
    return mark_safe(conditional_escape(text) % values)  # noqa: S308


def _end(sentence):
    return sentence if sentence.endswith((".", "!", "?", "…")) else format_html("{}.", sentence)
