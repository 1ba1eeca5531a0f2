"""Subscribe (double opt-in), confirm, unsubscribe, and announce first publications.

Every e-mail is sent by a task (subscriptions/tasks.py) enqueued on commit with plain
arguments; the fan-out to subscribers happens in the worker, never in the request."""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from cms.consents import consents_for, mark_withdrawn, record_consent
from cms.models import Consent, EntitySettings

from . import lists
from .models import Announcement, Subscription

UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"

CONFIRMED = "confirmed"
ALREADY = "already"
EXPIRED = "expired"
INVALID = "invalid"


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def expiry_cutoff(now=None):
    """Unconfirmed subscriptions created before this moment have expired."""
    return (now or timezone.now()) - timedelta(days=settings.SUBSCRIPTIONS_CONFIRM_DAYS)


def absolute(path, base_url=None):
    return f"{(base_url or settings.PORTAL_BASE_URL).rstrip('/')}{path}"


def policy_page(request):
    """The data-treatment policy page of the request's site, or None."""
    return EntitySettings.for_request(request).privacy_policy_page


def subscribe(
    email,
    list_key,
    *,
    dependency=None,
    page=None,
    language=None,
    user=None,
    policy=None,
    base_url=None,
):
    """Record a pending subscription with the consent, and queue the request to confirm.

    An address already confirmed on that list gets nothing new (and the visitor sees
    the same answer, so the form tells nobody who is subscribed); a pending one gets a
    fresh link, its old one stops working. ``page``: the process of a PROCESS or
    RESULTS subscription."""
    email = email.strip().lower()
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(email=email, list_key=list_key, dependency=dependency, page=page)
            .first()
        )
        if subscription and subscription.confirmed_at:
            return subscription
        if subscription is None:
            subscription = Subscription(
                email=email, list_key=list_key, dependency=dependency, page=page
            )
        subscription.language = language
        subscription.user = user if user and user.is_authenticated else subscription.user
        subscription.created_at = now
        subscription.confirm_token_hash = _hash(token)
        subscription.consent_at = now
        # The policy page's latest revision is the policy's version for now.
        subscription.consent_policy_revision = policy.latest_revision_id if policy else None
        subscription.save()
        record_consent(
            Consent.Purpose.SUBSCRIPTION,
            Consent.Channel.SUBSCRIPTION,
            user=subscription.user,
            email=email,
            covers=subscription,
            now=now,
        )

        from .tasks import send_confirmation

        args = (subscription.pk, token, base_url) if base_url else (subscription.pk, token)
        transaction.on_commit(lambda: send_confirmation.enqueue(*args))
    return subscription


def confirm(token):
    """(status, subscription): the link works once, and only within the expiry."""
    if not token:
        return INVALID, None
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().filter(confirm_token_hash=_hash(token)).first()
        )
        if subscription is None:
            return INVALID, None
        if subscription.created_at < expiry_cutoff():
            return EXPIRED, subscription
        subscription.confirmed_at = timezone.now()
        subscription.confirm_token_hash = ""
        subscription.save(update_fields=["confirmed_at", "confirm_token_hash"])
    return CONFIRMED, subscription


def expire(now=None):
    """Delete the unconfirmed subscriptions older than the expiry; their number."""
    stale = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=expiry_cutoff(now)
    )
    with transaction.atomic():
        # The address is gone with the request: its consent no longer covers anything.
        mark_withdrawn(
            Consent.objects.filter(
                purpose=Consent.Purpose.SUBSCRIPTION,
                object_id__in=stale.values("pk"),
                content_type__app_label="subscriptions",
                content_type__model="subscription",
            ),
            now,
        )
        count, _ = stale.delete()
    return count


def _signature(subscription):
    value = f"{subscription.pk}:{subscription.email}:{subscription.created_at.isoformat()}"
    return salted_hmac(UNSUBSCRIBE_SALT, value, algorithm="sha256").hexdigest()[:32]


def unsubscribe_token(subscription):
    """A token that names one subscription, cannot be forged (HMAC of its id, address
    and creation time) and dies with it: once used, the subscription is gone."""
    return f"{subscription.pk}-{_signature(subscription)}"


def subscription_for_token(token):
    """The confirmed subscription a valid unsubscribe token names, else None."""
    pk, _, signature = (token or "").partition("-")
    if not pk.isdigit() or len(pk) > 18:
        return None
    subscription = Subscription.objects.filter(pk=int(pk), confirmed_at__isnull=False).first()
    if subscription is None or not constant_time_compare(signature, _signature(subscription)):
        return None
    return subscription


def unsubscribe(token):
    """Remove the subscription a valid token names; False for a forged or used one."""
    subscription = subscription_for_token(token)
    if subscription is None:
        return False
    with transaction.atomic():
        mark_withdrawn(consents_for(subscription))
        subscription.delete()
    return True


def withdraw_subscription(consent):
    """Withdrawing a subscription's consent (in "Mi cuenta") unsubscribes it."""
    Subscription.objects.filter(pk=consent.object_id).delete()


def unsubscribe_path(subscription):
    """The unsubscribe page of a subscription, in the active language."""
    return reverse("subscriptions:unsubscribe", args=[unsubscribe_token(subscription)])


def unsubscribe_url(subscription, base_url=None):
    with translation.override(subscription.language):
        path = reverse("subscriptions:unsubscribe", args=[unsubscribe_token(subscription)])
    return absolute(path, base_url)


def confirm_url(token, language, base_url=None):
    with translation.override(language):
        path = reverse("subscriptions:confirm", args=[token])
    return absolute(path, base_url)


def page_first_published(sender, instance, revision=None, **kwargs):
    """Wagtail's page_published: on the first publication of a page a list is fed by
    (not on later edits, nor on its translations), record the announcement and enqueue
    ONE fan-out task; the worker finds the subscribers."""
    list_key = lists.list_for(instance)
    if list_key is None or instance.first_published_at != instance.last_published_at:
        return
    announcement, created = Announcement.objects.get_or_create(
        translation_key=instance.translation_key,
        defaults={"page_id": instance.pk, "list_key": list_key},
    )
    if created:
        from .tasks import fan_out

        transaction.on_commit(lambda: fan_out.enqueue(announcement.pk))


def announce_process(page, list_key, event):
    """News (``lists.PROCESS``) or results (``lists.RESULTS``) of one process: record
    the announcement once per process and ``event`` (e.g. ``matrix``, ``revision:12``)
    and enqueue ONE fan-out task on commit; False when already announced. Called by
    the app that owns the page type (participation)."""
    if list_key not in lists.PROCESS_LISTS:
        raise ValueError(f"Unknown process list {list_key!r}")
    key = uuid.uuid5(page.translation_key, f"{list_key}:{event}")
    announcement, created = Announcement.objects.get_or_create(
        translation_key=key, defaults={"page_id": page.pk, "list_key": list_key}
    )
    if created:
        from .tasks import fan_out

        transaction.on_commit(lambda: fan_out.enqueue(announcement.pk))
    return created


def subscribers(announcement):
    """The confirmed subscriptions an announcement goes to."""
    if announcement.list_key in lists.PROCESS_LISTS:
        # subscribed on any translation of the process's page
        return Subscription.objects.filter(
            list_key__in=lists.lists_for_event(announcement.list_key),
            page__translation_key=announcement.page.translation_key,
            confirmed_at__isnull=False,
        )
    page = announcement.page.specific
    matching = Subscription.objects.filter(
        list_key=announcement.list_key, confirmed_at__isnull=False
    )
    dependency = getattr(page, "dependency", None)
    if dependency is not None:
        # A subscriber chose the dependency in their own language: match any translation.
        return matching.filter(dependency__isnull=True) | matching.filter(
            dependency__translation_key=dependency.translation_key
        )
    return matching.filter(dependency__isnull=True)


def subscriptions_for_user(user):
    """The confirmed subscriptions of a signed-in citizen (by account or by its
    address), for the "Mi cuenta" page."""
    if not user.is_authenticated:
        return Subscription.objects.none()
    by_email = Subscription.objects.filter(email__iexact=user.email) if user.email else None
    mine = Subscription.objects.filter(user=user)
    if by_email is not None:
        mine = mine | by_email
    return (
        mine.filter(confirmed_at__isnull=False)
        .select_related("dependency")
        .order_by("list_key", "pk")
    )
