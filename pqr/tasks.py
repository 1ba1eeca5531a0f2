"""Background task: the daily due-date reminder to officials (django-tasks)."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task

from cms.roles import PQR_OFFICERS

from . import deadlines, terms, workflow
from .models import RUNNING, Case, ClosureDay


def reminders(today=None):
    """For each official: (user, overdue cases, cases due within DUE_SOON_DAYS)."""
    today = today or timezone.localdate()
    soon = deadlines.add_business_days(today, terms.DUE_SOON_DAYS, ClosureDay.dates())
    # Incomplete petitions are left out: their term is suspended.
    pending = Case.objects.filter(status__in=RUNNING, due_date__lte=soon).order_by("due_date")
    officials = (
        get_user_model()
        .objects.filter(groups__name=PQR_OFFICERS, is_active=True)
        .exclude(email="")
        .select_related("pqr_profile")
        .distinct()
    )
    for user in officials:
        cases = list(workflow.visible_cases(user, pending))
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
