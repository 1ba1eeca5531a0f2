"""Answering a survey: one step per screen, the step state in a signed hidden field (no
JavaScript, no server session), full validation against the definition at the end."""

from django.core import signing
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate
from surveys import funnel, routes, services
from surveys.forms import SurveyStepForm, unknown_fields

STATE_SALT = "surveys.state"


def _load_state(survey, value):
    if not value:
        return {"step": 0, "data": {}}
    try:
        state = signing.loads(value, salt=f"{STATE_SALT}.{survey.pk}", max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    if not isinstance(state, dict) or not isinstance(state.get("data"), dict):
        return None
    return state


def _dump_state(survey, state):
    return signing.dumps(state, salt=f"{STATE_SALT}.{survey.pk}")


def _initial(form, data):
    initial = {}
    for name, field in form.fields.items():
        values = data.get(name)
        if values:
            multiple = field.widget.allow_multiple_selected
            initial[name] = values if multiple else values[0]
    return initial


def _render(request, survey, status=200, **extra):
    steps = survey.steps()
    context = survey.get_context(request)
    context.update(
        {
            "survey": survey,
            "step_count": len(steps),
            "anonymous_audience": survey.audience == survey.AUDIENCE_ANYONE,
            "results_visible": survey.results_visible(request.user),
            **extra,
        }
    )
    if "step_index" in context:
        context["step"] = steps[context["step_index"]]
        context["step_number"] = context["step_index"] + 1
        context["progress"] = round(100 * context["step_number"] / len(steps))
    response = TemplateResponse(request, "surveys/survey_page.html", context, status=status)
    return services.set_browser_cookie(request, response)


def _notice(request, survey, method):
    """A reason this request may not answer now (closed, login, already answered)."""
    refused = 200 if method == "GET" else 403
    status = survey.status()
    if status != "open":
        return status, refused
    problem = services.audience_problem(survey, request.user)
    if problem:
        return problem, refused
    if services.has_answered(survey, request):
        return "already", 200 if method == "GET" else 409
    return None, 200


@routes.handles("survey_form")
@ratelimit(key="ip", rate=rate("survey_answer"), method="POST", block=False)
def answer(request, survey):
    notice, status = _notice(request, survey, request.method)
    if notice:
        return _render(request, survey, status=status, notice=notice)
    if request.method != "POST":
        state = {"step": 0, "data": {}}
        form = SurveyStepForm(survey.steps()[0].questions)
        return _render(request, survey, form=form, step_index=0, state=_dump_state(survey, state))
    return _post(request, survey)


def _post(request, survey):
    steps = survey.steps()
    state = _load_state(survey, request.POST.get("state"))
    if state is None or not 0 <= int(state.get("step", -1)) < len(steps):
        return _refuse(request, survey, _("The form expired or was altered. Please start again."))
    index = int(state["step"])
    form = SurveyStepForm(steps[index].questions, data=request.POST)
    if unknown_fields(request.POST, form):
        return _refuse(
            request, survey, _("The answers sent do not belong to this survey. Nothing was saved.")
        )
    for name in form.fields:
        state["data"][name] = request.POST.getlist(name)

    if is_limited(request):
        # The same step again with what was typed, and the message: nothing is lost.
        form = SurveyStepForm(steps[index].questions)
        form.initial = _initial(form, state["data"])
        return _render(
            request,
            survey,
            status=429,
            form=form,
            step_index=index,
            state=_dump_state(survey, state),
            error=_("Too many attempts from your connection. Wait a minute and try again."),
        )
    if index == 0:
        funnel.count_start(survey, state)

    if request.POST.get("action") == "back" and index > 0:
        return _show_step(request, survey, state, index - 1)
    if not form.is_valid():
        return _render(
            request, survey, form=form, step_index=index, state=_dump_state(survey, state)
        )
    if index + 1 < len(steps):
        funnel.count_step_completed(survey, state, index, len(steps))
        return _show_step(request, survey, state, index + 1)
    return _finish(request, survey, state, index)


def _show_step(request, survey, state, index):
    state["step"] = index
    form = SurveyStepForm(survey.steps()[index].questions)
    form.initial = _initial(form, state["data"])
    return _render(request, survey, form=form, step_index=index, state=_dump_state(survey, state))


def _finish(request, survey, state, index):
    merged = QueryDict(mutable=True)
    for name, values in state["data"].items():
        merged.setlist(name, values)
    full = SurveyStepForm(survey.all_questions(), data=merged)
    if not full.is_valid():
        # Only a tampered state gets here: every step was validated on its way.
        return _refuse(request, survey, _("Some answers are not valid. Nothing was saved."))
    user, token = services.identity(survey, request)
    try:
        services.store_response(survey, full.answer_rows(), user, token)
    except services.AlreadyAnswered:
        return _render(request, survey, status=409, notice="already")
    funnel.count_step_completed(survey, state, index, index + 1)
    response = redirect(survey.get_url(request) + survey.reverse_subpage("thanks"))
    return services.set_browser_cookie(request, response)


def _refuse(request, survey, message):
    form = SurveyStepForm(survey.steps()[0].questions)
    state = _dump_state(survey, {"step": 0, "data": {}})
    return _render(request, survey, status=400, form=form, step_index=0, state=state, error=message)


@routes.handles("thanks")
def thanks(request, survey):
    context = survey.get_context(request)
    context.update({"survey": survey, "results_visible": survey.results_visible(request.user)})
    return TemplateResponse(request, "surveys/survey_thanks.html", context)
