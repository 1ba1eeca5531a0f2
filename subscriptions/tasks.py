"""Subscription e-mails (django-tasks): the confirmation request, the fan-out of an
announcement to its subscribers, and each delivery, sent exactly once with retries."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task

from cms.models import NotificationPreference

from . import digests, services
from .lists import ALL_LISTS, RESULTS
from .models import Announcement, Delivery, Digest, Subscription

logger = logging.getLogger(__name__)
MAX_BACKOFF = 64
FAN_OUT_CHUNK = 500


def _message(template, context, to, language, unsubscribe=None, preferences=None):
    """A plain-text e-mail with a simple HTML alternative, rendered in ``language``;
    with the RFC 8058 one-click unsubscribe headers when ``unsubscribe`` is given."""
    with translation.override(language):
        context = {
            **context,
            "language": language,
            "unsubscribe_url": unsubscribe,
            "preferences_url": preferences,
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    headers = {}
    if unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(subject, text, None, [to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def _process(subscription, language):
    """The process page of a subscription to one process, in ``language``; else None."""
    if subscription.page_id is None:
        return None
    with translation.override(language):
        return subscription.page.specific.localized


@task()
def send_confirmation(subscription_id, token, base_url=None):
    """The one message a pending address gets: the link to confirm."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed_at:
        return False
    language = subscription.language
    context = {
        "subscription": subscription,
        "list_label": ALL_LISTS[subscription.list_key],
        "process": _process(subscription, language),
        "confirm_url": services.confirm_url(token, language, base_url),
        "days": settings.SUBSCRIPTIONS_CONFIRM_DAYS,
    }
    _message("subscriptions/email/confirm", context, subscription.email, language).send()
    return True


@task()
def fan_out(announcement_id, base_url=None):
    """Create one delivery per confirmed subscriber (a repeat creates none) and
    enqueue each delivery that is not sent yet. A subscriber signed in when they
    subscribed who chose daily or weekly digests gets the item in the digest instead
    (once, whatever the number of their matching subscriptions); "never", nothing."""
    announcement = Announcement.objects.select_related("page").filter(pk=announcement_id).first()
    if announcement is None or not announcement.page.live:
        return 0  # unpublished before the worker came to it
    rows = services.subscribers(announcement).values_list("pk", "user_id").order_by("pk")
    queued = 0
    for start in range(0, rows.count(), FAN_OUT_CHUNK):
        chunk = _immediate(announcement, list(rows[start : start + FAN_OUT_CHUNK]))
        Delivery.objects.bulk_create(
            [Delivery(subscription_id=pk, announcement=announcement) for pk in chunk],
            ignore_conflicts=True,
        )
        pending = Delivery.objects.filter(
            announcement=announcement, subscription_id__in=chunk, sent_at__isnull=True
        ).values_list("pk", flat=True)
        for delivery_id in pending:
            args = (delivery_id, base_url) if base_url else (delivery_id,)
            deliver.enqueue(*args)
            queued += 1
    return queued


def _immediate(announcement, rows):
    """The subscription ids of ``rows`` (id, user id) to send at once; the items of
    the citizens who chose a digest are held for it."""
    kind = NotificationPreference.Kind.DIGESTS
    frequencies = NotificationPreference.frequencies({u for _, u in rows if u}, kind)
    held = {user for user, frequency in frequencies.items() if digests.is_held(frequency)}
    if held:
        digests.hold_many(
            held,
            kind,
            announcement.list_key,
            f"announcement:{announcement.pk}",
            announcement.page_id,
        )
    never = NotificationPreference.Frequency.NEVER
    return [
        pk
        for pk, user in rows
        if user is None or not (user in held or frequencies.get(user) == never)
    ]


def render_delivery(delivery, base_url=None):
    """The e-mail of one delivery, in its subscriber's language (and the page in that
    language when it is translated)."""
    subscription = delivery.subscription
    language = subscription.language
    with translation.override(language):
        page = delivery.announcement.page.specific.localized
        url = page.get_url()
        if url and not url.startswith("http"):
            url = services.absolute(url, base_url)
    context = {
        "page": page,
        "page_url": url,
        "list_label": ALL_LISTS[subscription.list_key],
        "process": _process(subscription, language),
        "results": delivery.announcement.list_key == RESULTS,
    }
    unsubscribe = services.unsubscribe_url(subscription, base_url)
    return _message("subscriptions/email/item", context, subscription.email, language, unsubscribe)


@task()
def deliver(delivery_id, base_url=None):
    """Send one delivery exactly once: the row is locked while it is sent and marked
    sent in the same transaction. An SMTP or connection error retries after 1, 2, 4 …
    periods, up to SUBSCRIPTIONS_MAX_ATTEMPTS; an address the server refuses counts as
    a bounce at once."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("subscription", "announcement__page")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.sent_at or delivery.bounced:
            return False
        if delivery.subscription is None:
            return False  # unsubscribed meanwhile
        delivery.attempts += 1
        message = render_delivery(delivery, base_url)
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as error:
            _bounce(delivery, error)
            return False
        except (smtplib.SMTPException, OSError) as error:
            delivery.save(update_fields=["attempts"])
            _retry(delivery, base_url, error)
            return False
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["attempts", "sent_at"])
    return True


def _bounce(delivery, error):
    logger.warning("Subscription delivery %s bounced: %r", delivery.pk, error)
    delivery.bounced = True
    delivery.save(update_fields=["attempts", "bounced"])
    Subscription.objects.filter(pk=delivery.subscription_id).update(
        bounces=delivery.subscription.bounces + 1
    )


def _retry(delivery, base_url, error):
    backend = deliver.get_backend()
    if delivery.attempts >= settings.SUBSCRIPTIONS_MAX_ATTEMPTS or not backend.supports_defer:
        logger.error(
            "Subscription delivery %s not sent after %s attempt(s): %r",
            delivery.pk,
            delivery.attempts,
            error,
        )
        _bounce(delivery, error)
        return
    delay = settings.SUBSCRIPTIONS_RETRY_SECONDS * min(2 ** (delivery.attempts - 1), MAX_BACKOFF)
    logger.warning(
        "Subscription delivery %s failed (%r); retrying in %s s", delivery.pk, error, delay
    )
    args = (delivery.pk, base_url) if base_url else (delivery.pk,)
    deliver.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args)


def render_digest(digest, base_url=None):
    """A digest e-mail in its recipient's language: its items grouped by kind, each
    with the page (in that language when translated), the one-click unsubscribe
    headers and a link to the notification preferences."""
    user = digest.recipient
    language = digests.language_of(user)
    items = list(digest.items.select_related("page").order_by("kind", "created_at", "pk"))
    groups = {}
    with translation.override(language):
        for item in items:
            page = item.page.specific.localized if item.page_id else None
            url = page.get_url() if page is not None else ""
            if url and not url.startswith("http"):
                url = services.absolute(url, base_url)
            kind = NotificationPreference.Kind(item.kind)
            groups.setdefault(kind, []).append(
                {"event": digests.EVENTS[item.event], "page": page, "url": url}
            )
        context = {
            "digest": digest,
            "groups": [{"label": kind.label, "items": rows} for kind, rows in groups.items()],
            "count": len(items),
        }
    return _message(
        "subscriptions/email/digest",
        context,
        user.email,
        language,
        digests.unsubscribe_url(user, digest.period, language, base_url),
        digests.preferences_url(language, base_url),
    )


@task()
def send_digest(digest_id, base_url=None):
    """Send one digest once (row lock, ``sent_at`` in the same transaction); SMTP
    errors retry like the deliveries."""
    with transaction.atomic():
        digest = (
            Digest.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=digest_id)
            .first()
        )
        if digest is None or digest.sent_at or not digest.recipient.email:
            return False
        digest.attempts += 1
        message = render_digest(digest, base_url)
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            digest.save(update_fields=["attempts"])
            backend = send_digest.get_backend()
            if digest.attempts >= settings.SUBSCRIPTIONS_MAX_ATTEMPTS or not backend.supports_defer:
                logger.error("Digest %s not sent: %r", digest.pk, error)
                return False
            delay = settings.SUBSCRIPTIONS_RETRY_SECONDS * min(
                2 ** (digest.attempts - 1), MAX_BACKOFF
            )
            args = (digest.pk, base_url) if base_url else (digest.pk,)
            send_digest.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args)
            return False
        digest.sent_at = timezone.now()
        digest.save(update_fields=["attempts", "sent_at"])
    return True
