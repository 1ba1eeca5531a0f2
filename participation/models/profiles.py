from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: Soacha's six comunas and two corregimientos (only aggregated counts are shown).
COMUNA_CHOICES = [
    ("comuna-1", _("Comuna 1 Compartir")),
    ("comuna-2", _("Comuna 2 Soacha Central")),
    ("comuna-3", _("Comuna 3 La Despensa")),
    ("comuna-4", _("Comuna 4 Cazucá")),
    ("comuna-5", _("Comuna 5 San Mateo")),
    ("comuna-6", _("Comuna 6 San Humberto")),
    ("corregimiento-1", _("Corregimiento 1")),
    ("corregimiento-2", _("Corregimiento 2")),
]

nickname_validator = RegexValidator(
    r"^[\w .\-]{3,40}$",
    _("Use 3 to 40 letters, digits, spaces, dots, hyphens or underscores."),
)


class Profile(models.Model):
    """A participant's public identity: the nickname shown on everything they write,
    never their email. Created with a generated nickname on first participation; the
    citizen may change it (unique regardless of case)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participant"
    )
    nickname = models.CharField(
        _("public nickname"), max_length=40, validators=[nickname_validator]
    )
    comuna = models.CharField(
        _("comuna or corregimiento"), max_length=20, choices=COMUNA_CHOICES, blank=True
    )
    comuna_consent_at = models.DateTimeField(
        _("consent to use the comuna"),
        null=True,
        blank=True,
        help_text="When the citizen agreed that their comuna is counted (aggregated only).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")
        constraints = [
            models.UniqueConstraint(Lower("nickname"), name="participation_nickname_unique_ci")
        ]

    def __str__(self):
        return self.nickname

    def get_absolute_url(self):
        return reverse("participation:profile", args=[self.pk])
