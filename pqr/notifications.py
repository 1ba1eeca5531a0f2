"""E-mails to citizens and officials (plain text, rendered from templates)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode


def tracking_url(case, code):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    query = urlencode({"radicado": case.radicado, "codigo": code})
    return f"{base}{reverse('pqr:track')}?{query}"


def send_acknowledgement(case, code):
    """The acknowledgement (radicado, type, due date, tracking link) when an address exists."""
    if not case.email:
        return
    context = {"case": case, "code": code, "tracking_url": tracking_url(case, code)}
    subject = render_to_string("pqr/email/acknowledgement_subject.txt", context).strip()
    body = render_to_string("pqr/email/acknowledgement.txt", context)
    send_mail(subject, body, None, [case.email])


def notify_status(case, message=""):
    """Tell the citizen the case changed, with the public message of the change (what
    to complete, where it was transferred, why) and the answer once answered."""
    if not case.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"case": case, "message": message if message != case.answer else ""}
        subject = render_to_string("pqr/email/status_subject.txt", context).strip()
        body = render_to_string("pqr/email/status.txt", context)
    send_mail(subject, body, None, [case.email])
