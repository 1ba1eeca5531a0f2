from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from participation import moderation


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
