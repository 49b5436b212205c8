"""``check --deploy`` refuses a production set-up that still runs on demo values.

Left unset, ``SITE_URL`` points every feed, sitemap, canonical and Open Graph
link at ``http://127.0.0.1:8000``, and the imprint that Kazakhstan's media law
asks for shows the demo's invented owner, editor and registration number.
Nothing fails at run time: pages look fine to whoever deploys. So these are
errors of the deploy check (CI runs it), each naming the variables to set.
``NewsroomConfig.ready()`` registers them (``register()``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags
from django.core.checks import register as register_check


def _unset():
    """What production must set and has not (settings.py keeps the one list)."""
    return getattr(settings, "NEWSROOM_UNSET_PRODUCTION_SETTINGS", [])


def check_site_url(app_configs, **kwargs):
    """SITE_URL is the public https address, not the development default."""
    if settings.DEBUG:
        return []
    if "SITE_URL" in _unset():
        return [
            Error(
                f"SITE_URL is not set: feeds, sitemaps, canonical and Open Graph links "
                f"point at {settings.SITE_URL}.",
                hint="Set SITE_URL to the site's public address, e.g. https://news.example.kz",
                id="newsroom.E001",
            )
        ]
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme != "https" or not parts.netloc:
        return [
            Error(
                f"SITE_URL={settings.SITE_URL!r} is not an https address: links in feeds, "
                "sitemaps and shared posts would leave the site's HTTPS.",
                hint="Set SITE_URL to https://<the site's host>, e.g. https://news.example.kz",
                id="newsroom.E002",
            )
        ]
    return []


def check_imprint(app_configs, **kwargs):
    """The imprint names the real owner, editor-in-chief and registration."""
    if settings.DEBUG:
        return []
    unset = [name for name in _unset() if name.startswith("IMPRINT_")]
    if not unset:
        return []
    return [
        Error(
            "The imprint shows the demo's invented owner, editor-in-chief or registration number.",
            hint="Set " + ", ".join(unset) + " (the footer's legally required imprint).",
            id="newsroom.E003",
        )
    ]


def register():
    """Called from NewsroomConfig.ready()."""
    register_check(check_site_url, Tags.security, deploy=True)
    register_check(check_imprint, Tags.security, deploy=True)
