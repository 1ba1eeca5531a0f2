"""The client's address, the one every rate limit and record of the site uses.

Behind reverse proxies, ``REMOTE_ADDR`` is the last proxy's address, shared by every
visitor. Each proxy appends the address it received the request from to
``X-Forwarded-For``, so with ``TRUSTED_PROXY_COUNT`` proxies of ours in front, the
client is the entry that many places from the right; anything further left was sent
by the client and may be forged. With no trusted proxy (0, the default) the header is
ignored entirely."""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder bucket, never bound to


def _clean(value):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The client's IP address as text. Falls back to ``REMOTE_ADDR`` when the proxies
    did not send the expected header (or sent junk in it), and to ``0.0.0.0`` when
    even that is missing, so a limit keyed on it never fails."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = forwarded.split(",")
        if len(hops) >= count:
            address = _clean(hops[-count])
            if address:
                return address
    return _clean(request.META.get("REMOTE_ADDR")) or UNKNOWN
