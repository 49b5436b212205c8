"""Photos: what an upload may be, how it is cleaned, and its renditions.

News photos come from phones, agencies and screen grabs: huge, rotated,
carrying GPS, sometimes broken or hostile. This module is the one place that
decides what happens to them:

1. **Checks, by content** (``inspect``): size in bytes, then the header only
   (format must be JPEG, PNG, WebP or GIF whatever the file is called; pixel
   count under the limit, so a decompression bomb is refused before it is
   decoded), then a full decode (a truncated file is refused), and no web page
   code hidden around the picture (polyglots). Every refusal is a
   ``ValidationError`` with a message for the editor.
2. **Normalisation** (``normalise``, from ``PhotoFieldFile.save``) before the
   file reaches storage, whatever path saves it: EXIF orientation applied,
   colours converted to sRGB (CMYK included), animated images reduced to
   their first frame, and the picture re-encoded with no metadata at all, so
   GPS never reaches the storage.
3. **Renditions** (``make_renditions``), once, when the photo is saved (on
   commit): several widths, WebP and a JPEG fallback, written through Django's
   storage API, so they work unchanged on S3-compatible storage. Their names
   are kept in ``Photo.renditions``; templates build URLs from those names and
   never open a file during a page view.
4. **Clean-up**: deleting a photo (or its article) deletes its files.

Easy-thumbnails and sorl make thumbnails lazily, during a page view, and hide
their errors (a missing thumbnail is logged nowhere); plain Pillow here does
the work once, at upload, and a failure is logged.
"""

import io
import logging
import posixpath
import re
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MB = 1024 * 1024

# Pillow format name → the extension a stored original gets. MPO is how
# Pillow names the multi-picture JPEGs many phones write.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
JPEG_LIKE = {"JPEG", "MPO"}

# Rendition widths (CSS pixels × density a browser may ask for): a 390 px
# phone at 3x picks 1280, a 760 px column at 2x picks 1920.
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
ORIGINAL_JPEG_QUALITY = 90
JPEG_QUALITY = 80
WEBP_QUALITY = 76

# Web page code hidden in or after a picture (GIF/HTML, JPEG/JS polyglots).
# Markers are long enough not to occur by chance in compressed pixel data.
_CODE_MARKERS = re.compile(
    rb"<script|<iframe|<object|<embed|<!doctype\s+html|<html[\s>]|<body[\s>]|<\?php[\s]"
    rb"|javascript:|onload\s*=|onerror\s*=",
    re.IGNORECASE,
)
_CODE_PREFIXES = (
    b"<script",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<!doctype",
    b"<html",
    b"<body",
    b"<?php",
    b"javascript:",
    b"onload",
    b"onerror",
)
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")

MESSAGES = {
    "not_photo": _("This file is not a photo: use JPEG, PNG, WebP or GIF."),
    "too_large": _("The photo is too large: %(size)s MB; the limit is %(limit)s MB."),
    "too_many_pixels": _("The picture is too big: %(pixels)s megapixels; the limit is %(limit)s."),
    "damaged": _("The photo file is damaged or incomplete."),
    "code": _(
        "This file contains web page code besides the picture; "
        "export the photo again as JPEG or PNG."
    ),
}


def max_bytes():
    return settings.PHOTO_MAX_BYTES


def max_pixels():
    return settings.PHOTO_MAX_PIXELS


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.1f}".rstrip("0").rstrip(".")


def _too_many_pixels(pixels):
    return ValidationError(
        MESSAGES["too_many_pixels"],
        code="too_many_pixels",
        params={"pixels": _megapixels(pixels), "limit": _megapixels(max_pixels())},
    )


# 1. Checks -------------------------------------------------------------------


def _read_all(file):
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def inspect(file):
    """The decoded picture in ``file``, or a ValidationError saying why not.

    The result is kept on the file object, so the form, the model validator
    and the normalisation on save decode an upload once.
    """
    checked = getattr(file, "_newsroom_image", None)
    if checked is not None:
        return checked
    size = file.size
    if size is not None and size > max_bytes():
        raise ValidationError(
            MESSAGES["too_large"],
            code="too_large",
            params={"size": f"{size / MB:.1f}", "limit": f"{max_bytes() / MB:g}"},
        )
    data = _read_all(file)
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # pragma: no cover - a global someone flipped
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay off.")
    with warnings.catch_warnings():
        # Between MAX_IMAGE_PIXELS and twice that Pillow only warns (and
        # Django's ImageField accepts the file): make it an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Header only: nothing is decoded yet.
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            found = _BOMB_PIXELS.search(str(error))
            if found:
                raise _too_many_pixels(int(found.group(1))) from None
            raise ValidationError(MESSAGES["damaged"], code="damaged") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValidationError(MESSAGES["not_photo"], code="not_photo") from None
        if image.format not in ACCEPTED_FORMATS and image.format not in JPEG_LIKE:
            raise ValidationError(MESSAGES["not_photo"], code="not_photo")
        width, height = image.size
        if width < 1 or height < 1:
            raise ValidationError(MESSAGES["damaged"], code="damaged")
        if width * height > max_pixels():
            raise _too_many_pixels(width * height)
        try:
            # A full decode: a truncated JPEG passes verify() and Django's
            # ImageField, and fails only in load(). Animated images decode
            # their first frame only.
            image.load()
        except Exception:
            raise ValidationError(MESSAGES["damaged"], code="damaged") from None
    if _hides_code(data) or any(
        isinstance(value, (str, bytes)) and _hides_code(_as_bytes(value))
        for value in image.info.values()
    ):
        raise ValidationError(MESSAGES["code"], code="code")
    try:
        file._newsroom_image = image
    except AttributeError:  # pragma: no cover - a file object that takes no attributes
        pass
    return image


def _hides_code(data):
    """Whether web page code is hidden in the file (in metadata or after the picture).

    Plain substring search on the lowercased bytes, then the exact pattern at
    each hit: a regex over 25 MB would take a second.
    """
    lowered = data.lower()
    for prefix in _CODE_PREFIXES:
        start = lowered.find(prefix)
        while start != -1:
            if _CODE_MARKERS.match(lowered, start):
                return True
            start = lowered.find(prefix, start + 1)
    return False


def _as_bytes(value):
    return value if isinstance(value, bytes) else value.encode("utf-8", "replace")


def validate_photo(value):
    """Model-field validator: checks a new upload; a stored file is trusted."""
    if not value or getattr(value, "_committed", False):
        return
    inspect(getattr(value, "file", value))


class PhotoFormField(forms.ImageField):
    """An image form field that judges the content, with our messages.

    Django's ImageField opens the file with its own generic message and
    refuses names without an image extension ("photo" from a messenger);
    here the name does not matter, the content does.
    """

    default_validators = []

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        image = inspect(upload)
        upload.content_type = Image.MIME.get(image.format)
        return upload


class PhotoFieldFile(ImageFieldFile):
    """Every new picture is checked and normalised before it reaches the storage,
    whatever saves it: a form, ``Photo.objects.create(image=...)`` or
    ``photo.image.save(name, content)`` (as load_demo does)."""

    def save(self, name, content, save=True):
        clean, picture = normalised_upload(content)
        instance = self.instance
        instance.width, instance.height = picture.size
        instance.renditions = {}
        # Kept for the renditions made on commit: the picture is decoded once.
        instance._newsroom_picture = picture
        super().save(clean.name, clean, save)


class PhotoField(models.ImageField):
    """The Photo.image field: our form field, file class and upload validator."""

    attr_class = PhotoFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_photo])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Django would parse the file to fill width/height when a model is
        # loaded or a file assigned: during a page view if they were empty, and
        # on a bomb before our checks. The normalisation on save sets them.
        return

    def deconstruct(self):
        # Checking uploads is not a database matter: migrations see a plain
        # ImageField, so tightening the checks never needs a migration.
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, "django.db.models.ImageField", args, kwargs


# 2. Normalisation --------------------------------------------------------------

_SRGB = None


def _srgb_profile():
    global _SRGB  # noqa: PLW0603 - built once per process
    if _SRGB is None:
        _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _SRGB


def _has_alpha(image):
    return image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or (
        image.mode == "P" and "transparency" in image.info
    )


def _to_srgb(image):
    """RGB in sRGB: CMYK and wide-gamut phone photos (Display P3) converted with
    their ICC profile when they carry one, since re-encoding without ``exif=``
    drops the profile too, and the colours would shift."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in {"RGB", "CMYK"}:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode == "CMYK" or "srgb" not in (
                ImageCms.getProfileDescription(source) or ""
            ).lower().replace(" ", ""):
                return ImageCms.profileToProfile(image, source, _srgb_profile(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            logger.warning("Unusable ICC profile; converting colours without it.")
    return image if image.mode == "RGB" else image.convert("RGB")


def on_white(image):
    """The picture flattened onto white (JPEG has no transparency: Pillow refuses
    to write RGBA, LA or P images as JPEG)."""
    if not _has_alpha(image):
        return image if image.mode == "RGB" else image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def normalise(image):
    """(picture, format) to store: upright, sRGB, no metadata, one frame.

    JPEG and WebP become JPEG; PNG and GIF become PNG (screen grabs stay
    sharp, transparency is kept in the original). ``image`` is left as is.
    """
    source_format = image.format
    image.seek(0)  # the first frame of an animation is its still
    upright = ImageOps.exif_transpose(image)
    if _has_alpha(upright) and source_format in {"PNG", "GIF", "WEBP"}:
        clean = upright.convert("RGBA")
        target = "PNG"
    else:
        clean = _to_srgb(upright)
        target = "PNG" if source_format in {"PNG", "GIF"} else "JPEG"
    if clean is image:
        clean = image.copy()
    # What Pillow would write back from the source: comments, ICC, XMP, EXIF.
    clean.info = {}
    return clean, target


def encode(image, fmt, quality=None):
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(
            buffer,
            "JPEG",
            quality=quality or JPEG_QUALITY,
            optimize=True,
            progressive=True,
        )
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=quality or WEBP_QUALITY, method=4)
    else:
        image.save(buffer, "PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def normalised_upload(file):
    """(ContentFile to store, clean picture) for an upload, or ValidationError."""
    clean, target = normalise(inspect(file))
    quality = ORIGINAL_JPEG_QUALITY if target == "JPEG" else None
    content = ContentFile(encode(clean, target, quality), name=f"photo.{EXTENSIONS[target]}")
    return content, clean


# 3. Renditions -----------------------------------------------------------------


def rendition_widths(original_width):
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    if original_width <= RENDITION_WIDTHS[-1]:
        widths.append(original_width)
    return widths or [RENDITION_WIDTHS[-1]]


def _storage():
    # Photo.image names no storage of its own: it is Django's default storage
    # (local files, or S3 when configured).
    return default_storage


def is_stored(name):
    """Whether a photo file is still in storage (an old version may name a deleted one)."""
    return bool(name) and _storage().exists(name)


# Sent once a photo's renditions are stored; update() sends no model signal.
renditions_made = Signal()


def rendition_names(renditions):
    return [name for kind in ("jpeg", "webp") for _w, _h, name in renditions.get(kind, [])]


def make_renditions(photo, picture=None):
    """Write the photo's renditions through the storage API and record them.

    ``picture`` is the clean picture already in memory after an upload;
    without it (the rebuild command) the stored original is read once.
    Returns the new ``renditions`` value.
    """
    storage = _storage()
    name = photo.image.name
    # A new upload has a new name, so its rendition names are free; a rebuild
    # replaces files of the same names (storage.save would pick other names).
    rebuilding = picture is None
    if rebuilding:
        with storage.open(name, "rb") as stored:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                opened = Image.open(stored)
                opened.load()
        picture, _target = normalise(opened)
    picture = on_white(picture)
    width, height = picture.size
    old = rendition_names(photo.renditions or {})
    for stale in old:
        storage.delete(stale)
    base = posixpath.splitext(name)[0]
    renditions = {"original": name, "jpeg": [], "webp": []}
    # Largest first, each made from the one before: much faster than
    # resizing the full picture every time, and as sharp.
    current = picture
    for target_width in sorted(rendition_widths(width), reverse=True):
        target_height = max(1, round(height * target_width / width))
        if (target_width, target_height) != current.size:
            current = current.resize(
                (target_width, target_height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
        for kind, fmt, ext in (("webp", "WEBP", "webp"), ("jpeg", "JPEG", "jpg")):
            target = f"{base}-{target_width}.{ext}"
            if rebuilding:
                storage.delete(target)
            saved = storage.save(target, ContentFile(encode(current, fmt)))
            renditions[kind].insert(0, [target_width, target_height, saved])
    # update(), not save(): no signal, no loop, and only if the photo still
    # has this original (an editor may have replaced it meanwhile).
    updated = (
        type(photo)
        .objects.filter(pk=photo.pk, image=name)
        .update(renditions=renditions, width=width, height=height)
    )
    if not updated:
        for orphan in rendition_names(renditions):
            storage.delete(orphan)
        return photo.renditions
    photo.renditions, photo.width, photo.height = renditions, width, height
    # update() sends no signal: say so, or a page stored while the renditions
    # were being made would keep showing the bare original (the page cache
    # listens: pagecache/receivers.py).
    renditions_made.send(sender=type(photo), photo=photo)
    return renditions


def srcset(renditions, kind):
    storage = _storage()
    return ", ".join(
        f"{storage.url(name)} {width}w" for width, _h, name in renditions.get(kind, [])
    )


def pick(renditions, kind, max_width):
    """The widest rendition of ``kind`` not wider than ``max_width`` (or the narrowest)."""
    candidates = renditions.get(kind) or []
    if not candidates:
        return None
    fitting = [item for item in candidates if item[0] <= max_width]
    return fitting[-1] if fitting else candidates[0]


def url(name):
    return _storage().url(name)


# 4. Clean-up (articles/signals.py calls it when a photo is replaced or deleted) -------


def delete_files(names):
    storage = _storage()
    for name in names:
        if not name:
            continue
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete photo file %s", name)
