"""Participants' public profiles (a nickname and what they published) and the page
where each one chooses their nickname."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.models import Page

from django_ratelimit.decorators import ratelimit

from cms.pagination import paginate
from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.forms import ComunaForm, NicknameForm, current_language
from participation.models import Comment, DebateHold, DebatePage, Profile

from .common import refuse_standing, sign_in

COMMENTS_PER_PAGE = 20
MY_PROFILE_TEMPLATE = "participation/my_profile.html"


def published_comments(profile):
    """Their published comments on live, public pages that no moderator holds."""
    return (
        Comment.objects.filter(
            user_id=profile.user_id,
            status=Comment.PUBLISHED,
            page__in=Page.objects.live().public(),
        )
        .exclude(page_id__in=DebateHold.objects.values("debate_id"))
        .select_related("page")
        .order_by("-submit_date", "-pk")
    )


def profile(request, pk):
    profile = get_object_or_404(Profile, pk=pk)
    debates = (
        DebatePage.objects.live()
        .public()
        .filter(proposed_by=profile, hold__isnull=True)
        .order_by("-opens_at")
    )
    notices = []
    context = {
        "profile": profile,
        "debates": debates,
        "page_obj": paginate(request, published_comments(profile), COMMENTS_PER_PAGE, notices),
        "notices": notices,
        "is_me": request.user.is_authenticated and request.user.pk == profile.user_id,
        "current_language": current_language(),
    }
    return TemplateResponse(request, "participation/profile.html", context)


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="participation_profile.user",
    key="user_or_ip",
    rate=rate("participation_profile"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_profile.ip",
    key="ip",
    rate=rate("participation_profile"),
    method="POST",
    block=False,
)
def my_profile(request):
    """Choose or change the public nickname (unique whatever the case)."""
    if not request.user.is_authenticated:
        return sign_in(request)
    mine = Profile.objects.filter(user=request.user).first()
    if request.method != "POST":
        initial = {"nickname": mine.nickname} if mine else None
        form = NicknameForm(initial=initial, profile=mine)
        context = {"form": form, "profile": mine, "comuna_form": comuna_form_for(mine)}
        return TemplateResponse(request, MY_PROFILE_TEMPLATE, context)
    if request.POST.get("form") == "comuna":
        return save_comuna(request, mine)
    refusal = refuse_standing(request, request.path)
    if refusal:
        return refusal
    form = NicknameForm(request.POST, profile=mine)
    context = {"form": form, "profile": mine, "comuna_form": comuna_form_for(mine)}
    if is_limited(request):
        return too_many_requests(request, MY_PROFILE_TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, MY_PROFILE_TEMPLATE, context, status=400)
    profile = mine or Profile(user=request.user)
    profile.nickname = form.cleaned_data["nickname"]
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:
        form.add_error("nickname", _("Someone already uses this nickname. Choose another one."))
        return TemplateResponse(request, MY_PROFILE_TEMPLATE, context, status=409)
    messages.success(
        request, _("Your public nickname is now “%(nickname)s”.") % {"nickname": profile.nickname}
    )
    return redirect(request.path)


# The comuna (optional, with consent): a separate form on the same page. Anyone signed
# in may withdraw it, whatever their standing (Ley 1581: consent can always be revoked).


def comuna_form_for(profile):
    consented = bool(profile and profile.comuna and profile.comuna_consent_at)
    initial = {"comuna": profile.comuna if consented else "", "consent": consented}
    return ComunaForm(initial=initial)


def save_comuna(request, mine):
    form = ComunaForm(request.POST)
    initial = {"nickname": mine.nickname} if mine else None
    context = {
        "form": NicknameForm(initial=initial, profile=mine),
        "profile": mine,
        "comuna_form": form,
    }
    if is_limited(request):
        return too_many_requests(request, MY_PROFILE_TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, MY_PROFILE_TEMPLATE, context, status=400)
    comuna, consent = form.cleaned_data["comuna"], form.cleaned_data["consent"]
    contributions.set_comuna(request.user, comuna, consent)
    if comuna and consent:
        messages.success(
            request,
            _(
                "Your comuna or corregimiento was saved. It is counted only in aggregated "
                "figures, never shown with your nickname."
            ),
        )
    else:
        messages.success(
            request,
            _("No comuna or corregimiento is kept for your account: it is not counted."),
        )
    return redirect(request.path)
