"""Production: secrets and hosts only from the environment, HTTPS everywhere.

It refuses to start without SECRET_KEY and ALLOWED_HOSTS, and
``manage.py check --deploy --fail-level WARNING`` passes with it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str
from .secret_key import check_secret_key

DEBUG = False
SECRET_KEY = check_secret_key(env_str("SECRET_KEY", required=True))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS is required.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
LANGUAGE_COOKIE_SECURE = env_bool("LANGUAGE_COOKIE_SECURE", True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Rate limits, sessions and the content caches must be shared by every worker: with
# the per-process cache each worker counts its own attempts, so N workers allow N times
# the limits. Gunicorn reads WEB_CONCURRENCY as its worker count.
# E-mails and other background work wait in PostgreSQL for ``manage.py db_worker``, so
# a slow or absent mail server never holds up (or fails) a request.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
TASKS = tasks_config(TASKS_BACKEND)  # noqa: F405

WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 1)
if WEB_CONCURRENCY > 1 and not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        f"WEB_CONCURRENCY is {WEB_CONCURRENCY} but REDIS_URL is not set: several workers "
        "need a shared cache (rate limits, sessions, navigation). Set REDIS_URL or run one "
        "worker."
    )

# Each (sync) gunicorn worker keeps its database connection between requests instead
# of opening one per request, which costs PostgreSQL a new backend process every time;
# a connection the server has closed is replaced (health checks). DB_CONN_MAX_AGE=0
# opens one per request again.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

DEMO_CONTENT_ALLOWED = env_bool("DEMO_CONTENT_ALLOWED", False)
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
