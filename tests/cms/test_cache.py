"""The shared cache is a real Redis when REDIS_URL is set: rate limits and sessions
must hold across processes, so they are tested against the server, not a mock."""

import os

from django.core.cache.backends.redis import RedisCache

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "soacha-tests"})
    try:
        cache.set("ping", "pong", 5)
    except Exception as error:  # noqa: BLE001 - any connection failure
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 but Redis does not answer at {REDIS_URL}: {error}")
        pytest.skip(f"needs Redis at {REDIS_URL}")
    yield cache
    cache.clear()


@pytest.mark.django_db
def test_login_rate_limit_is_shared_through_redis(client, citizen, settings, redis_cache):
    """Failed logins counted in Redis lock the account out for every app server."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "soacha-tests",
        }
    }
    for _ in range(5):
        client.post("/es/cuentas/login/", {"login": citizen.email, "password": "mala-clave"})
    keys = redis_cache._cache.get_client().keys("soacha-tests:*")
    assert keys, "the rate-limit counters should live in Redis"
    response = client.post(
        "/es/cuentas/login/", {"login": citizen.email, "password": "una-clave-segura-123"}
    )
    assert "Demasiados intentos fallidos" in response.content.decode()
