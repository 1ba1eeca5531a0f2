"""Test settings: fast hashing, in-memory email, immediate tasks, a temporary media
folder. PostgreSQL tests read TEST_DATABASE_URL (or DATABASE_URL)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import database_config
from .env import env_str

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="soacha-test-media-")
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="soacha-test-private-"))
STATIC_ROOT = tempfile.mkdtemp(prefix="soacha-test-static-")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL = "http://testserver"

_test_db_url = env_str("TEST_DATABASE_URL")
if _test_db_url:
    DATABASES = {"default": database_config(_test_db_url)}
elif not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_config("sqlite:///:memory:")}

REDIS_URL = None
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-soacha-tests",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PAGE_CACHE = False  # tests that need it turn it on
SEARCH_HITS_FLUSH_SECONDS = 0  # every search's hit is written at once (search.hits)
