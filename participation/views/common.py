"""What the participation views share: finding the debate or comment a URL names,
sending visitors to sign in, the refusal page, and the way back to a comment."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page

from participation.consultation_contexts import section_url
from participation.contexts import standing
from participation.models import Comment, ConsultationPage, DebateHold, DebatePage, DraftSection

REFUSED_TEMPLATE = "participation/refused.html"


def sign_in(request, next_url=None):
    """allauth's sign-in page, coming back to ``next_url`` (by default this URL)."""
    return redirect_to_login(next_url or request.get_full_path())


def live_debate(page_id):
    """The live, public debate with this id, or 404."""
    debate = DebatePage.objects.live().public().filter(pk=page_id).first()
    if debate is None:
        raise Http404
    return debate


def is_held(page):
    return DebateHold.objects.filter(debate_id=page.pk).exists()


def public_comment(pk):
    """The comment with this id on a live, public page (its page, specific), or 404."""
    comment = Comment.objects.select_related("user__participant").filter(pk=pk).first()
    if comment is None or not Page.objects.live().public().filter(pk=comment.page_id).exists():
        raise Http404
    comment.page = comment.page.specific
    return comment


def page_url(request, page):
    return page.get_url(request) or "/"


def comment_url(request, comment):
    """Where a comment is shown: its debate's page, or, for a consultation, the page
    in the visitor's language (its section's page for a comment on a section)."""
    page = comment.page
    if isinstance(page, ConsultationPage):
        return consultation_comment_url(request, comment)
    return f"{page_url(request, page)}#comentario-{comment.pk}"


def consultation_comment_url(request, comment):
    page = comment.page.localized
    url = page_url(request, page)
    if comment.section_version_id:
        key = (
            DraftSection.objects.filter(versions__pk=comment.section_version_id)
            .values_list("key", flat=True)
            .first()
        )
        if key:
            url = section_url(url, key)
    return f"{url}#comentario-{comment.pk}"


def standing_message(problem):
    if problem == "unverified":
        return _(
            "Confirm your e-mail address before taking part: open the link we sent you, "
            "or ask for a new one from your account."
        )
    if problem == "blocked":
        return _(
            "Your account is blocked from taking part: you can still read the debates, "
            "but not comment, react, report or propose."
        )
    return _("Sign in to take part.")


def refused(request, message, status=403, back=None, **extra):
    """The page that says why an action was refused, with a link back."""
    context = {"message": message, "back_url": back, **extra}
    return TemplateResponse(request, REFUSED_TEMPLATE, context, status=status)


def refuse_standing(request, back=None):
    """403 for a signed-in person who may not take part (unverified or blocked), or
    ``None`` when they may."""
    problem = standing(request.user)
    if problem is None:
        return None
    return refused(request, standing_message(problem), back=back, standing=problem)


def held_message():
    return _("This debate is hidden while a moderator reviews it: it accepts no contributions.")
