"""Where a form may send the browser next: only back to this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback, value=None):
    """``value`` (by default the ``next`` field of the form, then of the query) when it
    is a path on this site, else ``fallback``.

    Only absolute paths are accepted ("/es/noticias/"), never another host, a scheme
    change or a bare word such as ``abc`` (``redirect()`` would take it for a view name
    and fail)."""
    if value is None:
        value = request.POST.get("next") or request.GET.get("next") or ""
    if (
        isinstance(value, str)
        and value.startswith("/")
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return fallback
