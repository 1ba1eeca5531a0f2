"""The moderation queue (tabs: comments, debates, proposals, recent decisions) and the
bulk decisions on ticked comments."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.log_actions import registry as log_actions

from cms.pagination import paginate, query_without_page
from cms.permissions import rule_required
from participation import moderation, rules
from participation.admin_forms import BulkForm
from participation.models import REASON_CHOICES, REASONS, Block, Comment, DebateProposal

from . import queues
from .common import TABS, queue_url

PER_PAGE = 25


@rule_required(rules.can_moderate)
def queue(request):
    tab = request.GET.get("tab")
    tab = tab if tab in TABS else TABS[0]
    notices = []
    context = {"tab": tab, "counts": queues.counts(), "notices": notices}
    if tab == "recent":
        page = paginate(request, queues.recent_decisions(), PER_PAGE, notices, param="p")
        context["page_obj"] = page
        context["decisions"] = _decisions(page)
    else:
        source = {
            "comments": queues.comment_queue,
            "debates": queues.debate_queue,
            "proposals": queues.proposal_queue,
        }[tab]()
        items, order = queues.ordered(tab, source, request.GET.get("order"))
        page = paginate(request, items, PER_PAGE, notices, param="p")
        context.update(page_obj=page, order=order, orders=list(queues.ORDERS[tab]))
        if tab == "comments":
            context["items"] = queues.decorate_comments(page, request)
            context["reasons"] = REASON_CHOICES
        elif tab == "debates":
            context["items"] = queues.decorate_debates(page, request)
        else:
            context["items"] = list(page)
    context["extra_query"] = query_without_page(request, "p")
    return TemplateResponse(request, "participation/admin/queue.html", context)


def _decisions(page):
    """Rows of the recent-decisions tab: label, who, reason, and a link to the item."""
    rows = list(page)
    users = get_user_model().objects.in_bulk({row[3] for row in rows if row[3]})
    links = {
        Comment: "participation_admin:comment",
        DebateProposal: "participation_admin:proposal",
    }
    decisions = []
    for timestamp, action, label, user_id, content_type_id, data, target in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in links:
            url = reverse(links[model], args=[target])
        elif model is Block:
            url = reverse("participation_admin:blocks")
        else:
            url = reverse("participation_admin:debate", args=[target])
        data = data or {}
        decisions.append(
            {
                "timestamp": timestamp,
                "action": log_actions.get_action_label(action),
                "label": label,
                "user": users.get(user_id),
                "reason": REASONS.get(data.get("reason"), data.get("reason") or ""),
                "note": data.get("note", ""),
                "url": url,
            }
        )
    return decisions


@rule_required(rules.can_moderate)
@require_POST
def bulk(request):
    """Approve, or hide with one reason, every ticked comment: all or nothing."""
    form = BulkForm(request.POST)
    if not form.is_valid():
        errors = [str(error) for errors in form.errors.values() for error in errors]
        messages.error(request, " ".join(errors) + " " + _("Nothing was changed."))
        return redirect(queue_url())
    action, ids = form.cleaned_data["action"], form.cleaned_data["ids"]
    try:
        with transaction.atomic():
            comments = Comment.norel_objects.select_for_update().in_bulk(ids)
            missing = [pk for pk in ids if pk not in comments]
            if missing:
                raise moderation.NotAllowed(
                    _("Unknown comments: %(ids)s.") % {"ids": ", ".join(map(str, missing))}
                )
            for pk in ids:
                comment = comments[pk]
                moderation.check_comment_decision(comment, action)
                if action == "approve":
                    moderation.approve_comment(comment, request.user)
                else:
                    moderation.hide_comment(comment, request.user, form.cleaned_data["reason"])
    except moderation.NotAllowed as refused:
        messages.error(request, f"{refused.message} {_('Nothing was changed.')}")
        return redirect(queue_url())
    if action == "approve":
        text = ngettext("%(n)s comment approved.", "%(n)s comments approved.", len(ids))
    else:
        text = ngettext("%(n)s comment hidden.", "%(n)s comments hidden.", len(ids))
    messages.success(request, text % {"n": len(ids)})
    return redirect(queue_url())
