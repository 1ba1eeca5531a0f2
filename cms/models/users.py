from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user. A custom model from day one (Django's advice) so that
    citizen-profile fields can be added later without a painful migration. Citizens
    sign in by email through django-allauth; the username is generated.

    allauth checks that an email is unused, but two sign-ups racing each other would
    both pass that check: the case-insensitive unique constraint makes the database
    the referee (see ``cms.accounts.SignupView``)."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the e-mails the portal sends you."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="cms_user_email_unique_ci"
            )
        ]


class NotificationPreference(models.Model):
    """How often a citizen wants to hear about one kind of news (set in "Mi cuenta").

    Senders ask ``frequency_for(user_id, kind)`` or ``frequencies(user_ids, kind)``:
    ``never`` means the message is not queued at all; ``daily`` and ``weekly`` hold it
    for the digest (subscriptions.digests, ``manage.py send_digests``). Answers to
    petitions are legally required notifications (Ley 1755 de 2015): pqr always sends
    them by e-mail, whatever is chosen here, and the form says so."""

    class Kind(models.TextChoices):
        REPLIES = "replies", _("Replies to my comments")
        PETITIONS = "petitions", _("Answers to my petitions")
        FOLLOWED = "followed", _("News of the processes I follow")
        DIGESTS = "digests", _("Digests of news and new processes")

    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        NEVER = "never", _("Never")

    DEFAULTS = {
        Kind.REPLIES: Frequency.IMMEDIATELY,
        Kind.PETITIONS: Frequency.IMMEDIATELY,
        Kind.FOLLOWED: Frequency.WEEKLY,
        Kind.DIGESTS: Frequency.WEEKLY,
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="cms_notification_pref_once")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.frequency}"

    @classmethod
    def for_user(cls, user_id):
        """Every kind's frequency for one user, defaults filled in (one query)."""
        stored = dict(cls.objects.filter(user_id=user_id).values_list("kind", "frequency"))
        return {kind: stored.get(kind, default) for kind, default in cls.DEFAULTS.items()}

    @classmethod
    def frequency_for(cls, user_id, kind):
        stored = cls.objects.filter(user_id=user_id, kind=kind).values_list("frequency", flat=True)
        return next(iter(stored), cls.DEFAULTS[kind])

    @classmethod
    def frequencies(cls, user_ids, kind):
        """{user id: frequency} for ``kind``, defaults filled in (one query)."""
        user_ids = set(user_ids)
        stored = dict(
            cls.objects.filter(user_id__in=list(user_ids), kind=kind).values_list(
                "user_id", "frequency"
            )
        )
        return {user_id: stored.get(user_id, cls.DEFAULTS[kind]) for user_id in user_ids}

    @classmethod
    def silenced(cls, user_ids, kind):
        """The users among ``user_ids`` who chose ``never`` for ``kind`` (one query; no
        kind defaults to ``never``)."""
        return set(
            cls.objects.filter(
                user_id__in=list(user_ids), kind=kind, frequency=cls.Frequency.NEVER
            ).values_list("user_id", flat=True)
        )
