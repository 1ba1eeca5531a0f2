"""Result types, the registry of checks and the site context they share.

A check is ``func(context) -> Result``: met, partly or not met, with evidence links
(pages, features, URLs). It reads the live site only through its models and URL
names: gel sits beside home, pqr, surveys and participation (import-linter layers), so
their models are looked up by label (``context.model("surveys.SurveyPage")``) and
never imported."""

from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageViewRestriction, Site, Workflow

MET = "met"
PARTLY = "partly"
NOT_MET = "not_met"
NOT_EVALUATED = "not_evaluated"
STATUS_LABELS = {
    MET: _("Met"),
    PARTLY: _("Partly met"),
    NOT_MET: _("Not met"),
    NOT_EVALUATED: _("Not evaluated"),
}

#: criterion id -> Check, filled by ``automatic`` and ``register``
CHECKS = {}


@dataclass(frozen=True)
class Evidence:
    label: str
    url: str = ""
    #: the Spanish page shown, so that ``gel.evidence.localize`` links its translation
    page: object = field(default=None, compare=False, repr=False)


@dataclass
class Result:
    status: str
    evidence: list = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Check:
    criterion_id: str
    name: str  # the function's name, shown to the committee
    description: str
    func: object

    def __call__(self, context):
        return self.func(context)


def register(criterion_id, func, description, name=None):
    if criterion_id in CHECKS:
        raise ValueError(f"criterion {criterion_id!r} already has a check")
    CHECKS[criterion_id] = Check(criterion_id, name or func.__name__, description, func)


def automatic(criterion_id, description):
    """Decorator: ``func`` is the automatic check of ``criterion_id``."""

    def decorate(func):
        register(criterion_id, func, description)
        return func

    return decorate


def graded(parts, evidence=(), note=""):
    """Met when every part holds, partly when some do, not met when none does."""
    parts = list(parts)
    held = sum(1 for part in parts if part)
    status = MET if parts and held == len(parts) else PARTLY if held else NOT_MET
    return Result(status, list(evidence), note)


def url_or_empty(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


class SiteContext:
    """What the checks share for one evaluation of the default site: its Spanish and
    English trees, its entity settings, model lookups and page lookups by path.

    The facts most checks need are read once and answered from memory: every live page
    (``live_pages``, one query: which types are published, in which language, under
    which path), the view restrictions, the locales (with whether the other apps have
    recorded ratings, case events and workflows, in the same query). With a
    ``request`` for the default site, the site, its settings and the view restrictions
    are the request's own (read once for the page and its menus)."""

    #: page types whose own fields some checks read (surveys' visibility, procurement
    #: entries, procedures' forms): their tables are joined to ``live_pages``' query
    JOINED = {
        "surveys.SurveyPage": (),
        "transparency.PublicationsPage": (),
        "transparency.ProcedurePage": ("online_form",),
    }

    def __init__(self, site=None, request=None):
        self.request = None
        if site is None and request is not None:
            found = Site.find_for_request(request)
            if found is not None and found.is_default_site:
                site, self.request = found, request
        self.site = site or Site.objects.select_related("root_page").get(is_default_site=True)
        self._paths = {}

    def model(self, label):
        """A model of another app by ``"app_label.ModelName"`` (None if not installed)."""
        try:
            return apps.get_model(label)
        except LookupError:
            return None

    @cached_property
    def restricted_paths(self):
        """The paths of the pages with a view restriction (read once per evaluation)."""
        if self.request is not None:
            from cms.navigation import restricted_paths

            return list(restricted_paths(self.request))
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def private_q(self):
        """Pages in a private section (read once per evaluation, not once per query)."""
        q = Q(pk__in=[])
        for path in self.restricted_paths:
            q |= Q(path__startswith=path)
        return q

    def is_public(self, page):
        return not any(page.path.startswith(path) for path in self.restricted_paths)

    def public(self, queryset):
        """The live pages of ``queryset`` outside private sections."""
        return queryset.live().exclude(self.private_q)

    def live(self, label):
        """The live pages of a page model, in any locale (none if the app is absent)."""
        model = self.model(label)
        return self.public(model.objects.all()) if model is not None else Page.objects.none()

    def live_es(self, label):
        return self.live(label).filter(locale=self.es_locale)

    @cached_property
    def _joined(self):
        """``[(label, model, accessor from a Page row)]`` of the installed ``JOINED``."""
        found = []
        for label in self.JOINED:
            model = self.model(label)
            if model is not None and Page in model._meta.parents:
                accessor = model._meta.parents[Page].remote_field.get_accessor_name()
                found.append((label, model, accessor))
        return found

    @cached_property
    def live_pages(self):
        """Every live page of every language, in tree order, the ``JOINED`` types' own
        tables joined in (one query)."""
        related = []
        for label, _model, accessor in self._joined:
            related += [accessor, *(f"{accessor}__{name}" for name in self.JOINED[label])]
        return list(Page.objects.live().select_related(*related).order_by("path"))

    @cached_property
    def public_pages(self):
        """The live pages outside private sections, in tree order."""
        return [page for page in self.live_pages if self.is_public(page)]

    def public_of(self, label, locale=None):
        """The public live pages of a page model (``"app.Model"``, subclasses too), of
        ``locale`` if given, as the Page rows of ``public_pages``."""
        model = self.model(label)
        if model is None:
            return []
        return [
            page
            for page in self.public_pages
            if (locale is None or page.locale_id == locale.pk)
            and page.specific_class is not None
            and issubclass(page.specific_class, model)
        ]

    def specific_public_es(self, label):
        """The public live Spanish pages of a ``JOINED`` type as specific pages (read
        with ``live_pages``), in tree order; else read with ``live_es``."""
        cache = self.__dict__.setdefault("_specific_public_es", {})
        if label not in cache:
            joined = {name: (model, accessor) for name, model, accessor in self._joined}
            if label not in joined:
                cache[label] = list(self.live_es(label))
            else:
                model, accessor = joined[label]
                pages = self.public_of(label, self.es_locale)
                cache[label] = [_joined_specific(page, accessor) for page in pages]
        return cache[label]

    def first_public_es(self, label):
        """The first (in tree order) public live page of a model in Spanish, or None."""
        return next(iter(self.public_of(label, self.es_locale)), None)

    #: rows the checks only need to know exist: name -> model label (None: a workflow)
    RECORDED = {
        "rating": "pqr.Rating",
        "page_feedback": "surveys.PageFeedback",
        "case_event": "pqr.CaseEvent",
        "workflow": None,
    }

    @cached_property
    def _locales(self):
        """``{language code: Locale}``; every row also says whether the ``RECORDED``
        rows exist (``recorded_<name>``): one query for both."""
        annotations = {}
        for name, label in self.RECORDED.items():
            if label is None:
                rows = Workflow.objects.filter(active=True, workflow_pages__isnull=False)
            else:
                model = self.model(label)
                if model is None:
                    continue
                rows = model.objects.all()
            annotations[f"recorded_{name}"] = Exists(rows)
        return {locale.language_code: locale for locale in Locale.objects.annotate(**annotations)}

    def recorded(self, name):
        """Whether rows of ``RECORDED[name]`` exist (False when the app is absent)."""
        locale = next(iter(self._locales.values()), None)
        if locale is None:
            return False
        return bool(getattr(locale, f"recorded_{name}", False))

    def locale(self, language_code):
        """The Locale of ``language_code``, or None."""
        return self._locales.get(language_code)

    @cached_property
    def es_locale(self):
        locale = self._locales.get("es")
        if locale is None:
            raise Locale.DoesNotExist("Locale matching query does not exist.")
        return locale

    @cached_property
    def en_locale(self):
        return self._locales.get("en")

    @cached_property
    def entity(self):
        from cms.models import EntitySettings

        if self.request is not None:
            return EntitySettings.for_request(self.request)
        return EntitySettings.for_site(self.site)

    @cached_property
    def procedures(self):
        """The live, public Spanish procedures (trámites and services), their linked
        online form read with them: one query for every check about them."""
        if self.model("transparency.ProcedurePage") is None:
            return []
        return self.specific_public_es("transparency.ProcedurePage")

    def url(self, name, *args, language="es"):
        """The path of a named URL in ``language`` ('' when it is not served)."""
        with translation.override(language):
            return url_or_empty(name, *args)

    def page_evidence(self, page):
        return Evidence(page.title, page.url or "", page)

    @property
    def min_translated_percent(self):
        return getattr(settings, "GEL_MIN_TRANSLATED_PERCENT", 80)


def _joined_specific(page, accessor):
    """The specific page joined to a Page row (``select_related`` of the reverse
    one-to-one), with the row's own values, as Wagtail's ``get_specific`` copies them."""
    specific = getattr(page, accessor)
    for name, value in page.__dict__.items():
        if name not in ("_state", "_prefetched_objects_cache"):
            specific.__dict__.setdefault(name, value)
    for name, value in page._state.fields_cache.items():
        specific._state.fields_cache.setdefault(name, value)
    return specific
