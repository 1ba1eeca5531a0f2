"""Background delivery of participation e-mails (django-tasks), with retries like the
PQRSD outbox: a row is locked while it is sent and marked sent in the same
transaction, so a repeated task never sends it twice."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from participation.models import Comment, DebatePage, DebateProposal, Notification

logger = logging.getLogger(__name__)

MAX_BACKOFF = 64


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(notification):
    """(subject, text body, headers) of a notification, in its language."""
    with translation.override(notification.language):
        return _render(notification)


def _render(notification):
    context = {"notification": notification, **notification.context}
    headers = {}
    if "comment" in context:
        context["comment"] = (
            Comment.objects.filter(pk=context["comment"]).select_related("page").first()
        )
        if context["comment"] is not None:
            context["page_url"] = absolute(context["comment"].page.url)
    if "debate" in context:
        context["debate"] = DebatePage.objects.filter(pk=context["debate"]).first()
        if context["debate"] is not None:
            context["page_url"] = absolute(context["debate"].url)
    if "proposal" in context:
        context["proposal"] = (
            DebateProposal.objects.filter(pk=context["proposal"]).select_related("debate").first()
        )
        if context["proposal"] is not None and context["proposal"].debate is not None:
            context["debate_url"] = absolute(context["proposal"].debate.url)
    if "page" in context:
        context.update(consultation_context(notification))
    if notification.follow_id:
        unsubscribe = absolute(
            reverse("participation:unfollow_token", args=[notification.follow.token])
        )
        context["unsubscribe_url"] = unsubscribe
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    context["appeal_url"] = absolute(reverse("pqr:file")) + "?tipo=claim"
    base = f"participation/email/{notification.kind}"
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
    body = render_to_string(f"{base}.txt", context)
    return subject, body, headers


def _in_language(page, language):
    """The live translation of ``page`` in ``language``, or ``page`` itself."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else page


def consultation_context(notification):
    """A consultation's e-mail (matrix published, norm issued): the consultation and
    its matrix and results pages in the participant's language, their comments with
    their answers, and the issued norm."""
    from participation.models import ConsultationPage

    context = notification.context
    page = ConsultationPage.objects.filter(pk=context["page"]).first()
    if page is None:
        return {"consultation": None}
    page = _in_language(page, notification.language)
    url = page.url or ""
    extra = {
        "consultation": page,
        "page_url": absolute(url),
        "matrix_url": absolute(url + page.reverse_subpage("matrix_route")),
        "results_url": absolute(url + page.reverse_subpage("results_route")),
    }
    if context.get("comments"):
        extra["answered"] = list(
            Comment.objects.filter(pk__in=context["comments"], page_id=context["page"])
            .select_related("answer", "section_version")
            .order_by("submit_date", "pk")
        )
    if context.get("norm"):
        from wagtail.models import Page

        norm = Page.objects.filter(pk=context["norm"]).first()
        if norm is not None:
            norm = _in_language(norm.specific, notification.language)
            extra["norm"] = norm
            extra["norm_url"] = absolute(norm.url or "")
    return extra


@task()
def deliver_notification(notification_id):
    with transaction.atomic():
        # lock the notification's row only: PostgreSQL refuses FOR UPDATE on the
        # nullable side of the outer join to ``follow``
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user", "follow")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.sent_at or not notification.user.email:
            return False
        if notification.follow_id is None and notification.kind == Notification.Kind.REPLY:
            return False  # unsubscribed since
        notification.attempts += 1
        subject, body, headers = render(notification)
        message = EmailMultiAlternatives(
            subject, body, None, [notification.user.email], headers=headers
        )
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            notification.save(update_fields=["attempts"])
            _retry(notification, error)
            return False
        notification.sent_at = timezone.now()
        notification.save(update_fields=["attempts", "sent_at"])
    return True


def _retry(notification, error):
    backend = deliver_notification.get_backend()
    if (
        notification.attempts >= settings.PARTICIPATION_EMAIL_MAX_ATTEMPTS
        or not backend.supports_defer
    ):
        logger.error("Participation e-mail %s not sent: %r", notification.pk, error)
        return
    delay = settings.PARTICIPATION_EMAIL_RETRY_SECONDS * min(
        2 ** (notification.attempts - 1), MAX_BACKOFF
    )
    logger.warning(
        "Participation e-mail %s failed (%r); retry in %s s", notification.pk, error, delay
    )
    deliver_notification.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        notification.pk
    )
