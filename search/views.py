"""Public search views: the results page and the JSON title suggestions behind the
search box's progressive enhancement. Both are rate-limited per client address."""

from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from django_ratelimit.decorators import ratelimit

from cms.models import EntitySettings
from cms.navigation import restricted_paths
from cms.pagination import paginate, query_without_page
from cms.ratelimits import is_limited, rate, too_many_requests
from participation.models import DebateHold

from .engine import SearchFilters, SiteSearch, dependency_choices, visible_pages
from .forms import SearchForm
from .presenters import present
from .spelling import correction
from .text import query_terms

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
POPULAR_SEARCHES = 6
POPULAR_CACHE_SECONDS = 600
#: Slug of the trámites catalogue in the demo tree (any page type).
PROCEDURES_SLUG = "tramites-y-servicios"


def popular_searches():
    """Queries editors have promoted results for, most searched first.

    Only curated queries are shown to the public, so nothing a visitor typed (a name,
    an insult) is ever echoed to other visitors."""
    key = "search:popular"
    popular = cache.get(key)
    if popular is None:
        popular = list(
            Query.get_most_popular()
            .filter(pk__in=SearchPromotion.objects.values("query"))
            .values_list("query_string", flat=True)[:POPULAR_SEARCHES]
        )
        if len(popular) < POPULAR_SEARCHES:
            curated = (
                Query.objects.filter(pk__in=SearchPromotion.objects.values("query"))
                .exclude(query_string__in=popular)
                .order_by("query_string")
                .values_list("query_string", flat=True)
            )
            popular += list(curated[: POPULAR_SEARCHES - len(popular)])
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def help_links(request, locale):
    """The trámites catalogue and the PQRSD form, when they exist in this language: one
    query for both (the catalogue among ``visible_pages``, with the view restrictions
    the request has read already; the PQRSD page in any state and its translation)."""
    visible = (
        Q(live=True, locale=locale, slug=PROCEDURES_SLUG)
        & ~Q(depth=1)
        & ~Q(pk__in=DebateHold.objects.values("debate_id"))
    )
    for path in restricted_paths(request):
        visible &= ~Q(path__startswith=path)
    pqrsd_id = EntitySettings.for_request(request).pqrsd_page_id
    wanted = visible
    if pqrsd_id is not None:
        wanted |= Q(pk=pqrsd_id) | Q(
            locale=locale,
            translation_key__in=Page.objects.filter(pk=pqrsd_id).values("translation_key"),
        )
    pages = list(
        Page.objects.filter(wanted)
        .annotate(is_procedures=ExpressionWrapper(visible, output_field=BooleanField()))
        .order_by("path")
    )
    links = []
    procedures = next((page for page in pages if page.is_procedures), None)
    if procedures is not None:
        links.append((procedures.get_url(request), procedures.title))
    pqrsd = next((page for page in pages if page.pk == pqrsd_id), None)
    if pqrsd is not None:
        translated = [
            page
            for page in pages
            if page.translation_key == pqrsd.translation_key and page.locale_id == locale.pk
        ]
        pqrsd = translated[0] if translated else pqrsd
        if pqrsd.live:
            links.append((pqrsd.get_url(request), pqrsd.title))
    return links


@require_GET
@ratelimit(key="ip", rate=rate("search"), block=False)
def search(request):
    """The results page: editors' picks, results of every type with filters, and
    suggestions when nothing matches. Over the rate limit it answers 429 with the form."""
    locale = Locale.get_active()
    dependencies = dependency_choices(locale)
    form = SearchForm(request.GET, dependency_choices=dependencies)
    query = form.cleaned_value("q")
    context = {"form": form, "search_query": query, "limited": False}
    if is_limited(request):
        context.update(search_query="")
        return too_many_requests(request, "search/search.html", context)
    if not query:
        return TemplateResponse(request, "search/search.html", context)

    filters = SearchFilters(
        type=form.cleaned_value("type"),
        year=form.cleaned_value("year"),
        dependency=form.cleaned_value("dependency"),
    )
    site_search = SiteSearch(query, locale, filters, dependencies, request)
    record = site_search.terms and "page" not in request.GET and not filters.active
    if site_search.terms and not site_search.total:
        # Nothing found: search again with the misspelt words corrected, if any; the
        # citizen's own words are logged as a search without results.
        corrected = correction(query, locale, request)
        fixed = SiteSearch(corrected, locale, filters, dependencies, request) if corrected else None
        if fixed is not None and fixed.total:
            if record:
                site_search.record(found=bool(site_search.promotions))
                record = False
            site_search = fixed
            context.update(corrected_query=corrected)
    form.set_type_choices(site_search.type_facets)
    results = site_search.presented_results(
        lambda items: present(items, site_search.terms, request), request.get_host()
    )
    notices = []
    page_obj = paginate(request, results, RESULTS_PER_PAGE, notices)
    total = page_obj.paginator.count
    if record:
        site_search.record(found=bool(total or site_search.promotions))
    context.update(
        page_obj=page_obj,
        hits=list(page_obj.object_list),
        total=total,
        promotions=site_search.promotions,
        filters=filters,
        extra_query=query_without_page(request),
        notices=notices if total else [],
    )
    if not total:
        context.update(popular=popular_searches(), help_links=help_links(request, locale))
    return TemplateResponse(request, "search/search.html", context)


@require_GET
@ratelimit(key="ip", rate=rate("search_suggest"), block=False)
def suggestions(request):
    """Titles of live, public pages of this language that start like the query, as
    JSON for the search box: ``{"results": [{"title", "url"}]}``."""
    if is_limited(request):
        return JsonResponse({"results": [], "error": _("Too many requests.")}, status=429)
    terms = query_terms(request.GET.get("q", "")[:100])
    if not terms or len(" ".join(terms)) < 3:
        return JsonResponse({"results": []})
    pages = (
        visible_pages(Locale.get_active())
        .exclude(depth__lte=2)
        .autocomplete(" ".join(terms), fields=["title"])
    )
    results = [{"title": page.title, "url": page.get_url(request)} for page in pages[:SUGGESTIONS]]
    return JsonResponse({"results": results})
