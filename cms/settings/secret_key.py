"""Refuse a SECRET_KEY that is not a real secret: Django's development default, the
placeholder of ``.env.example`` and anything else that reads like a placeholder, or a
string too short or too repetitive to be random."""

from django.core.exceptions import ImproperlyConfigured

ENV_EXAMPLE_KEY = "change-me-to-a-random-string-of-at-least-50-characters"
PLACEHOLDER_WORDS = ("change-me", "changeme", "change_me", "placeholder", "insecure", "example")
MIN_LENGTH = 50
#: a key from ``get_random_secret_key`` has about 35 distinct characters in 50
MIN_DISTINCT_CHARACTERS = 16


def weakness(key):
    """Why ``key`` is not acceptable in production, or ``None``."""
    lowered = key.lower()
    if key == ENV_EXAMPLE_KEY or any(word in lowered for word in PLACEHOLDER_WORDS):
        return "it is a placeholder"
    if len(key) < MIN_LENGTH:
        return f"it is shorter than {MIN_LENGTH} characters"
    if len(set(key)) < MIN_DISTINCT_CHARACTERS:
        return f"it has fewer than {MIN_DISTINCT_CHARACTERS} distinct characters"
    return None


def check_secret_key(key):
    reason = weakness(key)
    if reason:
        raise ImproperlyConfigured(
            f"SECRET_KEY is refused because {reason}: generate one with "
            "`python -c 'from django.core.management.utils import get_random_secret_key; "
            "print(get_random_secret_key())'`."
        )
    return key
