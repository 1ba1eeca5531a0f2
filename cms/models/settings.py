from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class EntitySettings(BaseSiteSetting):
    """The entity's contact data shown in every footer (Res. 1519 Anexo 2, §2.2).

    Kept as a site setting so the Oficina de Comunicaciones can update a phone number
    or the opening hours without a developer."""

    entity_name = models.CharField(_("entity name"), max_length=200, default="Alcaldía de Soacha")
    address = models.CharField(
        _("address"), max_length=255, default="Calle 13 No. 7-30, Soacha, Cundinamarca"
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True, default="250051")
    phone = models.CharField(_("switchboard phone"), max_length=100, blank=True)
    toll_free_phone = models.CharField(_("toll-free line"), max_length=100, blank=True)
    anticorruption_phone = models.CharField(_("anti-corruption line"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=255,
        blank=True,
        help_text=_("For example: Monday to Friday, 8:00 a.m. to 5:00 p.m."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    judicial_notifications_email = models.EmailField(
        _("email for judicial notifications"), blank=True
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy and data-treatment policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("terms and conditions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copyright_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("copyright policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pqrsd_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("PQRSD page"),
        help_text=_("Linked from the home page of every language (Ley 1474 de 2011, art. 76)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("entity_name"), FieldPanel("address"), FieldPanel("postal_code")],
            heading=_("Entity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("toll_free_phone"),
                FieldPanel("anticorruption_phone"),
                FieldPanel("fax"),
                FieldPanel("opening_hours"),
                FieldPanel("contact_email"),
                FieldPanel("judicial_notifications_email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("x_url"), FieldPanel("youtube_url")],
            heading=_("Social networks"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("privacy_policy_page"),
                PageChooserPanel("terms_page"),
                PageChooserPanel("copyright_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("pqrsd_page"),
            ],
            heading=_("Legal policies and key pages"),
        ),
    ]

    class Meta:
        verbose_name = _("entity data")
