"""What the transparency models share: where the pages may sit in the tree, the
optional links between records, and how a link to another page finds that page's
version in the reader's language."""

from django.db import models
from django.db.models import Q

from wagtail.models import Locale, Page

from cms.models import BasePage

MENU_PAGE = "transparency.TransparencyPage"


def optional_link(to, verbose_name, related_name="+", **options):
    """An optional foreign key that outlives its target (the link is emptied when the
    document, norm, dependency or page it points to is deleted)."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )


class SectionPage(BasePage):
    """A section of the transparency menu: lives directly under the TransparencyPage
    (so its URL is /es/transparencia/<section>/ and it is two clicks from home)."""

    parent_page_types = [MENU_PAGE]
    subpage_types = []

    class Meta:
        abstract = True


def localize_pages(pages):
    """Each of ``pages`` in the active language when a live translation exists (else
    the page itself), once per translation, fetched in one query whatever their number."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    locale = Locale.get_active()
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translated = {}
    if keys:
        translated = {
            page.translation_key: page
            for page in Page.objects.filter(
                Q(translation_key__in=keys) & Q(locale=locale) & Q(live=True)
            ).specific(defer=True)
        }
    seen, result = set(), []
    for page in pages:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(translated.get(page.translation_key, page))
    return result
