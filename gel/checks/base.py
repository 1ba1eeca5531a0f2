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
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

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
    English trees, its entity settings, model lookups and page lookups by path."""

    def __init__(self, site=None):
        self.site = site or Site.objects.select_related("root_page").get(is_default_site=True)
        self._paths = {}

    def model(self, label):
        """A model of another app by ``"app_label.ModelName"`` (None if not installed)."""
        try:
            return apps.get_model(label)
        except LookupError:
            return None

    @cached_property
    def private_q(self):
        """Pages in a private section (read once per evaluation, not once per query)."""
        return Page.objects.all().private_q()

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
    def es_locale(self):
        return Locale.objects.get(language_code="es")

    @cached_property
    def en_locale(self):
        return Locale.objects.filter(language_code="en").first()

    @cached_property
    def entity(self):
        from cms.models import EntitySettings

        return EntitySettings.for_site(self.site)

    def url(self, name, *args, language="es"):
        """The path of a named URL in ``language`` ('' when it is not served)."""
        with translation.override(language):
            return url_or_empty(name, *args)

    def page_evidence(self, page):
        return Evidence(page.title, page.url or "", page)

    @property
    def min_translated_percent(self):
        return getattr(settings, "GEL_MIN_TRANSLATED_PERCENT", 80)
