"""Admin wiring: the "Moderación" menu (queue with a count of what waits, blocks, the
word list snippet), the moderation URLs, and the audit-log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_menu import RuleMenuItem
from participation import admin_urls, moderation, rules
from participation.admin_views.queues import waiting_total
from participation.models import ModeratedWord

MENU_HOOK = "register_participation_moderation_menu_item"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderacion/", include(admin_urls))]


class WaitingCountMixin:
    """A menu item whose label is followed by how many items wait, e.g. "Cola (4)"."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = waiting_total(request)
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


class QueueMenuItem(WaitingCountMixin, RuleMenuItem):
    pass


class ModerationMenuItem(WaitingCountMixin, SubmenuMenuItem):
    pass


@hooks.register(MENU_HOOK)
def register_queue_menu_item():
    return QueueMenuItem(
        _("Queue"),
        reverse("participation_admin:queue"),
        rule=rules.can_moderate,
        icon_name="tasks",
        order=10,
    )


@hooks.register(MENU_HOOK)
def register_blocks_menu_item():
    return RuleMenuItem(
        _("Blocked participants"),
        reverse("participation_admin:blocks"),
        rule=rules.can_moderate,
        icon_name="lock",
        order=20,
    )


class ModeratedWordViewSet(SnippetViewSet):
    model = ModeratedWord
    icon = "warning"
    menu_label = _("Word list")
    menu_order = 30
    list_display = ["word", "created_at"]
    search_fields = ["word"]
    form_fields = ["word"]


class ModerationGroup(SnippetViewSetGroup):
    """One "Moderación" menu: the queue and blocks (registered with ``MENU_HOOK``) and
    the word list."""

    items = (ModeratedWordViewSet,)
    menu_label = _("Moderation")
    menu_name = "moderation"
    menu_icon = "comment"
    menu_order = 260
    submenu_hook = MENU_HOOK

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        return ModerationMenuItem(
            item.label, item.menu, name=item.name, icon_name=item.icon_name, order=item.order
        )


register_snippet(ModerationGroup)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(moderation.APPROVE, _("Approved"), _("Contribution approved"))
    actions.register_action(
        moderation.HOLD, _("Held by reports"), _("Hidden pending review after reports")
    )
    actions.register_action(moderation.HIDE, _("Hidden"), _("Hidden by moderation"))
    actions.register_action(moderation.RESTORE, _("Restored"), _("Restored by moderation"))
    actions.register_action(moderation.BLOCK, _("User blocked"), _("Participant blocked"))
    actions.register_action(moderation.UNBLOCK, _("User unblocked"), _("Participant unblocked"))
    actions.register_action(
        moderation.ACCEPT_PROPOSAL, _("Proposal accepted"), _("Debate proposal accepted")
    )
    actions.register_action(
        moderation.REJECT_PROPOSAL, _("Proposal rejected"), _("Debate proposal rejected")
    )


# Consultations: the "Import text" action of a consultation page ------------------------

from wagtail.admin import widgets as admin_widgets  # noqa: E402


@hooks.register("register_admin_urls")
def register_draft_import_urls():
    return [path("participacion/", include(admin_urls.draft_urlpatterns))]


def _import_button(page, user, priority):
    """The "Import text" button of a consultation the user may edit (its original:
    translations follow it)."""
    from participation.models import ConsultationPage

    if not issubclass(page.specific_class or type(page), ConsultationPage):
        return None
    if not rules.can_import_draft(user, page):
        return None
    from participation.drafts import canonical_page_id

    if canonical_page_id(page) != page.pk:
        return None
    return admin_widgets.Button(
        _("Import text"),
        reverse("participation_drafts:import", args=[page.pk]),
        icon_name="doc-full",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name, next_url=None):
    button = _import_button(page, user, priority=40)
    if button is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def consultation_listing_buttons(page, user, next_url=None):
    button = _import_button(page, user, priority=45)
    if button is not None:
        yield button


# Consultations: the answers matrix ("Consultas" menu, its URLs, its audit-log actions)


@hooks.register("register_admin_urls")
def register_answers_urls():
    return [path("consultas/", include(admin_urls.answers_urls))]


@hooks.register("register_admin_menu_item")
def register_consultations_menu_item():
    return RuleMenuItem(
        _("Consultations"),
        reverse("participation_answers:list"),
        rule=rules.can_answer_any,
        icon_name="doc-full",
        order=265,
    )


@hooks.register("register_log_actions")
def register_answer_log_actions(actions):
    from participation import answers

    actions.register_action(
        answers.ANSWER, _("Observations answered"), _("Observations of a consultation answered")
    )
    actions.register_action(
        answers.EDIT_ANSWER, _("Answer corrected"), _("Answer to observations corrected")
    )
    actions.register_action(
        answers.PUBLISH_MATRIX,
        _("Matrix published"),
        _("Answers matrix published: consultation concluded"),
    )
