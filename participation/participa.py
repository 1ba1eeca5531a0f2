"""What the "Participa" landing (``ParticipaPage``) shows, in a bounded number of
queries whatever the number of processes: the six DAFP sections in their fixed order,
each with its processes (or what will be published there and when), the participation
calendar and links to the consultation, debate and survey indexes.

Surveys are a sibling app: their pages are reached through the app registry and read by
duck typing (``status()``, ``opens_at``, ``closes_at``), never imported."""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from cms.navigation import public_only
from participation import phases
from participation.models import (
    ConsultationIndexPage,
    ConsultationOutcome,
    ConsultationPage,
    DebateIndexPage,
    DebatePage,
    ParticipaSection,
)
from participation.models.participa import SECTION_CHOICES, SECTION_KEYS

#: How many processes the calendar lists: the upcoming and open ones first, then the
#: most recently closed.
CALENDAR_LENGTH = 20

CONSULTATION = "consultation"
DEBATE = "debate"
SURVEY = "survey"
OTHER = "other"

KIND_LABELS = {
    CONSULTATION: _("Consultation"),
    DEBATE: _("Debate"),
    SURVEY: _("Survey"),
    OTHER: _("Page"),
}
INDEX_LABELS = {
    "participation.consultationindexpage": _("Consultations"),
    "participation.debateindexpage": _("Debates"),
    "surveys.surveyindexpage": _("Surveys"),
}
SURVEY_LABELS = {
    "not_open": _("Announced"),
    "open": _("Open"),
    "closed": _("Closed"),
}
#: A survey's status as a phase, so every kind sorts the same way.
SURVEY_PHASES = {"not_open": phases.ANNOUNCED, "open": phases.OPEN, "closed": phases.CLOSED}
#: Open first, then announced, then what is being reviewed, then the finished ones.
PHASE_ORDER = {
    phases.OPEN: 0,
    phases.ANNOUNCED: 1,
    phases.UNDER_REVIEW: 2,
    phases.CLOSED: 3,
    phases.CONCLUDED: 3,
}


def survey_page_model():
    """surveys.SurveyPage, or None when the surveys app is not installed."""
    try:
        return apps.get_model("surveys", "SurveyPage")
    except LookupError:
        return None


def survey_index_model():
    try:
        return apps.get_model("surveys", "SurveyIndexPage")
    except LookupError:
        return None


@dataclass
class Process:
    """A page as the landing lists it."""

    page: Page
    kind: str
    kind_label: str
    phase: str = ""
    status_label: str = ""
    opens_at: object = None
    closes_at: object = None
    links: list = field(default_factory=list)  # [(label, url)]: matrix, results

    @property
    def sort_key(self):
        if not self.phase:
            return (9, 0, self.page.title)
        rank = PHASE_ORDER.get(self.phase, 3)
        when = self.closes_at.timestamp() if self.closes_at else 0
        # finished processes: the most recent first
        return (rank, -when if rank >= 2 else when, self.page.title)


@dataclass
class Section:
    key: str
    label: str
    intro: str
    upcoming: str
    processes: list


def _attach_outcomes(consultations):
    """Set each consultation's canonical id and outcome, so ``phase()`` asks nothing
    more: a page in the default language is its own original and brought its outcome
    along (``_process_pages``); the originals of the others are read in one query."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    translated = []
    for page in consultations:
        if page.locale.language_code == default:
            page._canonical_id = page.pk
            page._outcome_cache = _outcome_of(page)
        else:
            translated.append(page)
    if not translated:
        return
    originals = {
        original.translation_key: original
        for original in Page.objects.filter(
            translation_key__in={page.translation_key for page in translated},
            locale__language_code=default,
        ).select_related("consultation_outcome")
    }
    for page in translated:
        original = originals.get(page.translation_key)
        if original is None:  # no original: the page is its own
            page._canonical_id = page.pk
            page._outcome_cache = _outcome_of(page)
        else:
            page._canonical_id = original.pk
            page._outcome_cache = _outcome_of(original)


def _outcome_of(page):
    """The outcome read with ``page`` (select_related), or None."""
    try:
        return page.consultation_outcome
    except ConsultationOutcome.DoesNotExist:
        return None


def _process_models():
    """The page types the calendar lists, with their accessor from a Page row (the
    reverse one-to-one of multi-table inheritance, joined by select_related)."""
    models = [ConsultationPage, DebatePage]
    survey_model = survey_page_model()
    if survey_model is not None:
        models.append(survey_model)
    return [(model, model._meta.parents[Page].remote_field.get_accessor_name()) for model in models]


def _process_pages(queryset):
    """``queryset`` (of Page) with the consultation, debate and survey tables joined,
    its locale and outcome too, so ``_specific`` needs no further query."""
    accessors = [accessor for _model, accessor in _process_models()]
    return queryset.select_related("locale", "consultation_outcome", *accessors)


def _specific(page):
    """A Page row of ``_process_pages`` as its specific consultation, debate or survey
    (read in the same query); any other page stays the Page it is (the landing shows
    its title and link, and its type's label)."""
    cls = page.specific_class
    for model, accessor in _process_models():
        if cls is model:
            try:
                specific = getattr(page, accessor)
            except model.DoesNotExist:
                return page.specific
            for name, value in page.__dict__.items():  # as Wagtail's get_specific does
                if name not in ("_state", "_prefetched_objects_cache"):
                    specific.__dict__.setdefault(name, value)
            for name, value in page._state.fields_cache.items():  # locale, outcome
                specific._state.fields_cache.setdefault(name, value)
            return specific
    if (
        cls is not None
        and cls is not Page
        and any(issubclass(cls, m) for m, _a in _process_models())
    ):
        return page.specific  # a subclass of a process type: read as Wagtail would
    return page


def describe(page, now=None, anonymous=None):
    """The ``Process`` of a specific page (its outcome prefetched for a consultation)."""
    now = now or timezone.now()
    label = (page.specific_class or type(page))._meta.label_lower
    survey_model = survey_page_model()
    if isinstance(page, ConsultationPage):
        phase = page.phase(now)
        process = Process(
            page,
            CONSULTATION,
            KIND_LABELS[CONSULTATION],
            phase,
            phases.CONSULTATION_LABELS[phase],
            page.opens_at,
            page.closes_at,
        )
        if phase == phases.CONCLUDED:
            url = page.url
            if url:
                process.links = [
                    (_("Answers matrix"), f"{url}matriz/"),
                    (_("Results"), f"{url}resultados/"),
                ]
        return process
    if isinstance(page, DebatePage):
        phase = page.phase(now)
        return Process(
            page,
            DEBATE,
            KIND_LABELS[DEBATE],
            phase,
            phases.LABELS[phase],
            page.opens_at,
            page.closes_at,
        )
    if survey_model is not None and isinstance(page, survey_model):
        status = page.status(now)
        process = Process(
            page,
            SURVEY,
            KIND_LABELS[SURVEY],
            SURVEY_PHASES.get(status, phases.CLOSED),
            SURVEY_LABELS.get(status, ""),
            getattr(page, "opens_at", None),
            getattr(page, "closes_at", None),
        )
        visible = getattr(page, "results_visible", None)
        if visible is not None and page.url:
            try:
                shown = visible(anonymous or AnonymousUser(), now)
            except TypeError:
                shown = False
            if shown:
                process.links = [(_("Results"), f"{page.url}resultados/")]
        return process
    return Process(page, OTHER, INDEX_LABELS.get(label, KIND_LABELS[OTHER]))


def _sections_and_links(page):
    """``[ParticipaSection]`` of the page and ``[(section pk, page id)]`` of their
    processes, in one query (the processes' table joined); a preview's sections are
    the page's own (in memory), their processes read as published."""
    if "participa_sections" in getattr(page, "_cluster_related_objects", {}):
        sections = list(page.participa_sections.all())
        if not sections:
            return [], []
        through = sections[0].processes.through
        rows = list(
            through.objects.filter(participasection__in=[s.pk for s in sections]).values_list(
                "participasection_id", "page_id"
            )
        )
        return sections, rows
    sections, rows = {}, []
    for section in ParticipaSection.objects.filter(page_id=page.pk).annotate(
        process_id=F("processes")
    ):
        sections.setdefault(section.pk, section)
        if section.process_id is not None:
            rows.append((section.pk, section.process_id))
    return list(sections.values()), rows


def _index_models():
    index_models = [
        (_("All consultations"), ConsultationIndexPage),
        (_("All debates"), DebateIndexPage),
        (_("All surveys"), survey_index_model()),
    ]
    return [(label, model) for label, model in index_models if model is not None]


def _processes_and_indexes(rows, locale_id, request=None):
    """``({page id: specific page}, [(label, index)])``: the live, public pages the
    sections list and the consultation, debate and survey indexes of ``locale_id``
    that exist and are live (the first of each type in the tree), in one query."""
    index_models = _index_models()
    types = ContentType.objects.get_for_models(*(model for _label, model in index_models))
    wanted = Q(pk__in={page_id for _s, page_id in rows}) | Q(
        locale_id=locale_id, content_type__in=types.values()
    )
    pages, first = {}, {}
    process_ids = {page_id for _s, page_id in rows}
    index_types = {content_type.pk for content_type in types.values()}
    queryset = public_only(Page.objects.live().filter(wanted), request).order_by("path")
    for page in _process_pages(queryset):
        if page.pk in process_ids:
            pages[page.pk] = _specific(page)
        if page.locale_id == locale_id and page.content_type_id in index_types:
            first.setdefault(page.content_type_id, page)
    found = []
    for label, model in index_models:
        page = first.get(types[model].pk)
        if page is not None:
            found.append((label, page))
    return pages, found


def _by_section(rows, pages, now):
    """``{section pk: [Process]}`` of the pages read, each list in its order."""
    described = {pk: describe(page, now) for pk, page in pages.items()}
    result = {}
    for section_id, page_id in rows:
        if page_id in described:
            result.setdefault(section_id, []).append(described[page_id])
    for processes in result.values():
        processes.sort(key=lambda process: process.sort_key)
    return result


def _calendar_pages(locale, now, length, request=None):
    """The calendar's candidates in ONE query: of each process type, the ``length``
    upcoming or open ones closing soonest and the ``length`` closed most recently (a
    window function ranks them within their type), as specific pages; in the order
    the per-type queries had (type, then current before closed, then dates)."""
    models = _process_models()
    types = ContentType.objects.get_for_models(*(model for model, _accessor in models))
    closes = Coalesce(*(F(f"{accessor}__closes_at") for _model, accessor in models))
    still = Q(closes__gt=now) | Q(closes__isnull=True)
    current = Case(When(still, then=Value(True)), default=Value(False))
    type_order = Case(
        *(
            When(content_type=types[model].pk, then=Value(n))
            for n, (model, _a) in enumerate(models)
        ),
        output_field=IntegerField(),
    )
    ordering = [
        Case(When(current=True, then=F("closes"))).asc(),
        Case(When(current=False, then=F("closes"))).desc(),
        Case(When(current=True, then=F("pk"))).asc(),
        F("pk").desc(),
    ]
    queryset = (
        public_only(Page.objects.live(), request)
        .filter(locale=locale, content_type__in=[types[model].pk for model, _a in models])
        .annotate(closes=closes)
        .annotate(current=current, type_order=type_order)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("content_type"), F("current")], order_by=ordering
            )
        )
        .filter(rank__lte=length)
        .order_by("type_order", F("current").desc(), *ordering)
    )
    return [(_specific(page), page.current) for page in _process_pages(queryset)]


def calendar(locale, now=None, length=CALENDAR_LENGTH, request=None, pages=None):
    """Every live, public consultation, debate and survey of ``locale`` with its dates:
    the upcoming and open ones first (closing soonest first), then the most recently
    closed, ``length`` at most. A fixed number of queries (one, two for a language
    other than the default: the consultations' originals); ``pages`` are the
    candidates when already read (``_calendar_pages``), their outcomes attached."""
    now = now or timezone.now()
    if pages is None:
        pages = _calendar_pages(locale, now, length, request)
        _attach_outcomes([p for p, _current in pages if isinstance(p, ConsultationPage)])
    current = [page for page, is_current in pages if is_current]
    finished = [page for page, is_current in pages if not is_current]
    anonymous = AnonymousUser()
    entries = [describe(page, now, anonymous) for page in current + finished]
    upcoming = sorted(
        (e for e in entries if e.phase in (phases.OPEN, phases.ANNOUNCED)),
        key=lambda e: e.sort_key,
    )
    done = sorted(
        (e for e in entries if e.phase not in (phases.OPEN, phases.ANNOUNCED)),
        key=lambda e: -(e.closes_at.timestamp() if e.closes_at else 0),
    )
    return (upcoming + done)[:length]


def indexes(locale, request=None):
    """``[(label, page)]``: the consultation, debate and survey indexes of ``locale``
    that exist and are live (the first of each type in the tree), in one query."""
    return _processes_and_indexes([], getattr(locale, "pk", locale), request)[1]


def participa_context(page, request):
    """The landing's six sections, its calendar and the index links: one query for the
    sections, one for their pages and the indexes, one for the calendar (and one for
    the consultations' originals in a language other than the default)."""
    now = timezone.now()
    section_rows, links = _sections_and_links(page)
    pages, found_indexes = _processes_and_indexes(links, page.locale_id, request)
    calendar_pages = _calendar_pages(page.locale_id, now, CALENDAR_LENGTH, request)
    _attach_outcomes(
        [
            p
            for p in [*pages.values(), *(p for p, _c in calendar_pages)]
            if isinstance(p, ConsultationPage)
        ]
    )
    by_section = _by_section(links, pages, now)
    rows = {section.key: section for section in section_rows}
    labels = dict(SECTION_CHOICES)
    sections = []
    for key in SECTION_KEYS:
        row = rows.get(key)
        sections.append(
            Section(
                key=key,
                label=labels[key],
                intro=row.intro if row else "",
                upcoming=row.upcoming if row else "",
                processes=by_section.get(row.pk, []) if row else [],
            )
        )
    return {
        "participa_sections": sections,
        "participa_calendar": calendar(page.locale_id, now, request=request, pages=calendar_pages),
        "participa_indexes": found_indexes,
    }
