"""A photo's credit says whose photo it is; the page adds the label.

The reader sees «Фото: кадр YouTube» on Russian pages and «Сурет: …» on
Kazakh ones, the label coming from the site's catalog
(templates/articles/article_detail.html). Editors type only «кадр YouTube»;
a label typed by habit («Фото: …», «Сурет: …», «Photo: …») is taken off when
the photo is saved, whatever path saves it, so it never shows twice.
Migration 0017 took it off the credits saved before.
"""

import re

# A typed label at the start: the word, then a colon or a dash.
LABEL = re.compile(r"^\s*(?:фото|сурет|photo|foto)\s*[:：\-–—]\s*", re.IGNORECASE)


def without_label(credit):
    """``кадр YouTube`` from ``Фото: кадр YouTube``; other credits unchanged."""
    if not credit:
        return credit
    stripped = LABEL.sub("", credit, count=1).strip()
    # «Фото:» alone is no credit at all; keep what was typed rather than guess.
    return stripped or credit
