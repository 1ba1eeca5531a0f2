"""Checks other apps add to a norm's validation, without transparency importing them
(it is a lower layer): an app registers a guard in its AppConfig.ready, and
NormPage.clean runs every guard. A guard takes the norm being saved and raises
django's ValidationError (a dict by field, or a message) to refuse the change; e.g.
participation keeps a consultation's draft a draft while comments wait for an answer."""

from django.core.exceptions import ValidationError

_GUARDS = []


def register(guard):
    """Add ``guard(norm)`` (once); returns it, so it can be used as a decorator."""
    if guard not in _GUARDS:
        _GUARDS.append(guard)
    return guard


def check(norm):
    """Run every guard; raise one ValidationError with all their errors."""
    errors = []
    for guard in _GUARDS:
        try:
            guard(norm)
        except ValidationError as error:
            errors.append(error)
    if errors:
        merged = {}
        for error in errors:
            merged = error.update_error_dict(merged)
        raise ValidationError(merged)
