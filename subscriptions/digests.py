"""Daily and weekly digests (issue 14).

What a citizen chose to hear about "daily" or "weekly" in "Mi cuenta" (replies to
their comments, news of the processes they follow, new items of their subscriptions)
is not sent at once: the sender ``hold``s it as a DigestItem, unique per recipient and
item. ``manage.py send_digests --period daily|weekly`` (cron) claims each recipient's
held items with ``SELECT … FOR UPDATE SKIP LOCKED`` and a conditional update, and
enqueues ONE ``send_digest`` task per recipient, so an item goes in one digest only,
even when the job runs twice or on two machines at once.

Answers to petitions are not digested: the law requires sending them at once (pqr).
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from cms.models import NotificationPreference

from . import lists
from .models import Digest, DigestItem

Frequency = NotificationPreference.Frequency
Kind = NotificationPreference.Kind

DAILY = Frequency.DAILY.value
WEEKLY = Frequency.WEEKLY.value
PERIODS = (DAILY, WEEKLY)
HELD = {DAILY, WEEKLY}

#: what happened, as the digest lists it
EVENTS = {
    "reply": _("A reply in a thread you follow"),
    "comment": _("A new comment in a process you follow"),
    "matrix": _("The answers to a consultation's comments were published"),
    "norm": _("The norm prepared in a consultation was issued"),
    lists.NEWS: _("New news item"),
    lists.EVENTS: _("New event"),
    lists.PARTICIPATION: _("New public consultation or debate"),
    lists.PROCESS: _("News of a process you subscribed to"),
    lists.RESULTS: _("Results of a process you subscribed to"),
}

UNSUBSCRIBE_SALT = "subscriptions.digest-unsubscribe"


def is_held(frequency):
    """True when a message of that frequency waits for the digest."""
    return frequency in HELD


def hold(user_id, kind, event, source, page_id=None):
    """Keep one item for ``user_id``'s next digest; holding it again adds nothing."""
    hold_many([user_id], kind, event, source, page_id)


def hold_many(user_ids, kind, event, source, page_id=None):
    """Keep the same item for several recipients (one query; repeats add nothing)."""
    if event not in EVENTS:
        raise ValueError(f"Unknown digest event {event!r}")
    DigestItem.objects.bulk_create(
        [
            DigestItem(recipient_id=user_id, kind=kind, event=event, source=source, page_id=page_id)
            for user_id in user_ids
        ],
        ignore_conflicts=True,
    )


def due_kinds(preferences, period):
    """The kinds a run of ``period`` sends. The daily run also takes what was held
    before the citizen switched back to "immediately", so nothing stays behind."""
    wanted = {DAILY, Frequency.IMMEDIATELY} if period == DAILY else {WEEKLY}
    return [kind for kind, frequency in preferences.items() if frequency in wanted]


def collect(period, base_url=None):
    """Claim every pending item due in ``period`` and enqueue one digest per
    recipient; the digests created."""
    if period not in PERIODS:
        raise ValueError(f"Unknown digest period {period!r}")
    pending = DigestItem.objects.filter(digest__isnull=True)
    user_ids = sorted(set(pending.values_list("recipient_id", flat=True)))
    stored = {}
    for user_id, kind, frequency in NotificationPreference.objects.filter(
        user_id__in=user_ids
    ).values_list("user_id", "kind", "frequency"):
        stored[(user_id, kind)] = frequency
    digests = []
    for user_id in user_ids:
        preferences = {
            kind: stored.get((user_id, kind), default)
            for kind, default in NotificationPreference.DEFAULTS.items()
        }
        kinds = due_kinds(preferences, period)
        if kinds:
            digest = claim(user_id, period, kinds, base_url)
            if digest is not None:
                digests.append(digest)
    return digests


def claim(user_id, period, kinds, base_url=None):
    """Take ``user_id``'s pending items of ``kinds`` into a new digest and enqueue it on
    commit; None when another run has them (locked rows are skipped, and the update
    only takes rows still unclaimed)."""
    from .tasks import send_digest

    with transaction.atomic():
        ids = list(
            DigestItem.objects.select_for_update(skip_locked=True)
            .filter(recipient_id=user_id, kind__in=kinds, digest__isnull=True)
            .values_list("pk", flat=True)
        )
        if not ids:
            return None
        digest = Digest.objects.create(recipient_id=user_id, period=period)
        claimed = DigestItem.objects.filter(pk__in=ids, digest__isnull=True).update(digest=digest)
        if not claimed:
            transaction.set_rollback(True)
            return None
        args = (digest.pk, base_url) if base_url else (digest.pk,)
        transaction.on_commit(lambda: send_digest.enqueue(*args))
    return digest


def _signature(user, period):
    value = f"{user.pk}:{period}:{user.email.lower()}"
    return salted_hmac(UNSUBSCRIBE_SALT, value, algorithm="sha256").hexdigest()[:32]


def unsubscribe_token(user, period):
    """A token naming a citizen and a period, unforgeable (HMAC of both and the
    address: a new address voids it)."""
    return f"{user.pk}-{period}-{_signature(user, period)}"


def user_for_token(token):
    """(user, period) of a valid digest unsubscribe token, else (None, None)."""
    from django.contrib.auth import get_user_model

    pk, _, rest = (token or "").partition("-")
    period, _, signature = rest.partition("-")
    if not pk.isdigit() or len(pk) > 18 or period not in PERIODS:
        return None, None
    user = get_user_model().objects.filter(pk=int(pk), is_active=True).first()
    if user is None or not constant_time_compare(signature, _signature(user, period)):
        return None, None
    return user, period


def stop(user, period):
    """One-click unsubscribe from a digest: every kind sent in ``period`` becomes
    "never" (answers to petitions are sent anyway, by law)."""
    preferences = NotificationPreference.for_user(user.pk)
    kinds = [kind for kind, frequency in preferences.items() if frequency == period]
    for kind in kinds:
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"frequency": Frequency.NEVER}
        )
    return kinds


def unsubscribe_url(user, period, language, base_url=None):
    from .services import absolute

    with translation.override(language):
        path = reverse("subscriptions:digest_unsubscribe", args=[unsubscribe_token(user, period)])
    return absolute(path, base_url)


def preferences_url(language, base_url=None):
    """The notification preferences in "Mi cuenta"."""
    from .services import absolute

    with translation.override(language):
        path = reverse("my_account")
    return absolute(path, base_url) + "#account-settings"


def language_of(user):
    return user.preferred_language or settings.LANGUAGE_CODE
