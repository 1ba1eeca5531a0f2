"""The handlers of ConsultationPage's sub-routes, registered by the views.

The page model declares its routes (URLs and names, so ``reverse_subpage`` and the
URL inventory keep working) and delegates each one here by name; the views register
their handler with ``@handles(name)`` when ParticipationConfig.ready imports them, so
the model layer imports no view (import-linter contract in pyproject.toml)."""

_HANDLERS = {}


def handles(name):
    """Decorator: ``view(request, page, *args)`` serves the route ``name``."""

    def decorator(view):
        if name in _HANDLERS:
            raise ValueError(f"route {name!r} already has a handler")
        _HANDLERS[name] = view
        return view

    return decorator


def serve(name, page, request, *args, **kwargs):
    return _HANDLERS[name](request, page, *args, **kwargs)
