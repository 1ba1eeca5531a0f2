"""What the "Participa" landing (``ParticipaPage``) shows, in a bounded number of
queries whatever the number of processes: the six DAFP sections in their fixed order,
each with its processes (or what will be published there and when), the participation
calendar and links to the consultation, debate and survey indexes.

Surveys are a sibling app: their pages are reached through the app registry and read by
duck typing (``status()``, ``opens_at``, ``closes_at``), never imported."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from cms.navigation import public_only
from participation import phases
from participation.models import (
    ConsultationIndexPage,
    ConsultationOutcome,
    ConsultationPage,
    DebateIndexPage,
    DebatePage,
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


def _prefetch_outcomes(consultations):
    """Set each consultation's canonical id and outcome in two queries at most, so
    ``phase()`` asks nothing more."""
    if not consultations:
        return
    default = Locale.get_default()
    keys = {page.translation_key for page in consultations if page.locale_id != default.pk}
    originals = {}
    if keys:
        originals = dict(
            Page.objects.filter(translation_key__in=keys, locale=default).values_list(
                "translation_key", "pk"
            )
        )
    for page in consultations:
        if page.locale_id == default.pk:
            page._canonical_id = page.pk
        else:
            page._canonical_id = originals.get(page.translation_key, page.pk)
    outcomes = {
        outcome.page_id: outcome
        for outcome in ConsultationOutcome.objects.filter(
            page_id__in={page._canonical_id for page in consultations}
        )
    }
    for page in consultations:
        page._outcome_cache = outcomes.get(page._canonical_id)


def describe(page, now=None, anonymous=None):
    """The ``Process`` of a specific page (its outcome prefetched for a consultation)."""
    now = now or timezone.now()
    label = page._meta.label_lower
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


def _processes_by_section(sections, now, request=None):
    """``{section pk: [Process]}``: the live, public pages editors picked, in one query
    for the links, one for the pages, one per page type, two for the outcomes."""
    through = sections[0].processes.through if sections else None
    if through is None:
        return {}
    rows = list(
        through.objects.filter(participasection__in=[s.pk for s in sections]).values_list(
            "participasection_id", "page_id"
        )
    )
    pages = {
        page.pk: page
        for page in public_only(
            Page.objects.filter(pk__in={page_id for _s, page_id in rows}).live(), request
        ).specific()
    }
    _prefetch_outcomes([p for p in pages.values() if isinstance(p, ConsultationPage)])
    described = {pk: describe(page, now) for pk, page in pages.items()}
    result = {}
    for section_id, page_id in rows:
        if page_id in described:
            result.setdefault(section_id, []).append(described[page_id])
    for processes in result.values():
        processes.sort(key=lambda process: process.sort_key)
    return result


def calendar(locale, now=None, length=CALENDAR_LENGTH, request=None):
    """Every live, public consultation, debate and survey of ``locale`` with its dates:
    the upcoming and open ones first (closing soonest first), then the most recently
    closed, ``length`` at most. A fixed number of queries."""
    now = now or timezone.now()
    models = [ConsultationPage, DebatePage]
    survey_model = survey_page_model()
    if survey_model is not None:
        models.append(survey_model)
    current, finished = [], []
    for model in models:
        base = public_only(model.objects.live(), request).filter(locale=locale)
        still = Q(closes_at__gt=now) | Q(closes_at__isnull=True)
        current += list(base.filter(still).order_by("closes_at", "pk")[:length])
        finished += list(base.exclude(still).order_by("-closes_at", "-pk")[:length])
    _prefetch_outcomes([p for p in current + finished if isinstance(p, ConsultationPage)])
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
    index_models = [
        (_("All consultations"), ConsultationIndexPage),
        (_("All debates"), DebateIndexPage),
        (_("All surveys"), survey_index_model()),
    ]
    index_models = [(label, model) for label, model in index_models if model is not None]
    types = ContentType.objects.get_for_models(*(model for _label, model in index_models))
    first = {}
    for page in public_only(
        Page.objects.live().filter(locale=locale, content_type__in=types.values()), request
    ).order_by("path"):
        first.setdefault(page.content_type_id, page)
    found = []
    for label, model in index_models:
        page = first.get(types[model].pk)
        if page is not None:
            found.append((label, page))
    return found


def participa_context(page, request):
    """The landing's six sections, its calendar and the index links."""
    now = timezone.now()
    rows = {section.key: section for section in page.participa_sections.all()}
    by_section = _processes_by_section(list(rows.values()), now, request)
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
        "participa_calendar": calendar(page.locale_id, now, request=request),
        "participa_indexes": indexes(page.locale_id, request),
    }
