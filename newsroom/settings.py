"""Settings for Newsroom, read from the environment.

Development needs nothing set: SQLite next to manage.py, a local-memory cache
and media on the local disk. Production (``DEBUG=false``) refuses to start
without a ``SECRET_KEY`` and turns on every ``check --deploy`` protection.
Every variable is documented in the README.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def envbool(name, default):
    """A strict boolean: anything but a known spelling is an error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use true or false.")


def envint(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number.") from None


def envfloat(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a number of seconds.") from None
    if not value > 0:
        raise ImproperlyConfigured(f"{name}={raw!r}: must be more than 0.")
    return value


def envlist(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG=false Newsroom refuses to start "
            "without it; generate one with: python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # Django's admin, with our AdminSite subclass as admin.site (newsroom/admin.py).
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "taggit",
    "reversion",
    "django_prose_editor",
    # Editors' accounts: login throttling, second factor (TOTP + recovery codes).
    "django_otp",
    "accounts.apps.OTPTOTPConfig",
    "accounts.apps.OTPStaticConfig",
    "accounts.apps.AxesConfig",
    # One app per idea, from the ground up (the layers contract in pyproject.toml):
    # what every app stands on, the audit log, the content, then the features.
    "groundwork",
    "audit",
    "articles",
    "search",
    "viewcounts",
    "pagecache",
    "translations",
    "accounts.apps.AccountsConfig",
    # Readers identified by phone, their comments and moderation.
    "comments",
    # Background work: Django's tasks framework (the django-tasks backport)
    # with its database backend; `manage.py db_worker` runs the tasks.
    "django_tasks",
    "django_tasks_db",
    # The newsroom's Telegram channels, one per language.
    "telegram",
    # The WordPress (WXR) import and the old addresses it brings along.
    "wordpress",
    # Development data; nothing else imports it.
    "demo",
    # The project: URLs, the admin site, health, backup, deploy checks.
    "newsroom.apps.NewsroomConfig",
]

MIDDLEWARE = [
    # NUL bytes and broken UTF-8 get a 400 before anything reads them.
    "newsroom.middleware.RejectBadInputMiddleware",
    # The request's address, for absolute links in development (articles/siteurl.py).
    "articles.siteurl.SiteURLMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # View beacons (204, no content) are answered here: they need nothing that follows.
    "viewcounts.counters.BeaconMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Old WordPress addresses answer 301 before the page cache: a "not found"
    # it kept can never hide one.
    "wordpress.redirects.OldAddressMiddleware",
    # Before session/locale/CSRF: it sees their Vary and Set-Cookie, and a hit skips them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "newsroom.middleware.AdminMediaNonceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "newsroom.context_processors.site",
            ],
        },
    },
]

# Database: SQLite next to manage.py unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # The web process and the task worker write to one file: WAL lets readers
    # read while one writes, a busy timeout makes a writer wait its turn
    # instead of failing with "database is locked", and IMMEDIATE
    # transactions take the write lock up front (a read lock upgraded later
    # cannot wait, it fails at once).
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("timeout", envint("SQLITE_BUSY_SECONDS", 20))
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    # libpq's smallest timeout: a database that does not answer within it
    # gets readers the 503 page in under 3 seconds (newsroom/health.py).
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", envint("DB_CONNECT_TIMEOUT", 2))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (Telegram posts, CDN purges, the view-count flush) goes
# through Django's tasks framework. The database backend is the embedded
# default: the queue is a table, workers (`manage.py db_worker`) run on any
# number of machines. The README shows how to use RQ on Redis instead.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /healthz says "degraded" when a task has waited longer than this: no worker
# is running, or the workers cannot keep up.
TASKS_HEALTH_WAIT_SECONDS = envint("TASKS_HEALTH_WAIT_SECONDS", 120)

# Cache: local memory unless REDIS_URL names a Redis server.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_BREAKER_SECONDS = envfloat("REDIS_BREAKER_SECONDS", 5)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis that hangs: each call gives up after this...
                "SOCKET_CONNECT_TIMEOUT": envfloat("REDIS_CONNECT_TIMEOUT", 0.5),
                "SOCKET_TIMEOUT": envfloat("REDIS_SOCKET_TIMEOUT", 0.5),
                # ...and after one such failure this process skips Redis for
                # REDIS_BREAKER_SECONDS (newsroom/redisguard.py): the cache
                # API, raw clients and scripts alike.
                "CONNECTION_POOL_CLASS": "newsroom.redisguard.GuardedConnectionPool",
                # A Redis outage must not take reader pages down.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Full-page cache for anonymous readers (pagecache/middleware.py): how long a page
# stays in our cache (it is emptied on every content change anyway) and how
# long a CDN or reverse proxy may keep it.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_MAX_AGE = envint("PAGE_CACHE_MAX_AGE", 60)
# A CDN's or Varnish's purge-by-key endpoint (pagecache/purge.py): changed keys
# are POSTed there by a background task. Empty: none.
PAGE_CACHE_PURGE_URL = os.environ.get("PAGE_CACHE_PURGE_URL", "").strip()
if PAGE_CACHE_PURGE_URL and not PAGE_CACHE_PURGE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"PAGE_CACHE_PURGE_URL={PAGE_CACHE_PURGE_URL!r}: expected an http:// or https:// URL."
    )
PAGE_CACHE_PURGE_TOKEN = os.environ.get("PAGE_CACHE_PURGE_TOKEN", "")
PAGE_CACHE_PURGE_TIMEOUT = envint("PAGE_CACHE_PURGE_TIMEOUT", 2)

# View counting (viewcounts/counters.py): repeats from one reader within this
# window count once; a background task moves counts to the database
# VIEW_AUTOFLUSH_SECONDS after the first one since the last flush (0: only
# the flush_views command does).
VIEW_DEDUPE_SECONDS = envint("VIEW_DEDUPE_SECONDS", 1800)
VIEW_AUTOFLUSH_SECONDS = envint("VIEW_AUTOFLUSH_SECONDS", 5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian (default, no URL prefix) and Kazakh (/kk/).
# Never read from the environment: modeltranslation columns follow this list.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
]
# Our catalogs win; locale_vendor/ fills what Django and the apps ship without (kk, ru).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True
# Asia/Aqtau is UTC+5 whatever the tzdata version (Asia/Almaty moved in 2024).
TIME_ZONE = "Asia/Aqtau"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "kk")
# A reader never gets Russian text on a Kazakh page: no fallbacks, no copying.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
MODELTRANSLATION_ENABLE_FALLBACKS = False
MODELTRANSLATION_AUTO_POPULATE = False
# Served from our own static files: the admin loads nothing from a third party.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Photo uploads (articles/images.py): larger files or pictures are refused
# with a message; the pixel limit is checked before anything is decoded.
PHOTO_MAX_BYTES = envint("PHOTO_MAX_BYTES", 25 * 1024 * 1024)
PHOTO_MAX_PIXELS = envint("PHOTO_MAX_PIXELS", 50_000_000)

# Hashed, compressed static files in production; plain ones in development
# and tests, which run without collectstatic.
STATIC_MANIFEST = envbool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Public news photos: stable URLs (cached pages outlive signed ones) and
    # never overwrite a file that a cached page still points to.
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL") or None
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}

# Security. Development stays plain HTTP; production turns everything on.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if envbool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# Staff sessions last a working day, not Django's two weeks.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 12 * 60 * 60)

# Bad input is a 400, never a 500: Django's own limits, spelled out.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100

# How many reverse proxies in front of the app append to X-Forwarded-For.
# 0 (the default) trusts only the socket address; a forged header changes
# nothing. See groundwork.requests.client_ip.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# Login throttling (django-axes): lock an account, and separately a client,
# after repeated failures; the right password is refused until the cool-off.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "groundwork.requests.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Second factor for the admin: on whenever DEBUG is off.
ADMIN_REQUIRE_2FA = envbool("ADMIN_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Newsroom")
OTP_RECOVERY_CODES = 10

# Content-Security-Policy (django-csp): no inline script anywhere. Reader
# pages need no nonce, so their header is the same for every request and a
# cached page stays valid; the admin's prose editor import map gets a nonce
# (newsroom.middleware.AdminMediaNonceMiddleware). The admin still sets a few
# inline style attributes, so styles alone allow 'unsafe-inline'.
_MEDIA_ORIGINS = []
if MEDIA_URL.startswith(("https://", "http://")):
    _scheme, _, _host = MEDIA_URL.split("/")[:3]
    _MEDIA_ORIGINS.append(f"{_scheme}//{_host}")
if AWS_STORAGE_BUCKET_NAME and AWS_S3_CUSTOM_DOMAIN:
    _MEDIA_ORIGINS.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Readers' comments (comments/): art. 36 п.5-1 of «Об информатизации» lets a
# site publish a comment only from a reader identified by a one-time SMS code
# who accepted its rules. See the README's "Readers' comments" section.
COMMENTS_PREMODERATION = envbool("COMMENTS_PREMODERATION", True)
COMMENTS_MAX_LENGTH = envint("COMMENTS_MAX_LENGTH", 2000)
# Raise it whenever templates/comments/terms_text.html changes: readers accept again.
COMMENTS_TERMS_VERSION = os.environ.get("COMMENTS_TERMS_VERSION", "2026-12-01")
COMMENTS_PER_READER_HOUR = envint("COMMENTS_PER_READER_HOUR", 10)
COMMENTS_PER_ADDRESS_HOUR = envint("COMMENTS_PER_ADDRESS_HOUR", 30)
READER_CODES_PER_PHONE_HOUR = envint("READER_CODES_PER_PHONE_HOUR", 3)
READER_CODES_PER_ADDRESS_HOUR = envint("READER_CODES_PER_ADDRESS_HOUR", 10)
# The law: identification data is kept while the account is open and 3 months after.
READER_RETENTION_DAYS = envint("READER_RETENTION_DAYS", 92)
# The SMS gateway (comments/sms.py): the console backend logs codes (development);
# HttpBackend posts to a provider. The token is a secret: never logged.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "comments.sms.ConsoleBackend")
SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL", "")
SMS_HTTP_SENDER = os.environ.get("SMS_HTTP_SENDER", "")
SMS_HTTP_TOKEN = os.environ.get("SMS_HTTP_TOKEN", "")
SMS_HTTP_TIMEOUT = envint("SMS_HTTP_TIMEOUT", 5)

# The newsroom's Telegram channels (telegram/, README "Telegram"): a bot
# token from @BotFather and each language's channel ("@name" or a numeric
# id such as -1001234567890). A language without a channel is not posted;
# nothing set: the feature is off and the admin says so.
_TELEGRAM_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{20,100}")
_TELEGRAM_CHAT = re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{5,20}")


def envtelegramchat(name):
    value = os.environ.get(name, "").strip()
    if value and not _TELEGRAM_CHAT.fullmatch(value):
        raise ImproperlyConfigured(
            f"{name}={value!r}: expected a channel's @username or its numeric id "
            "(-100…, as @username_to_id_bot or the channel's link shows it)."
        )
    return value


TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
if TELEGRAM_BOT_TOKEN and not _TELEGRAM_TOKEN.fullmatch(TELEGRAM_BOT_TOKEN):
    raise ImproperlyConfigured(
        "TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather "
        "(digits, a colon, then letters, digits, _ and -)."
    )
TELEGRAM_CHANNEL_RU = envtelegramchat("TELEGRAM_CHANNEL_RU")
TELEGRAM_CHANNEL_KK = envtelegramchat("TELEGRAM_CHANNEL_KK")
if TELEGRAM_BOT_TOKEN and not (TELEGRAM_CHANNEL_RU or TELEGRAM_CHANNEL_KK):
    raise ImproperlyConfigured(
        "TELEGRAM_BOT_TOKEN is set but no channel is: set TELEGRAM_CHANNEL_RU and/or "
        "TELEGRAM_CHANNEL_KK, or unset the token."
    )
if (TELEGRAM_CHANNEL_RU or TELEGRAM_CHANNEL_KK) and not TELEGRAM_BOT_TOKEN:
    raise ImproperlyConfigured("A Telegram channel is set but TELEGRAM_BOT_TOKEN is not.")
TELEGRAM_API_URL = (os.environ.get("TELEGRAM_API_URL") or "https://api.telegram.org").rstrip("/")
if not TELEGRAM_API_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        f"TELEGRAM_API_URL={TELEGRAM_API_URL!r}: expected an http:// or https:// URL."
    )
# Telegram allows about 20 messages a minute in one channel.
TELEGRAM_POSTS_PER_MINUTE = envint("TELEGRAM_POSTS_PER_MINUTE", 20)
if not 1 <= TELEGRAM_POSTS_PER_MINUTE <= 60:
    raise ImproperlyConfigured("TELEGRAM_POSTS_PER_MINUTE: expected 1 to 60.")
# How long one Bot API call may take (an upload of a photo included).
TELEGRAM_TIMEOUT = envfloat("TELEGRAM_TIMEOUT", 30)

# What the site says about itself: the name in both languages, the age mark
# and the imprint Kazakhstan's media law asks for.
SITE_URL = (os.environ.get("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
# Unset in development: absolute links follow the address the site is served
# on (articles/siteurl.py). With DEBUG off, SITE_URL always decides.
SITE_URL_FROM_REQUEST = not os.environ.get("SITE_URL")
NEWSROOM_SITE_NAME = {
    "ru": os.environ.get("SITE_NAME_RU", "Новости Актау и Мангыстау"),
    "kk": os.environ.get("SITE_NAME_KK", "Ақтау және Маңғыстау жаңалықтары"),
}
NEWSROOM_AGE_MARK = os.environ.get("SITE_AGE_MARK", "18+")
NEWSROOM_IMPRINT = {
    # Texts in both languages (IMPRINT_*_RU / IMPRINT_*_KK); contacts are one value.
    "owner": {
        "ru": os.environ.get("IMPRINT_OWNER_RU", "ТОО «Каспий Медиа»"),
        "kk": os.environ.get("IMPRINT_OWNER_KK", "«Каспий Медиа» ЖШС"),
    },
    "editor_in_chief": {
        "ru": os.environ.get("IMPRINT_EDITOR_RU", "Асель Нурланова"),
        "kk": os.environ.get("IMPRINT_EDITOR_KK", "Әсел Нұрланова"),
    },
    "registration": {
        "ru": os.environ.get(
            "IMPRINT_REGISTRATION_RU", "Свидетельство о постановке на учёт № KZ00VPY00000000"
        ),
        "kk": os.environ.get(
            "IMPRINT_REGISTRATION_KK", "Есепке қою туралы куәлік № KZ00VPY00000000"
        ),
    },
    "address": {
        "ru": os.environ.get("IMPRINT_ADDRESS_RU", "г. Актау, 14 мкр., 1"),
        "kk": os.environ.get("IMPRINT_ADDRESS_KK", "Ақтау қ., 14 ш/а, 1"),
    },
    "email": os.environ.get("IMPRINT_EMAIL", "info@example.kz"),
    "phone": os.environ.get("IMPRINT_PHONE", "+7 7292 00-00-00"),
}
# What production must set itself: left unset, these show the demo's made-up
# values (a local SITE_URL, an invented owner, editor and registration), and
# `check --deploy` fails naming them (newsroom/checks.py).
NEWSROOM_UNSET_PRODUCTION_SETTINGS = [
    name
    for name in (
        "SITE_URL",
        "IMPRINT_OWNER_RU",
        "IMPRINT_OWNER_KK",
        "IMPRINT_EDITOR_RU",
        "IMPRINT_EDITOR_KK",
        "IMPRINT_REGISTRATION_RU",
        "IMPRINT_REGISTRATION_KK",
    )
    if not os.environ.get(name, "").strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redis_skipped": {"()": "newsroom.redisguard.DropSkipped"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # One line when the Redis breaker opens, not a traceback per skipped call.
        "django_redis.cache": {"filters": ["redis_skipped"]},
        # The console SMS backend's codes reach the terminal whatever LOG_LEVEL says.
        "comments.sms": {"level": "INFO"},
    },
}
