"""Moderators' decisions, as services: each one changes the item, resolves its
reports, writes Wagtail's audit log (who, what, when, why) and queues an e-mail that
explains the decision to the author and how to appeal. Every decision can be undone
by another one (hide ↔ restore, block ↔ unblock). A citizen's debate proposal is
accepted (published as a debate) or rejected with a reason."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from participation import notifications
from participation.models import (
    REASONS,
    Block,
    Comment,
    DebateHold,
    DebateIndexPage,
    DebatePage,
    DebateProposal,
    Profile,
    Report,
)

#: audit-log actions (registered in participation.wagtail_hooks)
APPROVE = "participation.approve"
HOLD = "participation.hold"
HIDE = "participation.hide"
RESTORE = "participation.restore"
BLOCK = "participation.block"
UNBLOCK = "participation.unblock"
ACCEPT_PROPOSAL = "participation.accept_proposal"
REJECT_PROPOSAL = "participation.reject_proposal"
#: the actions of a moderator (HOLD is the reports' own)
DECISIONS = (APPROVE, HIDE, RESTORE, BLOCK, UNBLOCK, ACCEPT_PROPOSAL, REJECT_PROPOSAL)

#: which decisions each comment status allows (approve also dismisses the reports of a
#: published comment; restore undoes a hide or a hold)
COMMENT_DECISIONS = {
    Comment.PENDING: ("approve", "hide"),
    Comment.HELD: ("approve", "hide", "restore"),
    Comment.PUBLISHED: ("approve", "hide"),
    Comment.HIDDEN: ("restore",),
    Comment.WITHDRAWN: (),
}


class NotAllowed(Exception):
    """A decision the item's current state does not allow; ``message`` is shown."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def check_comment_decision(comment, decision):
    if decision not in COMMENT_DECISIONS.get(comment.status, ()):
        raise NotAllowed(
            _("Comment %(pk)s cannot be decided that way in its current state (%(status)s).")
            % {"pk": comment.pk, "status": comment.get_status_display()}
        )


def _resolve_reports(**target):
    Report.objects.filter(resolved_at__isnull=True, **target).update(resolved_at=timezone.now())


def count_report(report):
    """After a new report: hold the item once enough distinct people reported it."""
    threshold = settings.PARTICIPATION_REPORTS_TO_HIDE
    if report.comment_id:
        comment = report.comment
        open_reports = Report.objects.filter(comment=comment, resolved_at__isnull=True).count()
        comment.report_count = open_reports
        if open_reports >= threshold and comment.status == Comment.PUBLISHED:
            comment.status = Comment.HELD
            comment.save()
            log(comment, HOLD, data={"reports": open_reports})
        else:
            comment.save(update_fields=["report_count"])
        return
    debate = report.debate
    open_reports = Report.objects.filter(debate=debate, resolved_at__isnull=True).count()
    if open_reports >= threshold:
        _hold, created = DebateHold.objects.get_or_create(
            debate=debate, defaults={"status": DebateHold.HELD}
        )
        if created:
            log(debate, HOLD, data={"reports": open_reports})


@transaction.atomic
def approve_comment(comment, moderator):
    """Publish a pending or held comment and clear its reports."""
    old = comment.status
    comment.status = Comment.PUBLISHED
    comment.hidden_reason = ""
    comment.report_count = 0
    comment.save()
    _resolve_reports(comment=comment)
    log(comment, APPROVE, user=moderator, data={"from": old})
    if old == Comment.PENDING:
        notifications.queue_replies(comment)
        notifications.queue_decision(comment.user, "approved", comment=comment)


@transaction.atomic
def hide_comment(comment, moderator, reason, note=""):
    """Hide with a public reason (one of REASONS), shown in place of the text."""
    if reason not in REASONS:
        raise ValueError(f"Unknown reason {reason!r}")
    old = comment.status
    comment.status = Comment.HIDDEN
    comment.hidden_reason = reason
    comment.report_count = 0
    comment.save()
    _resolve_reports(comment=comment)
    log(comment, HIDE, user=moderator, data={"from": old, "reason": reason, "note": note})
    notifications.queue_decision(comment.user, "hidden", comment=comment, reason=reason, note=note)


@transaction.atomic
def restore_comment(comment, moderator, note=""):
    """Undo a hide (or a hold): the comment is public again."""
    old = comment.status
    comment.status = Comment.PUBLISHED
    comment.hidden_reason = ""
    comment.report_count = 0
    comment.save()
    _resolve_reports(comment=comment)
    log(comment, RESTORE, user=moderator, data={"from": old, "note": note})
    notifications.queue_decision(comment.user, "restored", comment=comment, note=note)


@transaction.atomic
def hide_debate(debate, moderator, reason, note=""):
    if reason not in REASONS:
        raise ValueError(f"Unknown reason {reason!r}")
    DebateHold.objects.update_or_create(
        debate=debate, defaults={"status": DebateHold.HIDDEN, "reason": reason}
    )
    _resolve_reports(debate=debate)
    log(debate, HIDE, user=moderator, data={"reason": reason, "note": note})
    author = debate.proposed_by.user if debate.proposed_by_id else None
    if author is not None:
        notifications.queue_decision(author, "hidden", debate=debate, reason=reason, note=note)


@transaction.atomic
def restore_debate(debate, moderator, note=""):
    """Undo a hide or a hold of a debate, clearing its reports."""
    DebateHold.objects.filter(debate=debate).delete()
    _resolve_reports(debate=debate)
    log(debate, RESTORE, user=moderator, data={"note": note})
    author = debate.proposed_by.user if debate.proposed_by_id else None
    if author is not None:
        notifications.queue_decision(author, "restored", debate=debate, note=note)


@transaction.atomic
def block_user(user, moderator, reason, until=None):
    """Block ``user`` from participating until ``until`` (``None``: permanently)."""
    block = Block.objects.create(user=user, reason=reason, until=until, created_by=moderator)
    log(
        block,
        BLOCK,
        user=moderator,
        data={"user": user.pk, "reason": reason, "until": until.isoformat() if until else None},
    )
    notifications.queue_decision(user, "blocked", reason_text=reason, until=until)
    return block


@transaction.atomic
def unblock_user(block, moderator, note=""):
    block.lifted_at = timezone.now()
    block.lifted_by = moderator
    block.save(update_fields=["lifted_at", "lifted_by"])
    log(block, UNBLOCK, user=moderator, data={"user": block.user_id, "note": note})
    notifications.queue_decision(block.user, "unblocked", note=note)


def debate_index_for(language):
    """The debate index of ``language``, else the Spanish one (``None`` when neither)."""
    for code in (language, "es"):
        index = (
            DebateIndexPage.objects.filter(locale__language_code=code)
            .order_by("-live", "path")
            .first()
        )
        if index is not None:
            return index
    return None


def paragraphs_html(text):
    """A citizen's plain text as rich-text paragraphs, every character escaped."""
    parts = (part.strip() for part in re.split(r"\n\s*\n", text.replace("\r", "")))
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in parts if part)


def _profile(user):
    from participation.contributions import profile_for  # it imports this module

    return Profile.objects.filter(user=user).first() or profile_for(user)


def _pending_proposal(proposal):
    locked = DebateProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != DebateProposal.PENDING:
        raise NotAllowed(_("This proposal was already decided."))
    return locked


@transaction.atomic
def accept_proposal(proposal, moderator, days=30, question=""):
    """Publish a pending proposal as a debate open from now for ``days`` days, under the
    debate index of its language (the Spanish one when there is none), shown as proposed
    by the author's nickname. Returns the live DebatePage."""
    if not 1 <= days <= 365:
        raise ValueError(f"A debate lasts 1 to 365 days, not {days!r}")
    proposal = _pending_proposal(proposal)
    index = debate_index_for(proposal.language)
    if index is None:
        raise NotAllowed(_("There is no debate index page to publish the debate under."))
    now = timezone.now()
    description = proposal.description.strip()
    page = DebatePage(
        title=proposal.title,
        slug=find_available_slug(index, slugify(proposal.title)[:80] or "debate"),
        question=(question or proposal.title)[:300],
        introduction=Truncator(re.split(r"\n\s*\n", description)[0]).chars(300),
        context=paragraphs_html(description),
        dependency=proposal.dependency,
        opens_at=now,
        closes_at=now + timedelta(days=days),
        proposed_by=_profile(proposal.author),
        live=False,
    )
    index.add_child(instance=page)
    # Accepting is the moderator's right (participation.rules.can_moderate, checked by
    # the view); page publishing rights are the editors' and do not apply here.
    page.save_revision(user=moderator).publish(user=moderator, skip_permission_checks=True)
    proposal.status = DebateProposal.ACCEPTED
    proposal.decided_at = now
    proposal.decided_by = moderator
    proposal.debate = page
    proposal.save()
    log(proposal, ACCEPT_PROPOSAL, user=moderator, data={"debate": page.pk, "days": days})
    notifications.queue_proposal_outcome(proposal)
    return page


@transaction.atomic
def reject_proposal(proposal, moderator, reason):
    """Refuse a pending proposal with a reason the author receives; nothing is public."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason")
    proposal = _pending_proposal(proposal)
    proposal.status = DebateProposal.REJECTED
    proposal.reason = reason
    proposal.decided_at = timezone.now()
    proposal.decided_by = moderator
    proposal.save()
    log(proposal, REJECT_PROPOSAL, user=moderator, data={"reason": reason})
    notifications.queue_proposal_outcome(proposal)
    return proposal
