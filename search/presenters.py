"""Turn search hits (pages of any type, documents) into what the results list shows:
highlighted title and excerpt, type, section and date."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Substr
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from .text import excerpt, highlight

#: Read first for the excerpt: the summary fields every page type shares.
SUMMARY_FIELDS = ("introduction", "search_description")
#: Tree depth of the portal's sections (root 1, home page 2, sections 3).
SECTION_DEPTH = 3
STEPLEN = Page.steplen


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    excerpt: str
    section: str = ""
    date: object = None


def searchable_texts(obj):
    """Plain texts of ``obj``'s summary fields and then of its own indexed fields
    (rich text and StreamField bodies included), for the excerpt."""
    names = [*SUMMARY_FIELDS]
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            names.append(search_field.field_name)
    texts = []
    for name in dict.fromkeys(names):
        value = getattr(obj, name, None)
        if not value or callable(value):
            continue
        try:
            model_field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            texts.extend(strip_tags(text) for text in model_field.get_searchable_content(value))
        else:
            texts.append(strip_tags(str(value)))
    return texts


def texts_for_excerpt(obj):
    """What the excerpt is taken from: the search index's text of ``obj`` when the
    search read it (``indexed_text``; pages then come unspecific, in one query), after
    the page's search description; else ``obj``'s own fields (``searchable_texts``)."""
    if not hasattr(obj, "indexed_text"):
        return searchable_texts(obj)
    summary = getattr(obj, "search_description", "")
    return [strip_tags(summary or ""), strip_tags(obj.indexed_text or "")]


def kind_label(obj):
    """The result's type, from its specific class (no query: the content types are
    cached)."""
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    return str((model or type(obj))._meta.verbose_name).capitalize()


def section_titles(pages):
    """Title of each page's top-level section, keyed by section path (one query)."""
    paths = {page.path[: SECTION_DEPTH * STEPLEN] for page in pages if page.depth > SECTION_DEPTH}
    if not paths:
        return {}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def with_section_titles(pages):
    """``pages`` (a queryset) with the title of each page's top-level section as
    ``section_title``, read in the same statement (``present`` then asks no more)."""
    sections = Page.objects.filter(
        depth=SECTION_DEPTH, path=Substr(OuterRef("path"), 1, SECTION_DEPTH * STEPLEN)
    )
    return pages.annotate(section_title=Subquery(sections.values("title")[:1]))


def section_of(page, sections):
    """The title of ``page``'s top-level section ("" for the home page and the
    sections themselves): annotated by ``with_section_titles`` or found in
    ``sections`` (``section_titles``)."""
    if page.depth <= SECTION_DEPTH:
        return ""
    if hasattr(page, "section_title"):
        return page.section_title or ""
    return sections.get(page.path[: SECTION_DEPTH * STEPLEN], "")


def present(items, terms, request):
    """The hits of one results page, in order."""
    pages = [item for item in items if isinstance(item, Page)]
    sections = section_titles([page for page in pages if not hasattr(page, "section_title")])
    documents = [
        item for item in items if not isinstance(item, Page) and not hasattr(item, "indexed_text")
    ]
    if documents:
        prefetch_related_objects(documents, "tags")
    hits = []
    for item in items:
        if isinstance(item, Page):
            hits.append(
                Hit(
                    title=highlight(item.title, terms),
                    url=item.get_url(request) or "",
                    kind=kind_label(item),
                    excerpt=excerpt(texts_for_excerpt(item), terms),
                    section=section_of(item, sections),
                    date=item.last_published_at,
                )
            )
        else:
            if hasattr(item, "indexed_text"):  # the tags' names are in the index's text
                texts = texts_for_excerpt(item)
            else:
                texts = [*searchable_texts(item), ", ".join(tag.name for tag in item.tags.all())]
            hits.append(
                Hit(
                    title=highlight(item.title, terms),
                    url=item.url,
                    kind=kind_label(item),
                    excerpt=excerpt(texts, terms),
                    date=item.created_at,
                )
            )
    return hits
