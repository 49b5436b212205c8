"""The Kazakh version's own publication: work in progress kept apart from what readers see.

An article's ``title_kk``, ``lead_kk``, ``body_kk`` (and its photos' Kazakh
texts) are what readers see. The translators' workspace saves to a
``KazakhDraft`` instead, one per article, on the server: it survives signing
out and another translator can take it over. "Publish the Kazakh version"
copies it into the article through the normal save (translations/admin.py),
which is refused while a Russian block has no Kazakh block (``untranslated``).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext, pgettext

from articles import richtext
from translations import workspace
from translations.models import KazakhDraft

PHOTO_FIELDS = workspace.PHOTO_FIELDS


def draft_of(article):
    """The article's Kazakh draft, or None (read once, kept on the article)."""
    if article is None or not article.pk:
        return None
    try:
        return article.kazakh_draft
    except KazakhDraft.DoesNotExist:
        return None


def _filled(ru_block, kk_blocks, index):
    if index >= len(kk_blocks):
        return False
    # A rule has no text: any block in its place is its translation.
    return bool(kk_blocks[index].text) or ru_block.tag == "hr"


def missing_blocks(ru_body, kk_body):
    """Positions (from 0) of the Russian body's blocks with no Kazakh block beside them."""
    ru_blocks = workspace.blocks(richtext.sanitize(ru_body or ""))
    kk_blocks = workspace.blocks(richtext.sanitize(kk_body or ""))
    return [index for index, block in enumerate(ru_blocks) if not _filled(block, kk_blocks, index)]


def progress(ru_body, kk_body):
    """``(left, total)``: Russian body blocks still without a Kazakh block, and all of them."""
    total = len(workspace.blocks(richtext.sanitize(ru_body or "")))
    return len(missing_blocks(ru_body, kk_body)), total


def _ranges(positions):
    """[2, 7, 8, 9] → "3, 8–10" (numbered from 1, as a reader counts)."""
    runs = []
    for position in positions:
        if runs and position == runs[-1][1] + 1:
            runs[-1][1] = position
        else:
            runs.append([position, position])
    return ", ".join(
        str(start + 1) if start == end else f"{start + 1}–{end + 1}" for start, end in runs
    )


def untranslated(article, title, lead, body):
    """What a Kazakh version made of these texts still lacks, as the translator reads it:
    [] when it can be published."""
    parts = []
    if not (title or "").strip():
        parts.append(gettext("the headline"))
    if (article.lead_ru or "").strip() and not (lead or "").strip():
        parts.append(gettext("the lead"))
    missing = missing_blocks(article.body_ru, body)
    if missing:
        total = len(workspace.blocks(richtext.sanitize(article.body_ru or "")))
        parts.append(
            ngettext(
                "body block %(blocks)s of %(total)d",
                "body blocks %(blocks)s of %(total)d",
                len(missing),
            )
            % {"blocks": _ranges(missing), "total": total}
        )
    return parts


def live_texts(article):
    """The Kazakh texts readers see now, as a draft holds them."""
    return {
        "title": article.title_kk or "",
        "lead": article.lead_kk or "",
        "body": richtext.sanitize(article.body_kk or ""),
        "photos": {
            str(photo.pk): {name: getattr(photo, f"{name}_kk") or "" for name in PHOTO_FIELDS}
            for photo in article.photos.all()
        },
    }


def save(article, user, *, title, lead, body, photos):
    """Keep the typed Kazakh texts as the article's draft; returns it.

    A draft that says exactly what readers already see is no draft: it is
    deleted (None), so opening the workspace and saving starts nothing.
    """
    texts = {"title": title or "", "lead": lead or "", "body": richtext.sanitize(body or "")}
    live = live_texts(article)
    photos = {key: value for key, value in photos.items() if value != live["photos"].get(key)}
    if all(texts[name] == live[name] for name in texts) and not photos:
        discard(article)
        return None
    draft = draft_of(article)
    if draft is None:
        draft = KazakhDraft(article=article, started_from=article.version)
    for name, value in texts.items():
        setattr(draft, name, value)
    # Photos keep only the texts that differ from the live ones: a photo
    # whose texts are published as typed has nothing to publish.
    draft.photos = photos
    draft.saved_by = user if getattr(user, "pk", None) else None
    draft.saved_at = timezone.now()
    draft.save()
    article.kazakh_draft = draft
    return draft


# The draft's save time the workspace was opened with, sent back with its form.
STAMP_FIELD = "kazakh_draft_saved_at"


def stamp(draft):
    return draft.saved_at.isoformat() if draft is not None else ""


def conflict(article, opened_with):
    """Why a save from a workspace opened with the draft stamped ``opened_with`` would
    replace someone's newer work (a sentence), or None.

    The draft's row is locked until the admin's transaction ends, so two saves of
    the same draft go one after the other, the second one refused.
    """
    if opened_with is None:
        return None
    # No join here: PostgreSQL locks no row on the nullable side of one (saved_by).
    current = KazakhDraft.objects.select_for_update().filter(article=article).first()
    if stamp(current) == opened_with:
        return None
    if current is None:
        return gettext(
            "The Kazakh draft you opened has been published or discarded since: "
            "saving now would replace what is there."
        )
    return gettext(
        "%(user)s saved the Kazakh draft at %(time)s, after you opened it: saving now "
        "would replace their text."
    ) % {
        "user": current.saved_by.get_username() if current.saved_by else "—",
        "time": formats.time_format(timezone.localtime(current.saved_at), "TIME_FORMAT"),
    }


def discard(article):
    KazakhDraft.objects.filter(article=article).delete()
    article._state.fields_cache.pop("kazakh_draft", None)


def state(article):
    """``(key, label)``: the Kazakh version as the article lists show it."""
    draft = draft_of(article)
    translation = article.translation_state
    if translation == "missing":
        if draft is None:
            return "missing", pgettext("Kazakh version", "not translated")
        left, total = progress(article.body_ru, draft.body)
        if left or not draft.title:
            return "in-progress", in_progress_label(left, total)
        return "ready", pgettext("Kazakh version", "ready to publish")
    if translation == "outdated":
        base = pgettext("Kazakh version", "outdated")
    elif article.is_published:
        base = pgettext("Kazakh version", "published")
    else:
        base = pgettext("Kazakh version", "translated")
    if draft is None:
        return translation, base
    left, total = progress(article.body_ru, draft.body)
    update = pgettext("Kazakh version", "%(state)s, update in progress") % {"state": base}
    if left:
        update = f"{update}: {in_progress_label(left, total, short=True)}"
    return "updating", update


def in_progress_label(left, total, short=False):
    text = ngettext(
        "%(left)d of %(total)d block left", "%(left)d of %(total)d blocks left", total
    ) % {"left": left, "total": total}
    return text if short else pgettext("Kazakh version", "in progress: %(left)s") % {"left": text}
