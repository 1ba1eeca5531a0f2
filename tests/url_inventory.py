"""Every URL pattern the portal serves, found by walking Django's resolver.

Shared by the fuzz test and the role-by-view matrix: each keeps a table mapping every
pattern to sample URLs, and fails when this inventory lists a pattern without a row, so
a new view cannot be added without being fuzzed and given its expected status per role.

Kept: views of the portal's apps (Wagtail admin hook URLs under /admin/ included), the
Wagtail front-end views (page serve, page and document passwords, document serve,
the front-end login), allauth's account and two-factor views, set_language, the
sitemap, robots.txt and the /admin/login/ redirect; plus every RoutablePageMixin
sub-route of the portal's page models, written ``<ModelName>/<route>``."""

from dataclasses import dataclass

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

PORTAL_APPS = (
    "cms",
    "home",
    "transparency",
    "pqr",
    "participation",
    "surveys",
    "search",
    "gel",
    "subscriptions",
    "usage",
)
WAGTAIL_FRONT_END = (
    "wagtail.views.serve",
    "wagtail.views.authenticate_with_password",
    "wagtail.documents.views.serve.serve",
    "wagtail.documents.views.serve.authenticate_with_password",
)
#: kept by URL name: generic views mounted in cms/urls.py and the front-end login
NAMED = {
    "admin_login_redirect",
    "robots_txt",
    "favicon",
    "sitemap",
    "set_language",
    "wagtailcore_login",
}


@dataclass(frozen=True)
class Route:
    route: str  # the full route, "<lang>/" standing for the language prefix
    name: str | None
    view: str  # dotted path of the view function or class

    @property
    def is_admin(self):
        return self.route.startswith("admin/")


def _view_path(callback):
    target = getattr(callback, "view_class", None) or callback
    if not hasattr(target, "__qualname__"):  # an instance used as a view (a syndication Feed)
        target = type(target)
    return f"{target.__module__}.{target.__qualname__}"


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            part = "<lang>/"
        else:
            part = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + part)
        else:
            yield Route(prefix + part, pattern.name, _view_path(pattern.callback))


def _kept(route):
    module = route.view.split(".", 1)[0]
    return (
        module in PORTAL_APPS
        or route.view in WAGTAIL_FRONT_END
        or route.view.startswith("allauth.")
        or route.name in NAMED
    )


def routable_routes():
    """The sub-routes of the portal's RoutablePageMixin page models."""
    for model in get_page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        if model.__module__.split(".", 1)[0] not in PORTAL_APPS:
            continue
        for pattern in model.get_subpage_urls():
            view = f"{model.__module__}.{model.__qualname__}.{pattern.callback.__name__}"
            yield Route(f"<{model.__name__}>/{pattern.pattern}", pattern.name, view)


def inventory():
    """Every kept pattern once (by route string), in resolver order, then sub-routes."""
    seen, routes = set(), []
    for route in [*_walk(get_resolver().url_patterns), *routable_routes()]:
        if _kept(route) and route.route not in seen:
            seen.add(route.route)
            routes.append(route)
    return routes


def missing_rows(table):
    """Routes of the inventory that ``table`` (keyed by route string) has no row for."""
    return [f"{r.route}  ({r.name}, {r.view})" for r in inventory() if r.route not in table]
