"""The history of an article as a newsroom reads it, in the admin's language.

Django stores what a save changed as JSON with English names in it ("Changed
Image for photo “photos/2026/…/a1b2.jpg”", "Added article source “Lada.kz
(reports)”"), and django-reversion stores raw field values. This module turns
both into sentences and values an editor reads, in whoever opens the history:

- ``change_message``: a version's comment, photos named by caption or
  "Фото N", sources with their role in the admin's language, sentences that
  agree with what they speak of;
- ``related_names``: the photos, sources and tags of a version, by name;
- ``field_text``: one stored field value as the form shows it (a rubric by
  name, a status by its label, a date in the admin's format, yes/no).
"""

import datetime
import json
import re

from django.contrib.admin.models import LogEntry
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .models import ArticleSource, Photo, Source, Tag, TaggedArticle

# What a save did to a photo or a source of the article, per model: Russian
# and Kazakh need the sentence to agree with the noun.
_SENTENCES = {
    "photo": {
        "added": _("Added photo “{object}”."),
        "changed": _("Changed {fields} of photo “{object}”."),
        "deleted": _("Deleted photo “{object}”."),
    },
    "article source": {
        "added": _("Added source “{object}”."),
        "changed": _("Changed {fields} of source “{object}”."),
        "deleted": _("Deleted source “{object}”."),
    },
}
# Django's own sentences for any other model (its msgids).
_DJANGO_SENTENCES = {
    "added": "Added {name} “{object}”.",
    "changed": "Changed {fields} for {name} “{object}”.",
    "deleted": "Deleted {name} “{object}”.",
}
_CHANGED_FIELDS = _("Changed: {fields}.")

_PHOTO_NUMBER = re.compile(r"Photo (\d+)")
_WITH_ROLE = re.compile(r"(?P<name>.*) \((?P<role>[^()]*)\)", re.DOTALL)


def photo_name(number):
    return gettext("Photo %(number)d") % {"number": number}


def _field_label(label):
    """A changed field's label, stored in English, in the admin's language."""
    translated = gettext(label)
    if translated == label and label[:1].isupper():
        # Django stores capfirst(verbose_name); our catalogs know it in lower case.
        translated = capfirst(gettext(label[:1].lower() + label[1:]))
    return translated


class HistoryNames:
    """Names of an article's photos and sources for one history page (a few queries, once)."""

    def __init__(self):
        self._sources = None

    def source_name(self, source_id=None, stored_name=None):
        if self._sources is None:
            self._sources = {source.pk: source for source in Source.objects.all()}
        if source_id is not None and source_id in self._sources:
            return str(self._sources[source_id])
        for source in self._sources.values():
            if stored_name in (source.name_ru, source.name_kk):
                return str(source)
        return stored_name or ""

    def _object(self, kind, stored, revision):
        """The object of a stored change message, named in the admin's language."""
        if kind == "photo":
            if match := _PHOTO_NUMBER.fullmatch(stored):
                return photo_name(int(match[1]))
            # Stored by its Russian caption, or (saved before photos had names)
            # by its file: found in the version, it is named in the admin's language.
            for version in revision.version_set.select_related("content_type"):
                data = version.field_dict if version.content_type.model == "photo" else {}
                if stored in (
                    str(data.get("image")),
                    data.get("caption_ru"),
                    data.get("caption_kk"),
                ):
                    return photo_label(data)
            if stored.startswith("photos/"):
                return capfirst(gettext("photo"))
        if kind == "article source" and (match := _WITH_ROLE.fullmatch(stored)):
            with override(None):
                english = {str(label): value for value, label in ArticleSource.Role.choices}
            role = english.get(match["role"])
            if role is not None:
                name = self.source_name(stored_name=match["name"])
                return f"{name} ({ArticleSource.Role(role).label})"
        return stored

    def change_message(self, revision):
        """The comment of ``revision`` in the admin's language."""
        comment = revision.comment or ""
        if not comment.startswith("["):
            return gettext(comment) if comment else ""
        try:
            changes = json.loads(comment)
        except ValueError:
            return comment
        said = []
        for change in changes:
            for action in ("added", "changed", "deleted"):
                if action not in change:
                    continue
                details = change[action]
                fields = ", ".join(_field_label(label) for label in details.get("fields", []))
                if "name" not in details:
                    if action == "added":
                        said.append(gettext("Added."))
                    elif fields:
                        said.append(str(_CHANGED_FIELDS).format(fields=fields))
                    continue
                kind = details["name"]
                template = _SENTENCES.get(kind, {}).get(action) or gettext(
                    _DJANGO_SENTENCES[action]
                )
                said.append(
                    str(template).format(
                        name=gettext(kind),
                        object=self._object(kind, details.get("object", ""), revision),
                        fields=fields,
                    )
                )
        return " ".join(said) or LogEntry(change_message=comment).get_change_message()


def photo_label(data):
    """A photo (its stored field values) by its caption in the admin's language, else "Фото N"."""
    for field in (f"caption_{_language()}", "caption_ru", "caption_kk"):
        if data.get(field):
            return data[field]
    return photo_name((data.get("position") or 0) + 1)


def related_names(version, names=None):
    """Names of the photos, sources and tags saved with ``version``, by relation."""
    names = names or HistoryNames()
    items = {"photos": [], "article_sources": [], "tagged_items": []}
    tag_ids = []
    for item in version.revision.version_set.select_related("content_type"):
        model = item.content_type.model_class()
        data = item.field_dict
        if model is Photo:
            items["photos"].append((data.get("position") or 0, photo_label(data)))
        elif model is ArticleSource:
            role = ArticleSource.Role(data["role"]).label if data.get("role") else ""
            label = f"{names.source_name(data.get('source_id'))} ({role})"
            items["article_sources"].append((data.get("position") or 0, label))
        elif model is TaggedArticle:
            tag_ids.append(data.get("tag_id"))
    for tag in Tag.objects.filter(pk__in=tag_ids):
        # Kazakh pages show a tag's Kazakh name, until it has one its own name.
        name = tag.name_kk if tag.name_kk and _language() == "kk" else tag.name
        items["tagged_items"].append((0, name))
    return {
        relation: [label for _position, label in sorted(found)] for relation, found in items.items()
    }


def _language():
    return (get_language() or "ru").split("-")[0]


def field_text(field, value):
    """A stored value of ``field`` as the admin shows it: names, labels, local dates, yes/no."""
    if value is None or value == "":
        text = ""
    elif field.choices:
        text = dict(field.flatchoices).get(value, value)
    elif isinstance(field, models.BooleanField):
        text = gettext("Yes") if value else gettext("No")
    elif isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        text = related if related is not None else "—"
    elif isinstance(field, models.DateField):
        text = date_text(value)
    else:
        text = value
    return str(text)


def date_text(value):
    """A stored date or time (an object or ISO text) in the admin's language and time zone."""
    moment = value
    if isinstance(value, str):
        moment = parse_datetime(value) or parse_date(value) or value
    if isinstance(moment, datetime.datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(moment, datetime.date):
        return formats.date_format(moment, "DATE_FORMAT")
    return str(value)


def version_number(version_id):
    """A stored version's id as editors know it: the article's version number."""
    version = Version.objects.filter(pk=version_id).first()
    return (version.field_dict.get("version") if version else None) or version_id
