"""The evidence files of the information and democracy phases as automatic checks.

Each entry of ``data/information_phase_pages.json`` and ``data/democracy_phase_pages.json``
names pages of the Spanish tree (URL paths) and parts of every page (elements, with
the entity settings they show and the pages they link). Its check holds when those
pages are live and public today (a Wagtail page, a route of a routable page, or a
portal view) and the entity settings the elements show are filled in. Whether the
rendered pages show the promised text within three clicks of the main menu is what
tests/gel/test_information_phase.py and test_democracy_phase.py walk."""

from urllib.parse import urlsplit

from django.template.loader import get_template
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin

from .. import criteria
from .base import Evidence, SiteContext, graded, register

SPANISH = "/es/"
WAGTAIL_SERVE = "wagtail_serve"


def _page_routes(context):
    """``{url_path: page}`` of the live public pages of the Spanish tree (cached)."""
    cached = context.__dict__.get("_gel_pages")
    if cached is None:
        root = context.site.root_page
        es = context.es_locale
        if root.locale_id != es.pk:
            root = next(  # its Spanish translation, read among the live pages
                (
                    p
                    for p in context.live_pages
                    if p.locale_id == es.pk and p.translation_key == root.translation_key
                ),
                None,
            ) or (root.get_translation_or_none(es) or root)
        pages = [
            page
            for page in context.public_pages
            if page.locale_id == es.pk and page.path.startswith(root.path)
        ]
        cached = (root.url_path, {page.url_path: page for page in pages})
        context.__dict__["_gel_pages"] = cached
    return cached


def live_path(context, url):
    """The page (or None) and whether ``url`` (a path of the Spanish tree) is served."""
    path = urlsplit(url).path
    with translation.override("es"):
        try:
            match = resolve(path)
        except Resolver404:
            return None, False
    if match.url_name != WAGTAIL_SERVE:
        return None, True  # a portal view (site map, search, PQRSD)
    root_path, pages = _page_routes(context)
    rest = path[len(SPANISH) :]
    segments = [segment for segment in rest.split("/") if segment]
    for cut in range(len(segments), -1, -1):
        page = pages.get(root_path + "".join(f"{s}/" for s in segments[:cut]))
        if page is None:
            continue
        if cut == len(segments):
            return page, True
        page_class = page.specific_class
        if page_class and issubclass(page_class, RoutablePageMixin):
            remainder = "/" + "".join(f"{s}/" for s in segments[cut:])
            try:
                page_class.get_resolver().resolve(remainder)
            except Resolver404:
                return page, False
            return page, True
        return None, False
    return None, False


#: the templates that draw the parts of every page
PAGE_TEMPLATES = (
    "base.html",
    "includes/govco_bar.html",
    "includes/header.html",
    "includes/breadcrumbs.html",
    "includes/footer.html",
)


def _template_sources(context):
    cached = context.__dict__.get("_gel_templates")
    if cached is None:
        cached = "\n".join(get_template(name).template.source for name in PAGE_TEMPLATES)
        context.__dict__["_gel_templates"] = cached
    return cached


def drawn_by_templates(context, element):
    """Whether the page templates draw the element's selector (``tag``, ``tag.class``,
    ``tag#id``) and none of its ``absent_tags``."""
    source = _template_sources(context)
    selector = element["selector"]
    if "." in selector:
        tag, cls = selector.split(".", 1)
        present = f"<{tag}" in source and cls in source
    elif "#" in selector:
        tag, ident = selector.split("#", 1)
        present = f'id="{ident}"' in source
    else:
        present = f"<{selector}" in source
    absent = not any(f"<{tag}" in source for tag in element.get("absent_tags", []))
    return present and absent


def element_parts(context, element):
    """Whether the page templates draw the element, then one boolean per setting it
    shows and per internal page it links."""
    parts = [drawn_by_templates(context, element)]
    for field_name in element.get("fields", []):
        parts.append(bool(getattr(context.entity, field_name, "")))
    for link in element.get("links", []):
        if link.startswith("mailto:"):
            parts.append(bool(context.entity.contact_email))
        elif link.startswith(SPANISH):
            parts.append(live_path(context, link)[1])
    return parts


def evidence_pages(entry, elements, context: SiteContext):
    """The check of a mapped criterion: its pages are served, its elements complete."""
    parts, evidence = [], []
    for url in entry.get("pages", []):
        page, served = live_path(context, url)
        parts.append(served)
        if served:
            evidence.append(Evidence(page.title if page else url, url, page))
    names = entry.get("elements", [])
    for name in names:
        parts.extend(element_parts(context, elements[name]))
    if names and all(parts):
        evidence.append(Evidence(_("On every page of the portal")))
    return graded(parts, evidence)


def _register_file(evidence_file):
    elements = evidence_file.get("elements", {})
    for criterion_id, entry in evidence_file["criteria"].items():

        def check(context, entry=entry):
            return evidence_pages(entry, elements, context)

        register(criterion_id, check, entry["how"], name="evidence_pages")


_register_file(criteria.information_phase_evidence())
_register_file(criteria.democracy_phase_evidence())
