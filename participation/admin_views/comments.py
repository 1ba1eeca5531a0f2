"""One comment for a moderator: its full text, debate, parent, reports, the author's
history, and the decisions its state allows (approve, hide, restore, block)."""

from django import forms as django_forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _

from cms.permissions import rule_required
from participation import moderation, rules
from participation.admin_forms import BlockForm, HideForm, NoteForm
from participation.consultation_contexts import section_url
from participation.models import REASONS, Block, Comment
from participation.personal_data import author_name

from .common import back_to_queue, checked_pk, handle_decision, nickname
from .history import author_history


class ApproveForm(django_forms.Form):
    """Approve takes no input: the comment is published and its reports dismissed."""


FORMS = {"approve": ApproveForm, "hide": HideForm, "restore": NoteForm, "block": BlockForm}


def _shown(comment, blocked):
    """The decisions offered: those the state allows (restore only where approve is
    not offered, as both publish), and a block unless one is active."""
    allowed = moderation.COMMENT_DECISIONS.get(comment.status, ())
    shown = [name for name in allowed if not (name == "restore" and "approve" in allowed)]
    if comment.user_id and not blocked:
        shown.append("block")
    return shown


@rule_required(rules.can_moderate)
def comment_detail(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("page", "user__participant"), pk=checked_pk(pk)
    )
    active_blocks = list(
        Block.active().filter(user_id=comment.user_id).select_related("created_by")
    )
    forms = {name: FORMS[name](prefix=name) for name in _shown(comment, active_blocks)}
    if request.method == "POST":
        forms, done = handle_decision(
            request, forms, FORMS, lambda action, form: _apply(action, comment, request.user, form)
        )
        if done:
            return back_to_queue(request, done)
    parent = None
    if comment.level > 0:
        parent = Comment.objects.filter(pk=comment.parent_id).exclude(pk=comment.pk).first()
    context = {
        "comment": comment,
        "nickname": nickname(comment.user) or author_name(comment),
        "page_url": _public_url(comment, request),
        "parent": parent,
        "reports": comment.reports.order_by("resolved_at", "created_at", "pk"),
        "active_blocks": active_blocks,
        "forms": forms,
        **author_history(comment.user),
    }
    return TemplateResponse(request, "participation/admin/comment.html", context)


def _public_url(comment, request):
    """The comment on the public site: its page, or its consultation section's page."""
    url = comment.page.get_url(request)
    if url and comment.section_version_id:
        key = comment.section_version.section.key
        return section_url(url, key) + f"#comentario-{comment.pk}"
    return url


def _apply(action, comment, moderator, form):
    if action == "block":
        return block_author(comment.user, moderator, form)
    moderation.check_comment_decision(comment, action)
    data = form.cleaned_data
    if action == "approve":
        moderation.approve_comment(comment, moderator)
        return _("Comment approved: it is public and its reports are dismissed.")
    if action == "hide":
        moderation.hide_comment(comment, moderator, data["reason"], data["note"])
        return _("Comment hidden. Reason: %(reason)s.") % {"reason": REASONS[data["reason"]]}
    moderation.restore_comment(comment, moderator, data["note"])
    return _("Comment restored: it is public again.")


def block_author(user, moderator, form):
    """Block ``user`` with the form's duration and reason; the success message."""
    if user is None:
        raise moderation.NotAllowed(_("This comment has no registered author to block."))
    if Block.active().filter(user=user).exists():
        raise moderation.NotAllowed(_("This participant is already blocked."))
    until = form.until()
    moderation.block_user(user, moderator, form.cleaned_data["reason"], until)
    name = nickname(user) or _("The participant")
    if until is None:
        return _("%(name)s is blocked from taking part permanently.") % {"name": name}
    return _("%(name)s is blocked from taking part until %(date)s.") % {
        "name": name,
        "date": formats.date_format(until, "SHORT_DATE_FORMAT"),
    }
