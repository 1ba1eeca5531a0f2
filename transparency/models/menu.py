"""The "Transparencia y acceso a la información pública" menu (Res. 1519 Anexo 2,
numeral 2.4.2): categories 1–10 and their numbered items, read from
``transparency/data/transparency_menu.json`` (the one place the labels live). The
editor only says, item by item, where its content is, or why it does not apply."""

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from cms.blocks import BaseStreamBlock
from cms.models import BasePage

from .base import localize_pages, optional_link

MENU_FILE = Path(__file__).resolve().parent.parent / "data" / "transparency_menu.json"


@cache
def load_menu():
    """The menu as the data file defines it (read once per process; never changes)."""
    with open(MENU_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def menu_item_choices():
    return [
        (item["number"], f"{item['number']} {item['title']['es']}")
        for category in load_menu()["categories"]
        for item in category["items"]
    ]


def validate_link(value):
    """An absolute http(s) address, or a path on this site (``/es/...``)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


def localized(titles):
    return titles.get(translation.get_language()) or titles["es"]


class TransparencyPage(BasePage):
    """The transparency menu page, one per language, a child of the home page and in
    the main menu. Its sections (norms, trámites, budget...) are its children."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        InlinePanel(
            "menu_items",
            label=_("menu items"),
            heading=_("Where each item of the menu is"),
            help_text=_(
                "Every numbered item needs at least one row: a page, an address, or the "
                "legal reason why it does not apply."
            ),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "transparency.EntityInfoPage",
        "transparency.OrganigramPage",
        "transparency.OfficesPage",
        "transparency.ProcessesPage",
        "transparency.DirectoryPage",
        "transparency.NormIndexPage",
        "transparency.ProcedureIndexPage",
        "transparency.BudgetIndexPage",
        "transparency.PlanPage",
        "transparency.IndicatorsPage",
        "transparency.PublicationsPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("transparency menu page")

    def resolved_items(self):
        """The menu rows with their target page in the active language (two queries)."""
        rows = list(self.menu_items.select_related("link_page"))
        pages = {page.translation_key: page for page in localize_pages([r.link_page for r in rows])}
        for row in rows:
            row.target = pages.get(row.link_page.translation_key) if row.link_page_id else None
            if row.target is not None and not row.target.live:
                row.target = None
        return rows

    def categories(self, rows=None):
        rows = self.resolved_items() if rows is None else rows
        by_number = {}
        for row in rows:
            if row.target is not None or row.link_url or row.not_applicable_reason:
                by_number.setdefault(row.number, []).append(row)
        return [
            {
                "number": category["number"],
                "title": localized(category["title"]),
                "items": [
                    {
                        "number": item["number"],
                        "anchor": "item-" + item["number"].replace(".", "-"),
                        "title": localized(item["title"]),
                        "rows": by_number.get(item["number"], []),
                    }
                    for item in category["items"]
                ],
            }
            for category in load_menu()["categories"]
        ]

    def empty_items(self):
        """Numbers of the items with no content, link or "no aplica" reason."""
        return [
            item["number"]
            for category in self.categories()
            for item in category["items"]
            if not item["rows"]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = self.categories()
        return context


class TransparencyMenuItem(Orderable):
    """Where one numbered item of the menu is: a page of this site, an external
    address (SECOP, SUIT, datos.gov.co), or "No aplica" with its legal reason."""

    page = ParentalKey(TransparencyPage, on_delete=models.CASCADE, related_name="menu_items")
    number = models.CharField(_("item"), max_length=10, choices=menu_item_choices)
    label = models.CharField(
        _("link text"),
        max_length=255,
        blank=True,
        help_text=_("Defaults to the title of the page."),
    )
    link_page = optional_link("wagtailcore.Page", _("page"))
    link_url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "An external address (https://…) or an address on this site starting with the "
            "language, e.g. /es/transparencia/normatividad/?norm_type=proyecto."
        ),
    )
    not_applicable_reason = models.TextField(
        _("does not apply because"),
        blank=True,
        help_text=_("The legal reason why the Alcaldía does not publish this item."),
    )

    panels = [
        FieldPanel("number"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
        FieldPanel("label"),
        FieldPanel("not_applicable_reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def clean(self):
        super().clean()
        has_link = bool(self.link_page_id or self.link_url)
        if not has_link and not self.not_applicable_reason.strip():
            raise ValidationError(
                _("Choose a page, give an address, or explain why the item does not apply.")
            )
        if has_link and self.not_applicable_reason.strip():
            raise ValidationError(
                {
                    "not_applicable_reason": _(
                        "An item with a link cannot also say it does not apply."
                    )
                }
            )
        if self.link_url and not self.label.strip():
            raise ValidationError({"label": _("An address needs its link text.")})
