"""Production refuses placeholder secrets and a per-process cache shared by several
workers; the language cookie is HttpOnly, SameSite=Lax and Secure in production."""

import secrets
from pathlib import Path

from django.core.management.utils import get_random_secret_key

import pytest

from tests.cms.test_settings import SETUP, production_env, run_django

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
ENV_EXAMPLE_KEY = next(
    line.split("=", 1)[1].strip()
    for line in ENV_EXAMPLE.read_text().splitlines()
    if line.startswith("SECRET_KEY=")
)


@pytest.mark.parametrize(
    "key",
    [
        ENV_EXAMPLE_KEY,
        "django-insecure-" + secrets.token_urlsafe(48),
        secrets.token_urlsafe(40) + "-changeme",
        "placeholder-" + secrets.token_urlsafe(48),
        "ab" * 40,  # long but only two distinct characters
        "0123456789" * 6,
        secrets.token_urlsafe(20),  # random but short
    ],
)
def test_production_refuses_placeholder_secret_keys(tmp_path, key):
    result = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, SECRET_KEY=key)
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


def test_production_accepts_a_random_secret_key(tmp_path):
    key = get_random_secret_key()
    result = run_django(
        SETUP + "print('ok')", "cms.settings.production", **production_env(tmp_path, SECRET_KEY=key)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_several_workers_need_a_shared_cache(tmp_path):
    refused = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, WEB_CONCURRENCY="4")
    )
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "REDIS_URL" in refused.stderr
    for extra in (
        {"WEB_CONCURRENCY": "1"},
        {"WEB_CONCURRENCY": "4", "REDIS_URL": "redis://r:6379/0"},
    ):
        started = run_django(
            SETUP + "print('ok')", "cms.settings.production", **production_env(tmp_path, **extra)
        )
        assert started.returncode == 0, started.stderr


def test_production_language_cookie_is_secure(tmp_path):
    code = SETUP + (
        "print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY, "
        "settings.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = run_django(code, "cms.settings.production", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "Lax"]


@pytest.mark.django_db
def test_language_cookie_is_httponly_and_samesite(client, settings):
    settings.LANGUAGE_COOKIE_SECURE = True
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"})
    assert response.status_code == 302
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Lax"
