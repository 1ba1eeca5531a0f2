"""Background tasks (django-tasks): citizen e-mails with retries, and the daily
due-date reminder to officials."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task

from . import deadlines, notifications, rules, terms
from .models import RUNNING, Case, ClosureDay, OutgoingEmail

logger = logging.getLogger(__name__)

# The longest wait between two tries, in multiples of PQR_EMAIL_RETRY_SECONDS.
MAX_BACKOFF = 64


@task()
def deliver_email(email_id, code=None, base_url=None):
    """Send one queued citizen e-mail exactly once.

    The row is locked while it is sent and marked sent in the same transaction, so a
    repeated task finds it sent and does nothing. On an SMTP or connection error the
    task enqueues itself again after 1, 2, 4 … retry periods (capped), up to
    PQR_EMAIL_MAX_ATTEMPTS tries, then logs an error and leaves the row unsent."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update()
            .select_related("case")
            .filter(pk=email_id)
            .first()
        )
        if email is None or email.sent_at or not email.case.email:
            return False  # already delivered, or the case or its address was erased
        email.attempts += 1
        subject, body = notifications.render(email, code, base_url)
        try:
            send_mail(subject, body, None, [email.case.email])
        except (smtplib.SMTPException, OSError) as error:
            email.save(update_fields=["attempts"])
            _retry(email, code, base_url, error)
            return False
        email.sent_at = timezone.now()
        email.save(update_fields=["attempts", "sent_at"])
    return True


def _retry(email, code, base_url, error):
    backend = deliver_email.get_backend()
    if email.attempts >= settings.PQR_EMAIL_MAX_ATTEMPTS or not backend.supports_defer:
        logger.error(
            "E-mail %s for case %s not sent after %s attempt(s): %r",
            email.pk,
            email.case.radicado,
            email.attempts,
            error,
        )
        return
    delay = settings.PQR_EMAIL_RETRY_SECONDS * min(2 ** (email.attempts - 1), MAX_BACKOFF)
    logger.warning(
        "E-mail %s for case %s failed (%r); retrying in %s s",
        email.pk,
        email.case.radicado,
        error,
        delay,
    )
    args = notifications.delivery_args(email.pk, code, base_url)
    deliver_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args)


def reminders(today=None):
    """For each official: (user, overdue cases, cases due within DUE_SOON_DAYS)."""
    today = today or timezone.localdate()
    soon = deadlines.add_business_days(today, terms.DUE_SOON_DAYS, ClosureDay.dates())
    # Incomplete petitions are left out: their term is suspended.
    pending = Case.objects.filter(status__in=RUNNING, due_date__lte=soon).order_by("due_date")
    officials = rules.official_users().exclude(email="").select_related("pqr_profile").distinct()
    for user in officials:
        cases = list(rules.visible_cases(user, pending))
        if cases:
            overdue = [case for case in cases if case.due_date < today]
            due_soon = [case for case in cases if case.due_date >= today]
            yield user, overdue, due_soon


@task()
def send_due_reminders():
    """E-mail each official the overdue cases and those due within 3 business days."""
    sent = 0
    with translation.override("es"):
        for user, overdue, due_soon in reminders():
            context = {"overdue": overdue, "due_soon": due_soon, "days": terms.DUE_SOON_DAYS}
            body = render_to_string("pqr/email/reminder.txt", context)
            subject = render_to_string("pqr/email/reminder_subject.txt", context).strip()
            send_mail(subject, body, None, [user.email])
            sent += 1
    return sent
