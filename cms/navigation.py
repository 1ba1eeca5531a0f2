"""Where a request is in the site: the home page of its language, the main menu, the
footer's policy pages and the URL of the same content in the other language.

Everything is memoised on the request so the templates can ask several times. The
home pages, the main menu, the footer's pages and the translations of the page shown
are read together in ONE query whatever the size of the tree (``_navigation_rows``),
the view restrictions in one more, which the check of the page served shares
(``cms.page_routing``); the breadcrumbs come from the routing: every public page type
renders in at most 12 queries (tests/cms/test_page_query_counts.py). The lookups that
do not depend on the visitor (home pages, view restrictions, main menu, footer pages)
are also shared between requests through
``NAVIGATION_CACHE`` (``NAVIGATION_CACHE_SECONDS``, 60; 0 turns it off), which any
change to a page, a view restriction, a site, a locale or the entity settings makes
stale at once. Without a shared cache (no ``REDIS_URL``) the view restrictions are
read on every request, so a page made private leaves every worker's listings at once."""

import hashlib

from django.conf import settings
from django.db.models import F, Q
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path

from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.content_cache import ContentCache

MENU_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale_id",
)


def _watched_models():
    from cms.models import EntitySettings

    return [Page, PageViewRestriction, Site, Locale, EntitySettings]


NAVIGATION_CACHE = ContentCache("navigation", "NAVIGATION_CACHE_SECONDS", 60, _watched_models)


def _memo(request, key, compute):
    cache = request.__dict__.setdefault("_portal_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _shared(request, key, compute):
    """``compute()`` memoised on the request and shared between requests. Only for
    values that are the same for every visitor of this site and language."""

    def from_cache():
        generation = _memo(request, "generation", NAVIGATION_CACHE.generation)
        return NAVIGATION_CACHE.cached(key, [], compute, generation=generation)

    return _memo(request, key, from_cache)


def get_site(request):
    return _memo(request, "site", lambda: Site.find_for_request(request))


def _is_public(page, request):
    """Whether no view restriction covers ``page`` (the rule of ``public_only``)."""
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def _navigation_rows(request, page=None):
    """The pages the layout shows around any page, in ONE query per request: the home
    page in every language, the candidates for the main menu (live pages marked "show
    in menus" one level under a home page), the key pages of the entity settings
    (footer policies, the PQRSD entry) with their translations, and the live
    translations of ``page`` (the language switch; by default the page the layout is
    showing, as ``get_language_alternatives`` registers it). Each lookup below picks
    its rows; the ones shared between requests are cached by them, not here."""
    memo = request.__dict__.setdefault("_portal_navigation", {})
    if "rows" in memo:
        return memo["rows"]
    page = page or memo.get("for_page")
    site = get_site(request)
    if site is None:
        memo["rows"] = {"pages": [], "page": None}
        return memo["rows"]
    from cms.models import EntitySettings

    root = Page.objects.filter(pk=site.root_page_id)
    condition = Q(translation_key__in=root.values("translation_key")) & (
        Q(pk=site.root_page_id) | Q(live=True)
    )
    condition |= Q(depth=site.root_page.depth + 1, live=True, show_in_menus=True)
    policy_ids = _policy_ids(EntitySettings.for_request(request))
    if policy_ids:
        sources = Page.objects.filter(pk__in=policy_ids.values())
        condition |= Q(pk__in=policy_ids.values()) | Q(
            translation_key__in=sources.values("translation_key"),
            locale__language_code=translation.get_language(),
            live=True,
        )
    is_page = page is not None and getattr(page, "pk", None) is not None
    if is_page:
        condition |= Q(translation_key=page.translation_key, live=True)
    pages = list(
        Page.objects.filter(condition)
        .select_related("locale")
        .only(*MENU_FIELDS, "live", "show_in_menus", "locale__language_code")
        .order_by("path")
    )
    memo["rows"] = {"pages": pages, "page": page.pk if is_page else None}
    return memo["rows"]


def get_home_pages(request):
    """The site's live home page in every language, keyed by language code, in one
    query. The root (Spanish) home page is always present under its own code."""

    def compute():
        site = get_site(request)
        if site is None:
            return {}
        root = next(
            (p for p in _navigation_rows(request)["pages"] if p.pk == site.root_page_id), None
        )
        if root is None:
            return {}
        return {
            page.locale.language_code: page
            for page in _navigation_rows(request)["pages"]
            if page.translation_key == root.translation_key and (page.pk == root.pk or page.live)
        }

    site = get_site(request)
    return _shared(request, f"homes:{getattr(site, 'pk', None)}", compute)


def get_home_page(request, language_code=None):
    """The live home page in the active (or given) language, or the site root."""
    homes = get_home_pages(request)
    language_code = language_code or translation.get_language()
    if language_code in homes:
        return homes[language_code]
    site = get_site(request)
    return next((page for page in homes.values() if page.pk == site.root_page_id), None)


def view_restrictions(request):
    """Every page view restriction, with its page's path (``page_path``), read once
    per request: the privacy of the listings and the check of the page being served
    (``cms.page_routing``) share it."""

    def compute():
        return list(PageViewRestriction.objects.annotate(page_path=F("page__path")))

    return _memo(request, "view_restrictions", compute)


def restricted_paths(request):
    """The paths of every page with a view restriction, read once per request.

    Shared between requests only through a shared cache: with the per-process cache
    another worker would keep listing a page just made private until its entry
    expired, so there privacy is read from the database on every request."""

    def compute():
        return [restriction.page_path for restriction in view_restrictions(request)]

    if NAVIGATION_CACHE.is_shared():
        return _shared(request, "restricted_paths", compute)
    return _memo(request, "restricted_paths", compute)


def public_only(queryset, request):
    """``queryset.public()`` with the view restrictions read once per request.

    Wagtail's ``public()`` queries the restrictions each time it is called; the home
    page filters several listings (menu, news, events, trámites), so they share one
    lookup here. Same rule: a page under a restricted page is not public."""
    if request is None:
        return queryset.public()
    paths = restricted_paths(request)
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)


def get_main_menu(request):
    """Live, public children of the home page marked "show in menus"."""

    def compute():
        home = get_home_page(request)
        if home is None:
            return []
        return [
            page
            for page in _navigation_rows(request)["pages"]
            if page.depth == home.depth + 1
            and page.path.startswith(home.path)
            and page.live
            and page.show_in_menus
            and _is_public(page, request)
        ]

    home = get_home_page(request)
    # Keyed on the restrictions too, so a page made private leaves the menu at once
    # even where the menu itself is cached per process.
    privacy = hashlib.sha256(" ".join(sorted(restricted_paths(request))).encode()).hexdigest()
    return _shared(request, f"menu:{getattr(home, 'pk', None)}:{privacy[:16]}", compute)


#: A query string longer than this (encoded) is not carried to the other language.
MAX_SWITCH_QUERY = 1024


def switch_query(request):
    """The current query string for the language switch: every parameter parsed and
    URL-encoded again (so what reaches the link is never the raw, possibly malformed
    string), or nothing when it is empty or unreasonably long."""
    query = request.GET.urlencode()
    if not query or len(query) > MAX_SWITCH_QUERY:
        return ""
    return "?" + query


def sub_path(request, page):
    """What the request path adds after ``page``'s URL: a RoutablePage's sub-page
    (``resultados/``, a section, ``ical/``…), escaped as a URL path, or ""."""
    page_url = page.get_url(request)
    if not page_url or not page_url.startswith("/") or not page_url.endswith("/"):
        return ""
    if len(request.path) <= len(page_url) or not request.path.startswith(page_url):
        return ""
    return escape_uri_path(request.path[len(page_url) :])


def get_language_alternatives(request, page=None):
    """One entry per configured language: the URL of this page's live translation (or
    of that language's home page), or, outside Wagtail pages, the same URL translated.

    ``url`` (the language switch) keeps what the visitor is looking at: the query
    string (filters, page number, the agenda's month) and, for a translation of the
    page (always the same page type), the sub-path of a RoutablePage route.
    ``alternate_url`` (``<link rel="alternate" hreflang>``) keeps the sub-path only."""
    is_page = page is not None and getattr(page, "pk", None) is not None

    def compute():
        translations = {}
        memo = request.__dict__.setdefault("_portal_navigation", {})
        if is_page:  # read its translations with the navigation, if that is read
            memo.setdefault("for_page", page)
        homes = get_home_pages(request)
        if is_page and page.pk in {home.pk for home in homes.values()}:
            translations = {code: home for code, home in homes.items() if home.live}
        elif is_page:
            rows = memo.get("rows")
            if rows is not None and rows["page"] == page.pk:  # read with the navigation
                found = [
                    p for p in rows["pages"] if p.translation_key == page.translation_key and p.live
                ]
            else:
                found = (
                    page.get_translations(inclusive=True)
                    .live()
                    .select_related("locale")
                    .only(*MENU_FIELDS, "locale__language_code")
                )
            for translated in found:
                translations[translated.locale.language_code] = translated
        current = translation.get_language()
        query = switch_query(request)
        remainder = sub_path(request, page) if is_page else ""
        alternatives = []
        for code, name in settings.LANGUAGES:
            if is_page:
                target = translations.get(code) or get_home_page(request, code)
                exact = code in translations
                url = target.get_url(request) if target else f"/{code}/"
                if exact:
                    url += remainder
            else:
                path = escape_uri_path(request.path)
                url = translate_url(path, code)
                # Without a page, a path that resolves nowhere or to Wagtail's page route
                # is a 404: the other language goes to its home, not to the same 404.
                match = getattr(request, "resolver_match", None)
                not_found = url == path or (match is not None and match.url_name == "wagtail_serve")
                exact = code == current or not not_found
                if not exact:
                    url = f"/{code}/"
            alternatives.append(
                {
                    "code": code,
                    "name": name,
                    "url": url + query if exact else url,
                    "alternate_url": url,
                    "current": code == current,
                    "exact": exact,
                }
            )
        return alternatives

    return _memo(request, f"alternatives:{getattr(page, 'pk', None)}", compute)


def get_breadcrumbs(request, page):
    """Ancestors of ``page`` from its home page down, excluding the page itself."""
    if page is None or getattr(page, "pk", None) is None or page.depth <= 2:
        return []
    from cms.page_routing import ancestors_for

    routed = ancestors_for(request, page)
    if routed is not None:  # read while routing to the page: no query
        return [ancestor for ancestor in routed if ancestor.live]
    return _memo(
        request,
        f"breadcrumbs:{page.pk}",
        lambda: list(Page.objects.ancestor_of(page).filter(depth__gt=1).live().only(*MENU_FIELDS)),
    )


POLICY_FIELDS = [
    ("terms_page", "terms"),
    ("privacy_policy_page", "privacy"),
    ("copyright_page", "copyright"),
    ("accessibility_page", "accessibility"),
    ("pqrsd_page", "pqrsd"),
]


def _policy_ids(entity_settings):
    ids = {key: getattr(entity_settings, f"{field}_id") for field, key in POLICY_FIELDS}
    return {key: pk for key, pk in ids.items() if pk}


def get_policy_pages(request, entity_settings):
    """The key pages named in the entity settings (footer policies, the PQRSD entry)
    in the active language, read with the rest of the navigation."""

    def compute():
        ids = _policy_ids(entity_settings)
        if not ids:
            return {}
        language_code = translation.get_language()
        pages = _navigation_rows(request)["pages"]
        by_pk = {p.pk: p for p in pages}
        localized = {
            p.translation_key: p
            for p in pages
            if p.locale.language_code == language_code and p.live
        }
        result = {}
        for key, pk in ids.items():
            source = by_pk.get(pk)
            if source is not None and source.translation_key in localized:
                result[key] = localized[source.translation_key]
        return result

    language_code = translation.get_language()
    return _shared(request, f"policies:{entity_settings.pk}:{language_code}", compute)
