"""Settings shared by every environment. Everything deployment-specific comes from the
environment (see ``.env.example`` and the README table); dev, test and production only
override what differs."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

SECRET_KEY = env_str("SECRET_KEY", "django-insecure-dev-only-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Portal apps
    "cms",
    "home",
    "transparency",
    "pqr",
    "surveys",
    "search",
    "gel",
    "subscriptions",
    "usage",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    # Accounts and comments
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_comments_xtd",
    "django_comments",
    # After django_comments_xtd: its ready() connects a pre-save handler that
    # participation's ready() disconnects (see participation/apps.py).
    "participation",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "csp",
]

MIDDLEWARE = [
    "cms.page_cache.UpdatePageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.security_headers.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.http_caching.CacheControlMiddleware",
    "cms.page_cache.FetchPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.request_limits.RequestBodyLimitMiddleware",
    "cms.null_bytes.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.staff_2fa.StaffTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.page_routing.PageRouteMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
AUTH_USER_MODEL = "cms.User"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database_config(url):
    """Parse DATABASE_URL; SQLite gets the options that let concurrent writers queue
    instead of failing with "database is locked" (IMMEDIATE transactions, a busy
    timeout and write-ahead logging)."""
    config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASES = {
    "default": database_config(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "soacha"),
            "TIMEOUT": 300,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal-soacha",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Spanish (Colombia) first, English second. URL prefixes and
# catalogues use the two-letter codes; formats come from Django's es_CO module.
LANGUAGE_CODE = "es"
# Language names are shown in their own language in the switcher.
LANGUAGES = [("es", "Español"), ("en", "English")]
# The language cookie: no script reads it, no other site sends it (Secure in production).
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Serve MEDIA_ROOT from Django when no web server, CDN or object storage does (one
# small server, `make lighthouse`); always on with DEBUG.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Private files (PQRSD attachments): outside MEDIA_ROOT, never served by a URL; read
# only through permission-checked views (pqr.storage).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies. Form fields (a long page's StreamField JSON included) may take 5 MB
# in memory; uploaded files above 2.5 MB go to a temporary file. A request whose
# Content-Length exceeds MAX_REQUEST_BODY_SIZE is refused with 413 before it is read
# (cms.request_limits): the largest upload (a 20 MB Wagtail document; PQRSD filings
# take at most 3 x 5 MB) plus 1 MB of form fields. The proxy's limit
# (nginx client_max_body_size) must be at least as large.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Email: console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Alcaldía de Soacha <no-responder@soacha.gov.co>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work through django-tasks (Wagtail's integration). "immediate" runs each
# task inside the request (make run, tests); "database" stores it in PostgreSQL for
# ``manage.py db_worker`` (django-tasks-db), the production default.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_config(name):
    """The TASKS setting for a TASKS_BACKEND name."""
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}."
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = tasks_config(TASKS_BACKEND)
# A citizen e-mail that fails on an SMTP or connection error is tried again after
# 1, 2, 4 … times this many seconds (capped at 64 times), at most PQR_EMAIL_MAX_ATTEMPTS times.
PQR_EMAIL_RETRY_SECONDS = env_int("PQR_EMAIL_RETRY_SECONDS", 60)
PQR_EMAIL_MAX_ATTEMPTS = env_int("PQR_EMAIL_MAX_ATTEMPTS", 8)
# E-mail subscriptions: an unconfirmed request expires after this many days
# (`manage.py expire_subscriptions` deletes it); deliveries retry like PQRSD e-mails.
SUBSCRIPTIONS_CONFIRM_DAYS = env_int("SUBSCRIPTIONS_CONFIRM_DAYS", 7)
SUBSCRIPTIONS_RETRY_SECONDS = env_int("SUBSCRIPTIONS_RETRY_SECONDS", 60)
SUBSCRIPTIONS_MAX_ATTEMPTS = env_int("SUBSCRIPTIONS_MAX_ATTEMPTS", 8)
# "Download my data": the e-mailed link works this many days (`manage.py
# expire_data_exports` then deletes the file).
DATA_EXPORT_DAYS = env_int("DATA_EXPORT_DAYS", 7)

# The portal's name (greetings of the account e-mails, django.contrib.sites' Site) and
# its public address, for links in e-mails sent outside a request (a link sent while
# answering a request uses that request's host). `make run` sets PORTAL_BASE_URL to
# http://127.0.0.1:$(PORT).
SITE_NAME = env_str("SITE_NAME", "Alcaldía de Soacha")
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL)
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# URLs stay ASCII ("nueva-ciclovia", not "nueva-ciclovía"), like every demo slug: they
# survive being typed, pasted in e-mails and read aloud.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: staff email hashes stay here and the admin loads no third-party image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Created by search/migrations/0002 on PostgreSQL: Spanish stemming + unaccent.
        "SEARCH_CONFIG": "spanish_unaccent",
    }
}
# Cross-request caches of the menus/footer pages and of search results (seconds; 0 = off).
# Any content change makes them stale at once in a shared cache (REDIS_URL); with the
# per-process local-memory cache, other workers catch up within this many seconds.
NAVIGATION_CACHE_SECONDS = env_int("NAVIGATION_CACHE_SECONDS", 60)
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300)
SEARCH_TABLES_CACHE_SECONDS = env_int("SEARCH_TABLES_CACHE_SECONDS", 300)
# Searches' hits for the admin's reports are written in batches this often (search.hits;
# 0 = one write per search).
SEARCH_HITS_FLUSH_SECONDS = env_int("SEARCH_HITS_FLUSH_SECONDS", 10)
# Video, audio and WebVTT captions are documents too (cms.media_blocks), served through
# Wagtail's view with the Content-Type pinned here rather than guessed from the host's
# mime.types (a <track> needs text/vtt).
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "odt", "ods", "pdf", "txt", "xlsx", "zip"),
    *("mp4", "webm", "mp3", "ogg", "opus", "vtt"),
]
WAGTAILDOCS_CONTENT_TYPES = {
    "mp4": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "opus": "audio/ogg",
    "vtt": "text/vtt",
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The largest upload (a 20 MB document) plus 1 MB of form; apps whose uploads could
# exceed it say so in a system check (pqr.E002).
MAX_REQUEST_BODY_SIZE = env_int(
    "MAX_REQUEST_BODY_SIZE",
    max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + 1024 * 1024,
)
WAGTAILEMBEDS_FINDERS = []
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# Reverse proxies of ours in front of the app (nginx: 1). The client address is taken
# that many entries from the right of X-Forwarded-For; 0 ignores the header (a client
# could forge it). Every rate limit and record uses cms.client_ip.client_ip.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Content-Security-Policy (django-csp). The public site runs no inline script without
# the request's nonce and no inline style at all; CONTENT_SECURITY_POLICY_ADMIN changes
# what the Wagtail admin needs (cms.security_headers). The env CSP_REPORT_ONLY=true sends
# the same policies as Content-Security-Policy-Report-Only; CSP_REPORT_URI gets reports.
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
_csp_report_uri = env_str("CSP_REPORT_URI")
_csp_directives = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}
if _csp_report_uri:
    _csp_directives["report-uri"] = [_csp_report_uri]
_csp_policy = {"DIRECTIVES": _csp_directives}
CONTENT_SECURITY_POLICY = None if _csp_report_only else _csp_policy
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_policy if _csp_report_only else None
# Directives replaced under the admin prefix. Wagtail 8 still writes inline scripts
# (chooser and date widgets, inline panels) and its modals run the scripts of HTML they
# load, so admin scripts need 'unsafe-inline' (a nonce would switch that off), but no
# 'unsafe-eval' and no inline event handler (script-src-attr). Its widgets set style
# attributes, its live preview frames admin URLs and uploads show blob: previews.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIX": "/admin/",
    "DIRECTIVES": {
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Permissions-Policy (django-permissions-policy): no powerful feature for anyone.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Accounts (django-allauth): email login, mandatory verification, rate limits through
# the shared cache, no third-party providers.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alcaldía de Soacha] "
ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
# Sign-up asks for the data-treatment consent and records it (cms.consents).
ACCOUNT_FORMS = {"signup": "cms.account_forms.SignupForm"}
# Per client address (cms.client_ip) and, for failed logins, per account ("key").
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
# Login-restricted pages send visitors to allauth too, never to Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Portal Soacha"
# Staff with admin access must enrol TOTP and use it (cms.staff_2fa); on in production.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", False)

# django-comments-xtd (threaded, moderated comments for consultations and debates)
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = False
# Comments of debates and consultations: xtd's threading plus the portal's moderation.
COMMENTS_XTD_MODEL = "participation.models.Comment"
# Participation (debates, consultations): see participation/README.md.
PARTICIPATION_EDIT_WINDOW = timedelta(minutes=15)
# Reports by this many distinct people hide a comment or debate until a moderator decides.
PARTICIPATION_REPORTS_TO_HIDE = env_int("PARTICIPATION_REPORTS_TO_HIDE", 3)
# A public form sent sooner than this after it was shown is taken for a robot's.
PARTICIPATION_MIN_FILL_SECONDS = env_int("PARTICIPATION_MIN_FILL_SECONDS", 3)
PARTICIPATION_EMAIL_MAX_ATTEMPTS = 8
PARTICIPATION_EMAIL_RETRY_SECONDS = 60

# Rate limits on public forms (django-ratelimit) use the shared cache.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "cms.client_ip.client_ip"
# Every rate of the portal's own views, read through cms.ratelimits.rate(name).
RATE_LIMITS = {
    "pqr_filing": "10/m",  # filing and completing a PQRSD
    "pqr_tracking": "20/m",  # looking a PQRSD up, rating its answer
    "search": "60/m",
    "search_suggest": "120/m",
    "survey_answer": "30/m",  # each step of a survey
    "poll_vote": "20/m",
    "page_feedback": "10/h",  # "¿Le fue útil esta página?"
    # Guesses at a private page's or document collection's password, per client and
    # restriction (cms.restriction_passwords).
    "view_restriction_guess": "10/m",
    # Participation, each per account and per address (participation/views).
    "participation_comment": "10/m",
    "participation_react": "60/m",
    "participation_report": "10/h",
    "participation_propose": "5/h",
    "participation_follow": "30/m",
    "participation_profile": "10/h",
    # Checking a participation certificate's code (participation.views.results).
    "participation_certificate_verify": "30/m",
    # The e-mail subscription form (subscriptions.views.subscribe).
    "subscribe": "10/h",
    # "Download my data" and "Delete my account" (cms.data_exports, cms.account_deletion),
    # per account and per address.
    "data_export": "3/h",
    "account_delete": "10/h",
    # The page-view beacon (usage.views.beacon): a reader opens a few pages a minute.
    "usage_beacon": "60/m",
}
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)

# Cache-Control of responses that are the same for everyone (cms.http_caching): seconds a
# browser may keep them, and seconds a shared cache (Varnish, a CDN) may, purged on
# publish.
CACHE_MAX_AGE = env_int("CACHE_MAX_AGE", 60)
CACHE_SHARED_MAX_AGE = env_int("CACHE_SHARED_MAX_AGE", 300)

# The shared caches in front of the portal (Varnish: deploy/varnish/default.vcl), purged
# on publish (cms/purge.py): a comma-separated list of their addresses, e.g.
# "http://127.0.0.1:6081". Empty: nothing is purged.
WAGTAILFRONTENDCACHE = {
    f"cache{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env_list("FRONTEND_CACHE_URLS"))
}

# The in-process page cache (cms/page_cache.py) for `make run` and deployments without
# Varnish: shareable pages kept in Django's cache (Redis with REDIS_URL), purged on publish.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

# First-party page-view counting (usage app). Off, pages carry no beacon attributes, so
# browsers send no beacon: `make bench` compares the page p95 with and without it.
USAGE_COUNTING = env_bool("USAGE_COUNTING", True)

# Demo content (users with known passwords) is never loaded where this is False.
DEMO_CONTENT_ALLOWED = True
