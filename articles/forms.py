"""Forms of the editors' admin.

``ArticleAdminForm`` carries the two guards an editor relies on: the version
they loaded (a save over someone else's newer version is refused, with their
input left in the form) and the publish permission (only editors publish or
schedule, whatever a forged POST says). ``CommaTagField`` reads tags split by
commas only, so "Новости Казахстана" stays one tag, and reuses an existing
tag whatever its letter case.
"""

from django import forms
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField, TagWidget

from articles import conflicts
from groundwork import spelling

from .models import Article, Tag

# Statuses a user without the publish permission may choose.
UNPUBLISHED_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)


def split_tags(text):
    """Names from a comma-separated string: trimmed, unquoted, no case duplicates."""
    names = []
    seen = set()
    for raw in (text or "").split(","):
        name = raw.strip().strip('"').strip()[:100]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def existing_spelling(names):
    """Map each name to the existing tag it means: same name in another case, or its Kazakh name.

    An editor working in Kazakh types "ақтау" and gets the tag "Актау" (its
    Kazakh name "Ақтау"), not a second tag. The candidates are fetched by
    their usual spellings and compared with casefold() (groundwork/spelling.py:
    SQLite folds only ASCII case).
    """
    if not names:
        return names
    query = Q()
    for name in names:
        for variant in spelling.variants(name):
            query |= Q(name=variant) | Q(name_kk=variant)
        query |= Q(name__iexact=name) | Q(name_kk__iexact=name)
    tags = list(Tag.objects.filter(query).order_by("pk"))
    # Kazakh names first, so that a tag's own (Russian) name wins a tie.
    known = {tag.name_kk.casefold(): tag.name for tag in reversed(tags) if tag.name_kk}
    known.update({tag.name.casefold(): tag.name for tag in tags})
    return [known.get(name.casefold(), name) for name in names]


class CommaTagWidget(TagWidget):
    """A text input listing tags as "a, b, c" (no quotes), with suggestions."""

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            names = [getattr(item, "name", item) for item in value]
            return ", ".join(sorted(names, key=str.casefold))
        return value


class CommaTagField(TagField):
    widget = CommaTagWidget

    def clean(self, value):
        value = forms.CharField.clean(self, value)
        return existing_spelling(split_tags(value))

    def has_changed(self, initial, data):
        # taggit compares its own sort of the stored names with the typed order
        # (the widget shows them sorted by casefold): every save "changed" them.
        if self.disabled:
            return False
        try:
            names = self.clean(data)
        except forms.ValidationError:
            return True
        stored = [getattr(tag, "name", tag) for tag in initial or []]
        return sorted(map(str.casefold, stored)) != sorted(map(str.casefold, names))


class ArticleAdminForm(forms.ModelForm):
    # The version the editor loaded; the admin compares it with the database.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    translation_done = forms.BooleanField(
        label=_("The Kazakh translation is up to date"),
        required=False,
        help_text=_(
            "Tick when the Kazakh text matches the current Russian text, even if "
            "you did not need to change it: the article leaves the translators' queue."
        ),
    )
    tags = CommaTagField(
        label=_("Tags"),
        required=False,
        help_text=_(
            "Separate tags with commas: Актау, Новости Казахстана. A tag's Kazakh name "
            "finds it too."
        ),
    )

    # Set by ArticleAdmin.get_form for the request being served.
    can_publish = False
    # The version found by the edit-conflict check (articles/conflicts.py).
    stored_version = None

    class Meta:
        model = Article
        # The admin passes the exact (per-language, per-role) list of fields.
        fields = ["rubric", "tags", "status", "published_at", "byline", "age_rating"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "loaded_version" in self.fields and self.instance.pk:
            self.fields["loaded_version"].initial = conflicts.loaded_version(self.instance)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                (value, label)
                for value, label in Article.Status.choices
                if value in UNPUBLISHED_STATUSES
            ]
        if "tags" in self.fields:
            self.fields["tags"].widget.attrs.update(
                {"list": "tag-suggestions", "autocomplete": "off", "class": "vTextField"}
            )

    def clean_status(self):
        status = self.cleaned_data.get("status")
        if not self.can_publish and status not in UNPUBLISHED_STATUSES:
            raise forms.ValidationError(_("Only editors can publish or schedule articles."))
        return status

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.stored_version = conflicts.check(self.instance, cleaned.get("loaded_version"))
        return cleaned


class PositionedInlineFormSet(BaseInlineFormSet):
    """Inline rows with a position: a new row whose position is left empty goes last.

    The position of a new row starts empty (not the model's default 0), so several
    rows added in one save get distinct positions after the article's other rows,
    in the order they are shown; a position typed in by hand is kept.
    """

    position_help_text = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        position = form.fields.get("position")
        if position is not None and form.instance.pk is None:
            position.required = False
            position.initial = None
            position.help_text = self.position_help_text
            form.initial.pop("position", None)

    def clean(self):
        super().clean()
        forms_kept = [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data")
            and "position" in form.fields
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]
        taken = {form.cleaned_data.get("position") for form in forms_kept} - {None}
        existing = [form.cleaned_data.get("position") for form in forms_kept if form.instance.pk]
        next_position = max((p for p in existing if p is not None), default=-1) + 1
        for form in forms_kept:
            if form.cleaned_data.get("position") is not None:
                continue
            while next_position in taken:
                next_position += 1
            form.cleaned_data["position"] = form.instance.position = next_position
            taken.add(next_position)


class PhotoInlineFormSet(PositionedInlineFormSet):
    """An article's photos: a new photo whose position is left empty goes last."""

    position_help_text = _("Leave empty to put the photo after the others.")


class ArticleSourceInlineFormSet(PositionedInlineFormSet):
    """An article's sources, numbered 0, 1, 2… in the order shown when their positions
    are left empty; a duplicate is refused in the editor's words, not field names."""

    position_help_text = _("Leave empty to put the source after the others.")

    def get_unique_error_message(self, unique_check):
        if set(unique_check) >= {"source", "role"}:
            return _("The same source is listed twice with the same role: remove one of them.")
        return super().get_unique_error_message(unique_check)
