"""Site-wide template context: the site's name, age mark and imprint."""

from django.conf import settings
from django.utils.translation import get_language


def site(request):
    language = get_language() or settings.LANGUAGE_CODE
    names = settings.NEWSROOM_SITE_NAME
    return {
        "site_name": names.get(language, names[settings.LANGUAGE_CODE]),
        "site_names": names,
        "site_age_mark": settings.NEWSROOM_AGE_MARK,
        "site_imprint": settings.NEWSROOM_IMPRINT,
        "site_url": settings.SITE_URL,
    }
