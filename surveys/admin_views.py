"""Staff reports in the Wagtail admin: per-survey report (Editores, Control Interno),
page feedback (Editores) and the moderation of free-text answers (Moderadores)."""

from django.contrib import messages
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.pagination import paginate
from cms.permissions import rule_required
from surveys import reports, rules
from surveys.models import Answer, PageFeedback, Response, SurveyPage


@rule_required(rules.can_view_survey_report)
def report_index(request):
    # Every translation of a survey shows the answers of all of them.
    answers = (
        Response.objects.filter(survey__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("survey__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    surveys = (
        SurveyPage.objects.select_related("locale")
        .annotate(n=Coalesce(Subquery(answers), 0))
        .order_by("-opens_at", "-pk")
    )
    return TemplateResponse(request, "surveys/admin/report_index.html", {"surveys": surveys})


@rule_required(rules.can_view_survey_report)
def survey_report(request, pk):
    if not 0 < pk < 2**31:  # a page id the database cannot hold would fail the lookup
        raise Http404
    survey = get_object_or_404(SurveyPage.objects.select_related("locale"), pk=pk)
    context = {
        "survey": survey,
        "can_export": rules.can_export_raw_answers(request.user),
        **reports.survey_report(survey),
    }
    return TemplateResponse(request, "surveys/admin/survey_report.html", context)


@rule_required(rules.can_view_page_feedback)
def feedback_report(request):
    # One row per page; sorted in Python because SQLite refuses ORDER BY on filtered
    # aggregates of a grouped query.
    grouped = (
        PageFeedback.objects.order_by()
        .values("page_id", "page__title")
        .annotate(
            yes=Count("id", filter=Q(useful=True)),
            no=Count("id", filter=Q(useful=False)),
            total=Count("id"),
        )
    )
    pages = sorted(grouped, key=lambda row: (-row["no"], -row["total"]))[:100]
    comments = paginate(
        request, PageFeedback.objects.exclude(comment="").select_related("page"), 25, param="p"
    )
    return TemplateResponse(
        request, "surveys/admin/feedback_report.html", {"pages": pages, "comments": comments}
    )


@rule_required(rules.can_moderate_answers)
def moderation(request):
    pending = (
        Answer.objects.filter(approved__isnull=True)
        .exclude(text="")
        .select_related("survey")
        .order_by("pk")
    )
    page = paginate(request, pending, 30, param="p")
    questions = {}
    for answer in page:
        if answer.survey_id not in questions:
            questions[answer.survey_id] = {q.id: q.label for q in answer.survey.all_questions()}
        answer.question_label = questions[answer.survey_id].get(answer.question_id, "")
    return TemplateResponse(request, "surveys/admin/moderation.html", {"answers": page})


@require_POST
@rule_required(rules.can_moderate_answers)
def moderate(request, pk):
    answer = get_object_or_404(Answer, pk=pk)
    answer.approved = request.POST.get("decision") == "approve"
    answer.save(update_fields=["approved"])
    if answer.approved:
        messages.success(request, _("The answer is now published with the results."))
    else:
        messages.success(request, _("The answer was rejected and stays private."))
    return redirect("surveys_admin:moderation")
