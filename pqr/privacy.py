"""Pages that show a petition (personal data): never cached, their address never sent
to another site, and reached through the session rather than a tracking code in the URL.

The policy is ``same-origin``, not ``no-referrer``: with ``no-referrer`` browsers send
``Origin: null`` on the pages' POST forms and Django's CSRF check refuses them. No URL
of these pages carries a code; the one that can (the e-mail's link) answers with a
redirect sent with ``no-referrer``."""

from functools import wraps

from django.utils.cache import add_never_cache_headers

from .models import Case

TRACKED_SESSION_KEY = "pqr_tracked"
TRACKED_KEPT = 10
ACK_SESSION_KEY = "pqr_ack"
ACK_KEPT = 5


def personal_data(view):
    """``Cache-Control: private, no-store`` (Django's never-cache headers) and
    ``Referrer-Policy: same-origin`` (unless the view chose a stricter one)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return wrapper


def remember_tracked(request, case):
    """This browser proved it holds the case's code: let it reopen the case by radicado."""
    tracked = [r for r in request.session.get(TRACKED_SESSION_KEY, []) if r != case.radicado]
    request.session[TRACKED_SESSION_KEY] = [*tracked, case.radicado][-TRACKED_KEPT:]


def tracked_case(request, radicado):
    if radicado not in request.session.get(TRACKED_SESSION_KEY, []):
        return None
    return Case.objects.select_related("rating").filter(radicado=radicado).first()


def remember_acknowledgement(request, case, code):
    """Keep the tracking code of a case this browser just filed, for its receipt
    (``pqr:acknowledgement``) and the follow-up link."""
    acks = request.session.get(ACK_SESSION_KEY, {})
    acks[case.radicado] = code
    request.session[ACK_SESSION_KEY] = dict(list(acks.items())[-ACK_KEPT:])
    remember_tracked(request, case)


def acknowledged_code(request, case):
    """The code this browser got when it filed ``case`` (None if another one did)."""
    return request.session.get(ACK_SESSION_KEY, {}).get(case.radicado)
