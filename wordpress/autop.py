"""WordPress's ``wpautop()``: stored post text → paragraphs, as WordPress shows it.

WordPress stores what the author typed, without ``<p>``: a blank line is a new
paragraph, a single newline a line break, and block elements (lists, quotes,
headings, tables) stand on their own. It adds the markup every time it shows
a post (``wpautop()`` in ``wp-includes/formatting.php``). This is a port of
that function, rule for rule, so that an imported post reads as it did on
the old site; the sanitizer (articles/richtext.py) then keeps what the
article body allows.
"""

import re

ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_NEWLINE_IN_TAG = " <!-- wpnl --> "
_TAG_OR_COMMENT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)


def _replace_in_html_tags(text, old, new):
    """``wp_replace_in_html_tags``: replace ``old`` only inside tags and comments."""
    parts = _TAG_OR_COMMENT.split(text)
    for index in range(1, len(parts), 2):
        parts[index] = parts[index].replace(old, new)
    return "".join(parts)


def wpautop(text, br=True):  # noqa: PLR0915 - WordPress's function, rule for rule
    if not text or not text.strip():
        return ""
    text += "\n"

    # <pre> keeps its line breaks: set aside, put back at the end.
    pre_tags = {}
    if "<pre" in text:
        chunks = text.split("</pre>")
        last = chunks.pop()
        text = ""
        for index, chunk in enumerate(chunks):
            start = chunk.find("<pre")
            if start == -1:
                text += chunk
                continue
            name = f"<pre wp-pre-tag-{index}></pre>"
            pre_tags[name] = chunk[start:] + "</pre>"
            text += chunk[:start] + name
        text += last

    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(r"(<" + ALL_BLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = re.sub(r"(</" + ALL_BLOCKS + r">)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_in_html_tags(text, "\n", _NEWLINE_IN_TAG)

    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)

    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part]
    text = "".join("<p>" + paragraph.strip("\n") + "</p>\n" for paragraph in paragraphs)

    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)

    if br:
        # Newlines inside <script>, <style>, <svg> and <math> are not line breaks.
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.S,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")

    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)

    for name, original in pre_tags.items():
        text = text.replace(name, original)
    if "<!-- wpnl -->" in text:
        text = text.replace(_NEWLINE_IN_TAG, "\n").replace("<!-- wpnl -->", "\n")
    return text
