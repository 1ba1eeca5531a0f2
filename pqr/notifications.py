"""E-mails to citizens: queued by the services that file and move cases, rendered and
sent by the ``deliver_email`` task (pqr/tasks.py), on whichever backend TASKS names."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from .models import OutgoingEmail


def tracking_url(case, code, base_url=None):
    """The tracking link, on ``base_url`` (the host and port of the request that filed
    the case) or else PORTAL_BASE_URL."""
    base = (base_url or settings.PORTAL_BASE_URL).rstrip("/")
    query = urlencode({"radicado": case.radicado, "codigo": code})
    return f"{base}{reverse('pqr:track')}?{query}"


def _queue(case, kind, language, message="", code=None, base_url=None):
    """Record the e-mail in the caller's transaction and enqueue its delivery once that
    transaction commits, with plain arguments only (the row's id, the tracking code,
    which is stored nowhere else in clear, and the base URL of its links)."""
    if not case.email:
        return None
    email = OutgoingEmail.objects.create(case=case, kind=kind, message=message, language=language)
    from .tasks import deliver_email

    args = delivery_args(email.pk, code, base_url)
    transaction.on_commit(lambda: deliver_email.enqueue(*args))
    return email


def delivery_args(email_id, code=None, base_url=None):
    """The deliver_email task's arguments, without trailing defaults."""
    if base_url:
        return (email_id, code, base_url)
    return (email_id, code) if code else (email_id,)


def request_base_url(request):
    """The scheme, host and port the request came to ("http://127.0.0.1:8106")."""
    return request.build_absolute_uri("/").rstrip("/")


def queue_acknowledgement(case, code, base_url=None):
    """The acknowledgement (radicado, type, due date, tracking link), in the language
    the petition was filed in, when the case has an address."""
    language = translation.get_language()
    kind = OutgoingEmail.Kind.ACKNOWLEDGEMENT
    return _queue(case, kind, language, code=code, base_url=base_url)


def queue_status(case, message=""):
    """Tell the citizen the case changed, with the public message of the change (what
    to complete, where it was transferred, why) and the answer once answered, in the
    preferred language of the account that filed it (set in "Mi cuenta"), else the
    portal's. Always sent, whatever the citizen's notification preferences: the law
    requires notifying these changes (Ley 1755 de 2015)."""
    message = message if message != case.answer else ""
    language = (case.user.preferred_language if case.user_id else "") or settings.LANGUAGE_CODE
    return _queue(case, OutgoingEmail.Kind.STATUS, language, message=message)


def render(email, code=None, base_url=None):
    """(subject, body) of a queued e-mail, from the case as it is now."""
    case = email.case
    with translation.override(email.language or settings.LANGUAGE_CODE):
        if email.kind == OutgoingEmail.Kind.ACKNOWLEDGEMENT:
            context = {
                "case": case,
                "code": code,
                "tracking_url": tracking_url(case, code, base_url),
            }
            template = "pqr/email/acknowledgement"
        else:
            context = {"case": case, "message": email.message}
            template = "pqr/email/status"
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return subject, body
