"""Where a request is in the site: the home page of its language, the main menu and
the URL of the same content in the other language. Results are memoised on the request
so a template can ask several times without more queries."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site


def _memo(request, key, compute):
    cache = request.__dict__.setdefault("_portal_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def get_site_root(request):
    """The site's root page (the Spanish home page)."""

    def compute():
        site = Site.find_for_request(request)
        return site.root_page if site else None

    return _memo(request, "root", compute)


def get_home_page(request, language_code=None):
    """The home page in the active (or given) language, falling back to the root."""
    language_code = language_code or translation.get_language()

    def compute():
        root = get_site_root(request)
        if root is None:
            return None
        if root.locale.language_code == language_code:
            return root
        locale = Locale.objects.filter(language_code=language_code).first()
        translated = root.get_translation_or_none(locale) if locale else None
        return translated if translated and translated.live else root

    return _memo(request, f"home:{language_code}", compute)


def get_main_menu(request):
    """Live, public children of the home page marked "show in menus"."""

    def compute():
        home = get_home_page(request)
        if home is None:
            return []
        return list(home.get_children().live().public().in_menu().only("id", "title", "url_path", "path", "depth"))

    return _memo(request, "menu", compute)


def get_language_alternatives(request, page=None):
    """One entry per configured language: the URL of this page's live translation (or
    of that language's home page), or, outside Wagtail pages, the same URL translated."""

    def compute():
        alternatives = []
        translations = {}
        if page is not None and getattr(page, "pk", None):
            for translated in page.get_translations(inclusive=True).live().select_related("locale"):
                translations[translated.locale.language_code] = translated
        current = translation.get_language()
        for code, name in settings.LANGUAGES:
            if page is not None and getattr(page, "pk", None):
                target = translations.get(code) or get_home_page(request, code)
                url = target.get_url(request) if target else f"/{code}/"
                exact = code in translations
            else:
                url = translate_url(request.get_full_path(), code)
                exact = True
            alternatives.append(
                {"code": code, "name": name, "url": url, "current": code == current, "exact": exact}
            )
        return alternatives

    return _memo(request, f"alternatives:{getattr(page, 'pk', None)}", compute)


def get_breadcrumbs(request, page):
    """Ancestors of ``page`` from its home page down, excluding the page itself."""
    if page is None or not getattr(page, "pk", None):
        return []
    return list(
        Page.objects.ancestor_of(page).filter(depth__gt=1).live().only("id", "title", "url_path", "path", "depth")
    )


POLICY_FIELDS = [
    ("terms_page", "terms"),
    ("privacy_policy_page", "privacy"),
    ("copyright_page", "copyright"),
    ("accessibility_page", "accessibility"),
]


def get_policy_pages(request, entity_settings):
    """The footer's policy pages in the active language, in two queries at most."""

    def compute():
        ids = {key: getattr(entity_settings, f"{field}_id") for field, key in POLICY_FIELDS}
        ids = {key: pk for key, pk in ids.items() if pk}
        if not ids:
            return {}
        pages = {p.pk: p for p in Page.objects.filter(pk__in=ids.values()).only("id", "translation_key", "locale_id")}
        locale = Locale.get_active()
        localized = {
            p.translation_key: p
            for p in Page.objects.filter(
                translation_key__in=[p.translation_key for p in pages.values()], locale=locale
            ).live().only("id", "translation_key", "url_path", "path", "depth", "title")
        }
        result = {}
        for key, pk in ids.items():
            page = pages.get(pk)
            if page and page.translation_key in localized:
                result[key] = localized[page.translation_key]
        return result

    return _memo(request, "policies", compute)
