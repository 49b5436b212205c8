"""Site-wide template context: the site's name, age mark, imprint and rubric menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import languages
from pagecache import fragments


def site(request):
    language = languages.current()
    names = settings.NEWSROOM_SITE_NAME
    return {
        "site_name": names.get(language, names[settings.LANGUAGE_CODE]),
        "site_names": names,
        "site_age_mark": settings.NEWSROOM_AGE_MARK,
        "site_imprint": {
            # A value may be one string, or {"ru": ..., "kk": ...} per language.
            key: value.get(language) or value.get(settings.LANGUAGE_CODE, "")
            if isinstance(value, dict)
            else value
            for key, value in settings.NEWSROOM_IMPRINT.items()
        },
        "site_url": settings.SITE_URL,
        # The rubric menu: one query, and only on pages that show the menu;
        # readers' pages share it from the cache (pagecache/fragments.py).
        "site_rubrics": SimpleLazyObject(lambda: fragments.rubric_menu(request)),
    }
