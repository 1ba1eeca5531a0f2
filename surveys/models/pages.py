"""Survey page types: an index of surveys and the survey itself (a routable page whose
sub-routes are the thank-you page, the results and the exports)."""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.models import BasePage
from surveys.blocks import NO, OTHER_OPTION, YES, SurveyStreamBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


@dataclass
class Question:
    """A question of the survey definition, read from its StreamField block."""

    id: str
    type: str
    label: str
    help_text: str
    required: bool
    sensitive: bool
    options: list = field(default_factory=list)  # [(option_id, label)]
    allow_other: bool = False
    max_choices: int | None = None
    scale: tuple = ()
    low_label: str = ""
    high_label: str = ""

    @property
    def field_name(self):
        return f"q_{self.id}"

    @property
    def option_labels(self):
        return dict(self.options)


@dataclass
class Step:
    title: str = ""
    description: str = ""
    questions: list = field(default_factory=list)


def question_from_block(block):
    value = block.value
    sensitive = bool(value.get("sensitive"))
    question = Question(
        id=block.id,
        type=block.block_type,
        label=value["question"],
        help_text=value.get("help_text") or "",
        # Sensitive personal data may never be demanded (Ley 1581, art. 6).
        required=bool(value.get("required")) and not sensitive,
        sensitive=sensitive,
    )
    if "options" in value:
        question.options = [
            (item.id, item.value["label"]) for item in value["options"].bound_blocks
        ]
    if block.block_type == "yes_no":
        question.options = [(YES, str(_("Yes"))), (NO, str(_("No")))]
    question.allow_other = bool(value.get("allow_other"))
    if question.allow_other:
        question.options = [*question.options, (OTHER_OPTION, str(_("Other")))]
    question.max_choices = value.get("max_choices") or None
    if block.block_type == "scale":
        low, high = (1, 5) if value.get("scale") != "0-10" else (0, 10)
        question.scale = (low, high)
        question.low_label = value.get("low_label") or ""
        question.high_label = value.get("high_label") or ""
    return question


class SurveyIndexPage(BasePage):
    """Lists the surveys under it: open ones first, then closed ones with results."""

    # Under the home page or a section page; it holds only surveys.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("survey index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = list(
            SurveyPage.objects.child_of(self).live().public().order_by("-opens_at", "-pk")
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
        """The survey as steps: a section block starts a new one."""
        steps = [Step()]
        for block in self.questions:
            if block.block_type == "section":
                if steps[-1].questions or steps[-1].title:
                    steps.append(Step())
                steps[-1].title = block.value["title"]
                steps[-1].description = block.value.get("description") or ""
            else:
                steps[-1].questions.append(question_from_block(block))
        return [step for step in steps if step.questions] or [Step()]

    def all_questions(self):
        return [q for step in self.steps() for q in step.questions]

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
        return bool(user and user.has_perm("surveys.view_report"))

    # Routes ---------------------------------------------------------------------

    @path("")
    def survey_form(self, request):
        from surveys.views import survey

        return survey.answer(request, self)

    @path("gracias/")
    def thanks(self, request):
        from surveys.views import survey

        return survey.thanks(request, self)

    @path("resultados/")
    def results(self, request):
        from surveys.views import results

        return results.results(request, self)

    @re_path(r"^resultados/(?P<fmt>csv|json)/$")
    def results_data(self, request, fmt):
        from surveys.views import results

        return results.open_data(request, self, fmt)

    @re_path(r"^respuestas/(?P<fmt>csv|json)/$")
    def raw_export(self, request, fmt):
        from surveys.views import exports

        return exports.raw_export(request, self, fmt)
