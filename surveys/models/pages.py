"""Survey page types: an index of surveys and the survey itself (a routable page whose
sub-routes are the thank-you page, the results and the exports). The routes are
served by surveys/views, which register their handlers in surveys/routes.py."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.models import BasePage
from cms.navigation import public_only
from surveys import routes, rules
from surveys.questions import SurveyStreamBlock, parse_steps

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SurveyIndexPage(BasePage):
    """Lists the surveys under it: open ones first, then closed ones with results."""

    # Under the home page or a section page; it holds only surveys.
    parent_page_types = ["home.HomePage", "home.StandardPage", "participation.ParticipaPage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("survey index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = list(
            public_only(SurveyPage.objects.child_of(self).live(), request).order_by(
                "-opens_at", "-pk"
            )
        )
        now = timezone.now()
        context["open_surveys"] = [s for s in surveys if s.status(now) == "open"]
        context["other_surveys"] = [s for s in surveys if s.status(now) != "open"]
        return context


class SurveyPage(RoutablePageMixin, BasePage):
    """An opinion or satisfaction survey an editor composes from question blocks.

    Section blocks split it into steps. Answers are stored against block UUIDs (see
    surveys/blocks.py); the period and the audience decide who may answer and when."""

    AUDIENCE_ANYONE = "anyone"
    AUDIENCE_REGISTERED = "registered"
    AUDIENCE_VERIFIED = "verified"
    AUDIENCE_CHOICES = [
        (AUDIENCE_ANYONE, _("Anyone (one answer per browser)")),
        (AUDIENCE_REGISTERED, _("Registered users (one answer per account)")),
        (AUDIENCE_VERIFIED, _("Registered users with a verified email")),
    ]
    RESULTS_PUBLIC = "public"
    RESULTS_AFTER_CLOSE = "after_close"
    RESULTS_CHOICES = [
        (RESULTS_PUBLIC, _("Public while the survey is open")),
        (RESULTS_AFTER_CLOSE, _("Hidden until the survey closes")),
    ]

    questions = StreamField(SurveyStreamBlock(), verbose_name=_("questions"), blank=True)
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=RICH_FEATURES,
        blank=True,
        help_text=_("How the answers are used (Ley 1581). A standard notice is shown if empty."),
    )
    thank_you_text = RichTextField(_("thank-you text"), features=RICH_FEATURES, blank=True)
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    audience = models.CharField(
        _("who may answer"), max_length=20, choices=AUDIENCE_CHOICES, default=AUDIENCE_ANYONE
    )
    results_visibility = models.CharField(
        _("results"), max_length=20, choices=RESULTS_CHOICES, default=RESULTS_AFTER_CLOSE
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("questions"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("audience"),
                FieldPanel("results_visibility"),
            ],
            heading=_("Period, audience and results"),
        ),
        *BasePage.settings_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    # Surveys sit in the survey index, in a section page or on the home page; no children.
    parent_page_types = ["home.HomePage", "home.StandardPage", "surveys.SurveyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    # Definition -----------------------------------------------------------------

    def steps(self):
        """The survey as steps: a section block starts a new one.

        The StreamField is parsed once per page instance (Wagtail serves each request
        from a fresh one) and again only when ``questions`` is assigned a new value."""
        cached = self.__dict__.get("_parsed_steps")
        if cached is None or cached[0] is not self.questions:
            cached = (self.questions, parse_steps(self.questions))
            self.__dict__["_parsed_steps"] = cached
        return cached[1]

    def all_questions(self):
        return [q for step in self.steps() for q in step.questions]

    # Translations ---------------------------------------------------------------

    @property
    def original_id(self):
        """The page answers are stored against: the survey in the default language, so
        one person answers once whichever translation they use."""
        cached = self.__dict__.get("_original_id")
        if cached is None:
            default = Locale.get_default()
            cached = self.pk
            if self.locale_id != default.pk:
                original = (
                    Page.objects.filter(translation_key=self.translation_key, locale=default)
                    .values_list("pk", flat=True)
                    .first()
                )
                cached = original or self.pk
            self.__dict__["_original_id"] = cached
        return cached

    def translation_ids(self):
        """A subquery of the ids of this survey and its translations: results and
        exports of any of them count the answers of all of them."""
        return Page.objects.filter(translation_key=self.translation_key).values("pk")

    # Period and audience --------------------------------------------------------

    def status(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "not_open"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def results_visible(self, user=None, now=None):
        if self.results_visibility == self.RESULTS_PUBLIC or self.status(now) == "closed":
            return True
        return rules.can_see_results_before_close(user)

    # Routes ---------------------------------------------------------------------

    @path("")
    def survey_form(self, request):
        return routes.dispatch("survey_form", request, self)

    @path("gracias/")
    def thanks(self, request):
        return routes.dispatch("thanks", request, self)

    @path("resultados/")
    def results(self, request):
        return routes.dispatch("results", request, self)

    @re_path(r"^resultados/(?P<fmt>csv|json|xlsx)/$")
    def results_data(self, request, fmt):
        return routes.dispatch("results_data", request, self, fmt=fmt)

    @re_path(r"^respuestas/(?P<fmt>csv|json|xlsx)/$")
    def raw_export(self, request, fmt):
        return routes.dispatch("raw_export", request, self, fmt=fmt)
