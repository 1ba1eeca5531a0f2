"""Guarding a view with an app's named rule (``<app>/rules.py``)."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def rule_required(rule):
    """Refuse the view (403; in the admin Wagtail turns it into a redirect to the
    dashboard with a message) unless ``rule(request.user)`` holds."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not rule(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator
