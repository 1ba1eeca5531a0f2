"""E-mail subscriptions (double opt-in) and the deliveries sent to them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lists import ALL_CHOICES


class Subscription(models.Model):
    """One address on one list (optionally narrowed to a dependency's news).

    Created unconfirmed with the hash of a random confirmation token; nothing is sent
    to it but the confirmation request until the address confirms (``confirmed_at``).
    Unconfirmed rows older than SUBSCRIPTIONS_CONFIRM_DAYS are deleted by
    ``manage.py expire_subscriptions`` and their link is refused."""

    email = models.EmailField(_("e-mail address"))
    list_key = models.CharField(_("list"), max_length=20, choices=ALL_CHOICES)
    dependency = models.ForeignKey(
        "cms.Dependency",
        verbose_name=_("dependency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    #: the process (consultation or debate) of a PROCESS or RESULTS subscription
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("process"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    #: the privacy policy page's latest revision when the consent was given
    consent_policy_revision = models.PositiveIntegerField(null=True, blank=True)
    bounces = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        permissions = [("view_subscription_report", "Can view the subscriptions report")]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "list_key", "dependency", "page"],
                name="subscription_unique_per_list",
            )
        ]

    def __str__(self):
        return f"{self.list_key} <{self.pk}>"


class Announcement(models.Model):
    """A page whose first publication is announced: one row per page and its
    translations (``translation_key``), so neither a later publication (an edit) nor
    the first publication of a translation notifies again. Also news or results of one
    process, once per event."""

    #: the page's translation_key; for news or results of a process, a key derived from
    #: it and the event (services.announce_process)
    translation_key = models.UUIDField(unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(max_length=20, choices=ALL_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.list_key}: page {self.page_id}"


class Delivery(models.Model):
    """One announcement sent to one subscription, at most once: the unique constraint
    makes a repeated fan-out a no-op, and ``sent_at`` is set in the same transaction as
    the send, under a row lock. Kept (without the subscription) after an unsubscribe,
    for the count of messages sent."""

    subscription = models.ForeignKey(
        Subscription, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="deliveries"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    #: the address refused the message, or every try failed
    bounced = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "announcement"], name="delivery_once")
        ]

    def __str__(self):
        return f"delivery {self.pk}"


class Digest(models.Model):
    """One digest e-mail to one citizen: the items claimed by one run of
    ``manage.py send_digests``, sent once (row lock, ``sent_at`` in the same
    transaction)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    period = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.period} digest {self.pk}"


class DigestItem(models.Model):
    """Something a citizen chose to hear about in a digest (a reply, news of a
    followed process, a new item of a list), held instead of sent at once. At most one
    row per recipient and item (``source``); ``digest`` is set when a run claims it,
    so no item goes in two digests."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_items"
    )
    #: a NotificationPreference.Kind: the preference that held the item
    kind = models.CharField(max_length=20)
    #: what happened (subscriptions.digests.EVENTS)
    event = models.CharField(max_length=20)
    #: the item's identity, e.g. ``comment:42`` or ``announcement:7``
    source = models.CharField(max_length=100)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "source"], name="digest_item_once")
        ]
        indexes = [models.Index(fields=["recipient", "digest"], name="digest_item_pending")]

    def __str__(self):
        return f"{self.source} for {self.recipient_id}"
