"""The handlers of SurveyPage's sub-routes, registered by the views.

The page model declares its routes (their URLs and names, so ``reverse_subpage`` and
the URL inventory keep working) and delegates each one here by name; the views register
their handler with ``@handles(name)`` when SurveysConfig.ready imports them. So the
model layer imports no view (import-linter contract in pyproject.toml)."""

_HANDLERS = {}


def handles(name):
    """Decorator: the view ``view(request, page, **kwargs)`` serves the route ``name``."""

    def decorator(view):
        if name in _HANDLERS:
            raise ValueError(f"route {name!r} already has a handler")
        _HANDLERS[name] = view
        return view

    return decorator


def dispatch(name, request, page, **kwargs):
    """Serve the page's route ``name`` with its registered view."""
    return _HANDLERS[name](request, page, **kwargs)
