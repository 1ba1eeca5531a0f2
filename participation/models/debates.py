"""Debates: the index under "Participa", the debate page an editor (or an accepted
citizen proposal) creates, and the citizen's proposal waiting for a moderator."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.models import BasePage, Dependency
from cms.navigation import public_only
from participation import phases

CONTEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class DebateIndexPage(BasePage):
    """Lists the debates under it with filters; the public entry to propose one."""

    parent_page_types = ["home.HomePage", "home.StandardPage", "participation.ParticipaPage"]
    subpage_types = ["participation.DebatePage"]
    max_count_per_parent = 1

    code_of_conduct = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("code of conduct page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('The "Normas de participación" page linked from every comment form.'),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("code_of_conduct")]

    class Meta:
        verbose_name = _("debate index page")

    def debates(self, request=None):
        return public_only(DebatePage.objects.child_of(self).live(), request)

    def get_context(self, request, *args, **kwargs):
        from participation.contexts import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class DebatePage(RoutablePageMixin, BasePage):
    """A question or topic open to discussion between two dates.

    Its phase (announced, open, closed) follows the dates; comments are refused
    outside the open phase by the comment service, not only by a hidden form."""

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("dependency",)

    PREMODERATION_NONE = "none"
    PREMODERATION_NEW = "new_accounts"
    PREMODERATION_ALL = "all"
    PREMODERATION_CHOICES = [
        (PREMODERATION_NONE, _("None: comments are published at once")),
        (PREMODERATION_NEW, _("First comment of each participant waits for approval")),
        (PREMODERATION_ALL, _("Every comment waits for approval")),
    ]

    parent_page_types = ["participation.DebateIndexPage"]
    subpage_types = []

    question = models.CharField(
        _("question or topic"),
        max_length=300,
        help_text=_("What citizens are asked to discuss, as a question where possible."),
    )
    context = RichTextField(
        _("context"),
        features=CONTEXT_FEATURES,
        blank=True,
        help_text=_("Background, data and documents a participant needs."),
    )
    dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("responsible dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    conclusion = RichTextField(
        _("conclusion"),
        features=CONTEXT_FEATURES,
        blank=True,
        help_text=_("The entity's conclusion, published when the debate closes."),
    )
    premoderation = models.CharField(
        _("pre-moderation"),
        max_length=20,
        choices=PREMODERATION_CHOICES,
        default=PREMODERATION_NONE,
    )
    proposed_by = models.ForeignKey(
        "participation.Profile",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_debates",
        help_text=_("The citizen whose proposal became this debate (shown by nickname)."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("question"),
        FieldPanel("context"),
        FieldPanel("dependency"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading=_("Period"),
        ),
        FieldPanel("conclusion"),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("premoderation")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("question"),
        index.SearchField("context"),
        index.SearchField("conclusion"),
    ]

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The debate must close after it opens.")})

    def phase(self, now=None):
        return phases.phase(self.opens_at, self.closes_at, now)

    def phase_label(self):
        return phases.LABELS[self.phase()]

    @property
    def is_open(self):
        return self.phase() == phases.OPEN

    def get_context(self, request, *args, **kwargs):
        from participation.contexts import debate_context

        context = super().get_context(request, *args, **kwargs)
        context.update(debate_context(self, request))
        return context

    @property
    def proposer_erased(self):
        """Proposed by a citizen who has since deleted their account (shown as
        "Participante eliminado")."""
        if self.proposed_by_id is not None:
            return False
        return DebateProposal.objects.filter(debate=self, author__isnull=True).exists()

    # routes: served by participation/views/results.py, registered by name

    @path("resultados/")
    def results_route(self, request):
        from participation.routes import serve

        return serve("debate_results", self, request)

    @path("certificado/")
    def certificate_route(self, request):
        from participation.routes import serve

        return serve("debate_certificate", self, request)


def with_comment_counts(debates):
    """Annotate ``comment_count``: the published comments of each debate, in the query."""
    from participation.models.comments import Comment

    return debates.annotate(
        comment_count=Count(
            "participation_comments",
            filter=Q(participation_comments__status=Comment.PUBLISHED),
            distinct=True,
        )
    )


class DebateProposal(models.Model):
    """A debate a registered citizen proposes. Never public until a moderator accepts
    it; accepting publishes a DebatePage under the index, shown as proposed by the
    citizen's nickname."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STATUS_CHOICES = [
        (PENDING, _("Waiting for moderation")),
        (ACCEPTED, _("Accepted")),
        (REJECTED, _("Rejected")),
    ]

    #: None once the author deleted their account (an accepted proposal stays, as the
    #: debate it became; the others go with the account)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="debate_proposals",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(max_length=10, default="es")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    debate = models.OneToOneField(
        DebatePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )

    class Meta:
        verbose_name = _("debate proposal")
        verbose_name_plural = _("debate proposals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title
