"""WordPress shortcodes (``[caption …]…[/caption]``, ``[gallery ids="1,2"]``, ``[embed]…``).

``expand(text, handlers)`` finds shortcodes the way WordPress's
``get_shortcode_regex()`` does (self-closing or enclosing, ``[[escaped]]``
left as text) and asks ``handlers[name](attributes, content)`` for what
replaces each. A shortcode without a handler disappears and the text it
wraps stays; each one is counted by name for the report.

WordPress expands only the shortcodes its plugins registered and leaves any
other bracketed text alone. The export does not say which were registered,
so a shortcode here is a bracketed Latin name (``[gallery]``, ``[vc_row]``):
``[Фото]``, ``[1]`` or ``[…]`` in an article's text stay as they were typed.
"""

import re
from collections import Counter

_NAME = r"[A-Za-z][A-Za-z0-9_-]*"
# WordPress's get_shortcode_regex() with any such name (Python 3.11 has the
# possessive quantifiers it uses).
_SHORTCODE = re.compile(
    r"\[(\[?)"  # 1: an opening [[ escapes the shortcode
    r"(" + _NAME + r")"  # 2: the name
    r"(?![\w-])"
    r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"  # 3: the attributes
    r"(?:(/)\]"  # 4: self-closing
    r"|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)"  # 5: enclosed content
    r"(\]?)"  # 6: the closing ]] of an escaped one
)
# shortcode_parse_atts()
_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)


def parse_attributes(text):
    attributes = {}
    position = 0
    for match in _ATTRIBUTE.finditer(text.replace("\xa0", " ")):
        groups = match.groups()
        if groups[0]:
            attributes[groups[0].lower()] = groups[1]
        elif groups[2]:
            attributes[groups[2].lower()] = groups[3]
        elif groups[4]:
            attributes[groups[4].lower()] = groups[5]
        else:
            value = next((group for group in groups[6:] if group is not None), "")
            attributes[position] = value
            position += 1
    return attributes


def expand(text, handlers):
    """(text with every shortcode replaced, Counter of the names that had no handler)."""
    removed = Counter()

    def replace(match):
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]  # [[name]] is how WordPress writes "[name]"
        name = match.group(2).lower()
        content = match.group(5) or ""
        handler = handlers.get(name)
        if handler is None:
            removed[name] += 1
            # The wrapped text stays; shortcodes inside it are expanded too.
            return _SHORTCODE.sub(replace, content)
        return handler(parse_attributes(match.group(3) or ""), content)

    return _SHORTCODE.sub(replace, text or ""), removed
