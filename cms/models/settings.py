from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string


class LocalizedText(str):
    """A text of the settings with the language it is written in (``lang``), so a
    template can mark a fallback to the default language with ``lang``."""

    lang = ""

    def __new__(cls, text, lang):
        value = super().__new__(cls, text)
        value.lang = lang
        return value


class InActiveLanguage:
    """Reads ``<name>_<language>`` for the active language, falling back to the default
    language's field when that one is empty (``entity.opening_hours`` is the English
    text on an English page and the Spanish one on a Spanish page). Read only: editors
    fill each language's field."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        default = settings.LANGUAGE_CODE.split("-")[0]
        language = (translation.get_language() or default).split("-")[0]
        for lang in (language, default):
            text = getattr(instance, f"{self.name}_{lang}", "")
            if text:
                return LocalizedText(text, lang)
        return LocalizedText("", language)


@register_setting(icon="site")
class EntitySettings(BaseSiteSetting):
    """The entity's contact data shown in every footer (Res. 1519 Anexo 2, §2.2) and its
    logo in every header.

    Kept as a site setting so the Oficina de Comunicaciones can update a phone number
    or the opening hours without a developer. Texts in a language have a field per
    language (``opening_hours_es``, ``opening_hours_en``); templates read the active
    language's one through ``opening_hours`` (see ``InActiveLanguage``). The address
    and the phone numbers are the same in every language."""

    entity_name_es = models.CharField(
        _("entity name in Spanish"), max_length=200, default="Alcaldía de Soacha"
    )
    entity_name_en = models.CharField(
        _("entity name in English"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example: Soacha City Hall. When empty, English pages show the Spanish name."
        ),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo or coat of arms"),
        help_text=_(
            "Shown next to the entity name at the top of every page, as uploaded: an image"
            " about 200 pixels tall is enough."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text_es = models.CharField(
        _("text alternative of the logo in Spanish"),
        max_length=255,
        blank=True,
        help_text=_("What the logo shows, for example: Escudo de Soacha."),
    )
    logo_alt_text_en = models.CharField(
        _("text alternative of the logo in English"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: Coat of arms of Soacha. When empty, English pages use the Spanish text."
        ),
    )
    address = models.CharField(
        _("address"), max_length=255, default="Calle 13 No. 7-30, Soacha, Cundinamarca"
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True, default="250051")
    phone = models.CharField(_("switchboard phone"), max_length=100, blank=True)
    toll_free_phone = models.CharField(_("toll-free line"), max_length=100, blank=True)
    anticorruption_phone = models.CharField(_("anti-corruption line"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    opening_hours_es = models.CharField(
        _("opening hours in Spanish"),
        max_length=255,
        blank=True,
        help_text=_("For example: Lunes a viernes de 8:00 a. m. a 5:00 p. m."),
    )
    opening_hours_en = models.CharField(
        _("opening hours in English"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: Monday to Friday, 8:00 a.m. to 5:00 p.m. When empty, English pages"
            " show the Spanish text."
        ),
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
            [
                FieldPanel("entity_name_es"),
                FieldPanel("entity_name_en"),
                FieldPanel("address"),
                FieldPanel("postal_code"),
            ],
            heading=_("Entity"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt_text_es"), FieldPanel("logo_alt_text_en")],
            heading=_("Logo"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("toll_free_phone"),
                FieldPanel("anticorruption_phone"),
                FieldPanel("fax"),
                FieldPanel("opening_hours_es"),
                FieldPanel("opening_hours_en"),
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

    entity_name = InActiveLanguage()
    opening_hours = InActiveLanguage()
    logo_alt_text = InActiveLanguage()

    # Every page shows the logo: read with the settings, in the same query. The header
    # shows the original file (no rendition to look up), so it costs no query at all.
    select_related = ["logo"]

    class Meta:
        verbose_name = _("entity data")
