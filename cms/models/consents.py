"""The data-treatment policy ("Política de tratamiento de datos personales", Decreto
1377 de 2013 art. 13) in numbered, immutable versions, and the consents citizens give
against one of them (Ley 1581 de 2012 art. 9: the authorisation must be kept as proof).

A version is a small model rather than the revisions of a page: a page's publications
change for typos and layout, its Spanish and English texts are two pages with separate
histories, and a consent must name one text in both languages that never changes. Each
version holds its text in Spanish and English (``text_es``, ``text_en``, read through
``text`` in the active language like the entity settings). It is published on its
``effective_from`` date: from then on it can be neither edited nor deleted, and the
latest published version is the one new consents refer to."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from .settings import InActiveLanguage

POLICY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class PolicyVersionLocked(ValidationError):
    """A published version was about to change."""


class DataPolicyVersionQuerySet(models.QuerySet):
    def published(self, today=None):
        return self.filter(effective_from__lte=today or timezone.localdate())

    def current(self, today=None):
        """The version in force: the latest published one (None before the first)."""
        return self.published(today).order_by("-number").first()


class DataPolicyVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    effective_from = models.DateField(
        _("effective from"),
        help_text=_(
            "The day this text takes effect (today or later). From that day it can no "
            "longer be changed: a new text is a new version."
        ),
    )
    text_es = RichTextField(_("text in Spanish"), features=POLICY_FEATURES)
    text_en = RichTextField(
        _("text in English"),
        features=POLICY_FEATURES,
        blank=True,
        help_text=_("When empty, English pages show the Spanish text."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DataPolicyVersionQuerySet.as_manager()

    text = InActiveLanguage()

    panels = [FieldPanel("effective_from"), FieldPanel("text_es"), FieldPanel("text_en")]

    class Meta:
        ordering = ["-number"]
        verbose_name = _("data-treatment policy version")
        verbose_name_plural = _("data-treatment policy versions")

    def __str__(self):
        return _("Version %(number)s of %(date)s") % {
            "number": self.number or "–",
            "date": self.effective_from,
        }

    def save(self, *args, **kwargs):
        if self.stored_is_published():
            raise PolicyVersionLocked(_("A published version cannot be changed."))
        if self.number is not None:
            return super().save(*args, **kwargs)
        # The next number. Adders queue on a lock of the first version's row, so each
        # reads the number the previous one committed; the unique constraint is the
        # referee where there is no row to lock yet (the loser tries again).
        attempts = 5
        while True:
            try:
                with transaction.atomic():
                    versions = DataPolicyVersion.objects.order_by("number")
                    list(versions.select_for_update().values_list("pk", flat=True)[:1])
                    last = versions.reverse().values_list("number", flat=True).first()
                    self.number = (last or 0) + 1
                    return super().save(*args, **kwargs)
            except IntegrityError:
                self.number = None
                attempts -= 1
                if not attempts:
                    raise

    def get_absolute_url(self):
        return reverse("data_policy_version", args=[self.number])

    def delete(self, *args, **kwargs):
        if self.stored_is_published():
            raise PolicyVersionLocked(_("A published version cannot be deleted."))
        return super().delete(*args, **kwargs)

    def is_published(self, today=None):
        return self.effective_from <= (today or timezone.localdate())

    def stored_is_published(self):
        """Whether the row as saved in the database is published (an edit form has
        already changed ``effective_from`` in memory)."""
        if self.pk is None:
            return False
        return DataPolicyVersion.objects.filter(pk=self.pk).published().exists()

    def clean(self):
        if self.stored_is_published():
            raise PolicyVersionLocked(_("A published version cannot be changed."))
        if self.effective_from and self.effective_from < timezone.localdate():
            raise ValidationError(
                {"effective_from": _("A new version cannot take effect in the past.")}
            )


class Consent(models.Model):
    """One authorisation to process personal data: who gave it (the account, or the
    e-mail of an anonymous form), against which policy version, for what and through
    which form, when, whether it was withdrawn, and the stored object it covers."""

    class Purpose(models.TextChoices):
        ACCOUNT = "account", _("User account")
        PETITION = "petition", _("Petition (PQRSD)")
        SUBSCRIPTION = "subscription", _("E-mail subscription")
        COMUNA = "comuna", _("Comuna or corregimiento")

    class Channel(models.TextChoices):
        SIGNUP = "signup", _("Sign-up form")
        PQRSD_WEB = "pqrsd_web", _("PQRSD form on the portal")
        PQRSD_OFFICE = "pqrsd_office", _("PQRSD received in person or by telephone")
        SUBSCRIPTION = "subscription", _("Subscription form")
        PROFILE = "profile", _("Participant profile form")
        EARLIER = "earlier", _("Given before consent records existed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    policy_version = models.ForeignKey(
        DataPolicyVersion,
        verbose_name=_("policy version"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    covers = GenericForeignKey("content_type", "object_id")

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="consent_covers_idx"),
            models.Index(fields=["user", "purpose"], name="consent_user_purpose_idx"),
        ]

    def __str__(self):
        return _("%(purpose)s, version %(number)s, %(date)s") % {
            "purpose": self.get_purpose_display(),
            "number": self.policy_version.number,
            "date": timezone.localtime(self.given_at).date(),
        }

    @property
    def is_active(self):
        return self.withdrawn_at is None
