"""Moderators' decisions, as services: each one changes the item, resolves its
reports, writes Wagtail's audit log (who, what, when, why) and queues an e-mail that
explains the decision to the author and how to appeal. Every decision can be undone
by another one (hide ↔ restore, block ↔ unblock)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from participation import notifications
from participation.models import REASONS, Block, Comment, DebateHold, Report

#: audit-log actions (registered in participation.wagtail_hooks)
APPROVE = "participation.approve"
HOLD = "participation.hold"
HIDE = "participation.hide"
RESTORE = "participation.restore"
BLOCK = "participation.block"
UNBLOCK = "participation.unblock"
ACCEPT_PROPOSAL = "participation.accept_proposal"
REJECT_PROPOSAL = "participation.reject_proposal"


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
