"""A consultation's sections (the section's page and one of its earlier versions,
served as the page's sub-routes) and what a participant posts on it: an observation
on the draft or on a section, and a position (support or oppose) on a section."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.consultation_contexts import (
    POSITION_VALUES,
    consultation_index_of,
    section_context,
    section_url,
    section_version_context,
    with_counts,
)
from participation.forms import ConsultationCommentForm
from participation.models import Comment, ConsultationPage, DraftSection, SectionVersion
from participation.routes import handles

from .common import REFUSED_TEMPLATE, page_url, refuse_standing, refused, sign_in

SECTION_TEMPLATE = "participation/consultation_section.html"
VERSION_TEMPLATE = "participation/section_version.html"
COMMENT_TEMPLATE = "participation/comment_form_page.html"
MAX_ID = 2**31 - 1


def _section_or_404(page, key, request=None):
    """The section of ``key``; with ``request``, read with its counts for the viewer
    (``with_counts``) in the same query."""
    section = None
    if key and len(key) <= 64:
        sections = DraftSection.objects.filter(page_id=page.canonical_id, key=key)
        if request is not None:
            sections = with_counts(sections, page.canonical_id, request.user)
        section = sections.first()
    if section is None:
        raise Http404
    return section


@handles("section")
def section(request, page, key):
    """The section's current text, its counts, the viewer's position and its
    comments (those written on an earlier version say so and link to it)."""
    found = _section_or_404(page, key, request)
    return TemplateResponse(request, SECTION_TEMPLATE, section_context(page, request, found))


@handles("section_version")
def section_version(request, page, key, version):
    """One version of a section, read-only, with a link to the current text."""
    found = _section_or_404(page, key)
    shown = None
    if 0 < version <= MAX_ID:
        shown = SectionVersion.objects.filter(section=found, version=version).first()
    if shown is None:
        raise Http404
    context = section_version_context(page, request, found, shown)
    return TemplateResponse(request, VERSION_TEMPLATE, context)


def live_consultation(page_id):
    """The live, public consultation page (any language) with this id, or 404."""
    page = ConsultationPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _comment_page(request, context, status):
    index = consultation_index_of(context["debate"])
    context["code_of_conduct"] = index.code_of_conduct if index else None
    return TemplateResponse(request, COMMENT_TEMPLATE, context, status=status)


@require_POST
@ratelimit(
    group="participation_comment.user",
    key="user_or_ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_comment.ip",
    key="ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
def comment_post(request, page_id):
    """An observation on the whole draft, or on ``section`` (a section's key), or a
    reply to ``parent``; back to it on the page or the section's page."""
    page = live_consultation(page_id)
    back = page_url(request, page)
    key = request.POST.get("section", "")
    if key and len(key) <= 64:
        back = section_url(back, key)
    if not request.user.is_authenticated:
        return sign_in(request, back)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    form = ConsultationCommentForm(request.POST)
    context = {
        "debate": page,
        "form": form,
        "parent": None,
        "consultation": True,
        "comment_action": request.path,
        "back_url": back,
        "section_key": "",
    }
    if is_limited(request):
        return too_many_requests(request, COMMENT_TEMPLATE, context)
    if not form.is_valid():
        return _comment_page(request, context, 400)
    data = form.cleaned_data
    section = None
    if data["section"]:
        section = contributions.current_section(page, data["section"])
        if section is None:
            context["error"] = _("That section is not part of this draft.")
            return _comment_page(request, context, 400)
        context["section_key"] = section.key
    if data["parent"]:
        context["parent"] = Comment.objects.filter(
            pk=data["parent"], page_id=page.canonical_id
        ).first()
        if context["parent"] is None:
            context["error"] = _("The comment you replied to is not part of this consultation.")
            return _comment_page(request, context, 400)
    try:
        comment = contributions.comment_on_consultation(
            request.user,
            page,
            data["comment"],
            data["language"],
            section=section,
            parent=context["parent"],
            request=request,
        )
    except contributions.Refused as refusal:
        context["error"] = refusal.message
        return _comment_page(request, context, 409)
    if data["notify"]:
        thread = comment if comment.level == 0 else Comment.objects.get(pk=comment.thread_id)
        contributions.follow(request.user, comment.page, thread=thread)
    if comment.status == Comment.PENDING:
        messages.success(
            request,
            _("Your comment was received. A moderator will review it before it is published."),
        )
    else:
        messages.success(request, _("Your comment was published."))
    target = page_url(request, page)
    if comment.section_version_id:
        target = section_url(target, comment.section_version.section.key)
    return redirect(f"{target}#comentario-{comment.pk}")


@require_POST
@ratelimit(
    group="participation_position.user",
    key="user_or_ip",
    rate=rate("participation_react"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_position.ip",
    key="ip",
    rate=rate("participation_react"),
    method="POST",
    block=False,
)
def position_post(request, page_id, key):
    """Support, oppose or withdraw one's position on a section (``value``: support,
    oppose or none); back to the section on the page, or to its own page when
    ``back`` says "section"."""
    page = live_consultation(page_id)
    base = page_url(request, page)
    section = _section_or_404(page, key)
    if request.POST.get("back") == "section":
        back = section_url(base, section.key) + "#posicion"
    else:
        back = f"{base}#seccion-{section.key}"
    if not request.user.is_authenticated:
        return sign_in(request, back)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    value = POSITION_VALUES.get(request.POST.get("value", ""))
    if value is None:
        return refused(request, _("Choose support or oppose."), status=400, back=back)
    if is_limited(request):
        context = {
            "message": _("Too many requests in a short time. Wait a minute and try again."),
            "back_url": back,
        }
        return too_many_requests(request, REFUSED_TEMPLATE, context)
    try:
        contributions.take_position(request.user, page, section, value)
    except contributions.Refused as refusal:
        return refused(request, refusal.message, status=409, back=back)
    if value:
        messages.success(request, _("Your position was saved."))
    else:
        messages.success(request, _("Your position was withdrawn."))
    return redirect(back)
