"""Recording and withdrawing consents (``cms.models.Consent``), for every app's forms.

An app calls ``record_consent`` inside the transaction that stores the personal data,
so an invalid form or a failed save leaves no consent behind::

    from cms.consents import record_consent
    from cms.models import Consent

    record_consent(
        Consent.Purpose.SUBSCRIPTION, Consent.Channel.SUBSCRIPTION,
        user=request.user, email=address, covers=subscription,
    )

What withdrawing means depends on the purpose: an app registers the effect in its
``AppConfig.ready`` (``register_withdrawal(Consent.Purpose.COMUNA, clear_comuna)``,
called with the consent inside the withdrawal's transaction). A purpose without an
effect only records the withdrawal (a petition is kept under the archive law and used
only for that petition)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from cms.models import Consent, DataPolicyVersion

WITHDRAWAL_EFFECTS = {}


class NoPolicyInForce(Exception):
    """No version of the data-treatment policy is published yet."""


def register_withdrawal(purpose, effect):
    """``effect(consent)`` undoes what the consent allowed (e.g. unsubscribes)."""
    WITHDRAWAL_EFFECTS[purpose] = effect


def current_policy():
    policy = DataPolicyVersion.objects.current()
    if policy is None:
        raise NoPolicyInForce
    return policy


def record_consent(purpose, channel, *, user=None, email="", covers=None, policy=None, now=None):
    """Store a consent against the policy in force (or ``policy``)."""
    consent = Consent(
        purpose=purpose,
        channel=channel,
        user=user if user is not None and user.is_authenticated else None,
        email=(email or "").strip().lower(),
        policy_version=policy or current_policy(),
        given_at=now or timezone.now(),
    )
    if covers is not None:
        consent.content_type = ContentType.objects.get_for_model(covers)
        consent.object_id = covers.pk
    consent.save()
    return consent


def consents_for(obj):
    """The consents that cover a stored object, newest first."""
    return Consent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("policy_version")


def consent_for(obj):
    """The latest consent behind a stored object, or None."""
    return consents_for(obj).first()


def admin_url(consent, user):
    """The consent's record in the admin, for the users who may audit consents."""
    from cms.rules import can_view_consents

    if consent is None or not can_view_consents(user):
        return None
    return reverse("consents:inspect", args=[consent.pk])


def mark_withdrawn(queryset, now=None):
    """Record the withdrawal of the still-active consents of ``queryset`` without
    running any effect (the app has already undone what they allowed)."""
    return queryset.filter(withdrawn_at__isnull=True).update(withdrawn_at=now or timezone.now())


def withdraw(consent, now=None):
    """Withdraw one consent and apply its purpose's effect, all or nothing. Returns
    False when it had already been withdrawn."""
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            return False
        locked.withdrawn_at = now or timezone.now()
        locked.save(update_fields=["withdrawn_at"])
        effect = WITHDRAWAL_EFFECTS.get(locked.purpose)
        if effect is not None:
            effect(locked)
    consent.withdrawn_at = locked.withdrawn_at
    return True


# The personal-data registry (cms.personal_data): the handler "consents"


def _held(user):
    """The user's records: given while signed in, or on an anonymous form with the
    account's (verified) address."""
    query = Q(user=user)
    if user.email:
        query |= Q(email__iexact=user.email)
    return Consent.objects.filter(query)


def export_consents(user):
    rows = []
    for consent in _held(user).select_related("policy_version").order_by("given_at", "pk"):
        rows.append(
            {
                "purpose": consent.purpose,
                "channel": consent.channel,
                "policy_version": consent.policy_version.number,
                "policy_effective_from": consent.policy_version.effective_from.isoformat(),
                "email": consent.email,
                "given_at": consent.given_at.isoformat(),
                "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
            }
        )
    return {"consents": rows}


def erase_consents(user):
    """Detach the records from the account and drop their e-mail: each stays, anonymous,
    as proof of which version was accepted, when, and through which form. Deleting the
    account withdraws the account's own consent."""
    mark_withdrawn(_held(user).filter(purpose=Consent.Purpose.ACCOUNT))
    _held(user).update(user=None, email="")
