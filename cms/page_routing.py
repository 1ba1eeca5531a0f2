"""Page routing in a fixed number of queries, whatever the depth of the page.

Wagtail's ``Page.route`` walks the URL one level at a time: for each slug it reads the
child (one query) and then its specific page (another), so a page five levels down
costs ten queries before its own content is read. ``route_down`` reads every page along
the rest of the URL in ONE query (by ``url_path``, which Wagtail keeps up to date on
moves and slug changes), then loads the specific page only where it matters: for the
page the URL ends on, and for a page whose class routes by itself (a RoutablePage,
whose sub-routes may take the rest of the URL). Every other page in between routes as
Wagtail's own ``Page.route`` would: to its child of the next slug.

The semantics are Wagtail's: a slug with no child is a 404 (asked of Wagtail's own
lookup, so a stale ``url_path`` can never hide a page), a page that is not live is a
404, a RoutablePage tries its routes before its children. The pages read are kept on
the request, so the breadcrumbs and the view-restriction check reuse them."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site


def _memo(request):
    return request.__dict__.setdefault("_portal_route_pages", {"paths": set(), "pages": {}})


def _pages_along(request, start, components):
    """``url_path -> Page`` for the pages under ``start`` along ``components``, one
    query per request for the whole URL."""
    memo = _memo(request)
    wanted = [start.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]
    missing = [url_path for url_path in wanted if url_path not in memo["paths"]]
    if missing:
        for page in Page.objects.filter(
            url_path__in=missing, path__startswith=start.path, depth__gt=start.depth
        ):
            memo["pages"][page.url_path] = page
        memo["paths"].update(missing)
    return memo["pages"]


def _specific(page, cls):
    """``page.specific``, with the related rows the class names in
    ``serve_select_related`` (e.g. a norm's document) read in the same query."""
    related = getattr(cls, "serve_select_related", ()) if cls is not None else ()
    if not related or isinstance(page, cls):
        return page.specific
    specific = cls._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():  # as Wagtail's get_specific does
        specific.__dict__.setdefault(name, value)
    return specific


def route_down(start, request, components):
    """``start.route(request, components)`` for a non-empty ``components``."""
    from cms.models import BasePage

    pages = _pages_along(request, start, components)
    current, remaining = start, list(components)
    known = getattr(start, "_portal_route_ancestors", None)
    ancestors = [*known, start] if known is not None else [start]
    while True:
        slug = remaining[0]
        child = pages.get(current.url_path + slug + "/")
        if (
            child is None
            or child.slug != slug
            or child.depth != current.depth + 1
            or not child.path.startswith(current.path)
        ):
            # Not found by url_path: Wagtail's own lookup decides (404 or the page).
            return Page.route(current, request, remaining)
        child._cached_parent_obj = current
        remaining = remaining[1:]
        cls = child.specific_class
        if remaining and cls is not None and cls.route is BasePage.route:
            current = child  # routes to its child like any page: no need for its type
            ancestors.append(child)
            continue
        page = _specific(child, cls)
        page._cached_parent_obj = current
        page._portal_route_ancestors = ancestors
        page._portal_route_request = request
        return page.route(request, remaining)


def _complete_ancestors(page):
    """The ancestors read while routing to ``page``, from its home page (depth 2) down
    to its parent, or None when they are not all known."""
    ancestors = getattr(page, "_portal_route_ancestors", None)
    if not ancestors or ancestors[0].depth != 2 or len(ancestors) != page.depth - 2:
        return None
    return ancestors


def ancestors_for(request, page):
    """The ancestors of ``page`` (home page down, root excluded) read while routing
    this request to it, or None."""
    if getattr(page, "_portal_route_request", None) is not request:
        return None
    return _complete_ancestors(page)


def view_restrictions_for(page):
    """The view restrictions that apply to a page routed by ``route_down``, read with
    the request's list of every restriction (``cms.navigation.view_restrictions``), or
    None where Wagtail's own lookup must answer (an alias among the page and its
    ancestors: aliases take their source page's restrictions)."""
    from cms.navigation import view_restrictions

    request = getattr(page, "_portal_route_request", None)
    ancestors = _complete_ancestors(page)
    if request is None or ancestors is None:
        return None
    if any(p.alias_of_id for p in [*ancestors, page]):
        return None
    paths = {page.path[:n] for n in range(Page.steplen, len(page.path) + 1, Page.steplen)}
    return [r for r in view_restrictions(request) if r.page_path in paths]


def localized_root(site):
    """``site.root_page.localized.specific`` (where Wagtail starts routing) in ONE
    query: the root page's translation in the active language, if it is live, else the
    root page itself, both read as their specific type."""
    root = site.root_page
    cls = root.specific_class
    if cls is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root.specific
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return root.specific
    pages = {
        page.pk: page
        for page in cls._default_manager.filter(translation_key=root.translation_key)
        .filter(Q(pk=root.pk) | Q(locale__language_code=code))
        .select_related("locale")
    }
    root_specific = pages.get(root.pk)
    if root_specific is None:
        return root.specific
    if root_specific.locale.language_code == code:
        return root_specific
    translated = next(
        (p for p in pages.values() if p.pk != root.pk and p.locale.language_code == code), None
    )
    if translated is None or not translated.live:
        return root_specific
    return translated


class PageRouteMiddleware:
    """Routes a request for a Wagtail page before Wagtail's ``serve`` view does, the
    same way (``Page.route_for_request``: the site's root page in the active language,
    then down the URL), but with the home page read in one query and the rest of the
    URL in one more (``route_down``). Wagtail's view then finds the result on the
    request (``request._wagtail_route_for_request``, where Wagtail keeps it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is not serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = Site.find_for_request(request)
        if site is None:
            return None  # Wagtail's view decides
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = localized_root(site).route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
        return None
