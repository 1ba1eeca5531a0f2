"""The evidence links of the self-assessment in the visitor's language.

The checks read the Spanish tree, so their evidence links Spanish pages and views. A
visitor reading another language gets each page's live translation (title and URL,
one query for all of them) and each view's URL in that language; a page without a
live translation keeps its Spanish link."""

from dataclasses import replace

from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from .checks.base import Evidence

SOURCE_LANGUAGE = "es"


def _translations(evaluations, language, context=None):
    keys = {
        item.page.translation_key
        for evaluation in evaluations
        for item in evaluation.evidence
        if item.page is not None
    }
    if not keys:
        return {}
    if context is not None:  # the live public pages the checks read: no query
        locale = context.locale(language)
        if locale is None:
            return {}
        return {
            page.translation_key: page
            for page in context.public_pages
            if page.locale_id == locale.pk and page.translation_key in keys
        }
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, translation_key__in=keys)
    )
    return {page.translation_key: page for page in pages}


def _localized(item, translations, language, request):
    prefix = f"/{SOURCE_LANGUAGE}/"
    if not item.url.startswith(prefix):
        return item  # a document, an e-mail address, an outside link
    if item.page is not None:
        translated = translations.get(item.page.translation_key)
        if translated is None:
            return item
        return Evidence(translated.title, translated.get_url(request) or item.url, translated)
    with translation.override(SOURCE_LANGUAGE):
        url = translate_url(item.url, language)
    return replace(item, url=url, label=url if item.label == item.url else item.label)


def localize(evaluations, request=None, language=None, context=None):
    """Point every evaluation's evidence at the ``language`` version (the active one by
    default), in place; with the ``SiteContext`` of the evaluation, the translations
    are looked up among the pages it read."""
    language = language or translation.get_language()
    if not language or language == SOURCE_LANGUAGE:
        return evaluations
    translations = _translations(evaluations, language, context)
    for evaluation in evaluations:
        evaluation.evidence = [
            _localized(item, translations, language, request) for item in evaluation.evidence
        ]
    return evaluations
