"""Raw answers for staff (permission ``surveys.export_response``): one row per answer.

Answers carry no name or email: the user id only tells staff that two answers came
from one account, which is all an analysis needs (Ley 1581, data minimisation)."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.text import slugify

from cms.exports import csv_response, xlsx_response
from surveys import routes, rules
from surveys.models import Answer

FIELDS = [
    "response",
    "submitted_at",
    "question_id",
    "question",
    "option_id",
    "option",
    "value",
    "text",
    "context",
]


def _rows(survey):
    questions = {q.id: q for q in survey.all_questions()}
    answers = (
        Answer.objects.filter(survey_id__in=survey.translation_ids())
        .order_by("response_id", "pk")
        .values_list(
            "response_id",
            "response__submitted_at",
            "question_id",
            "option_id",
            "value",
            "text",
            "response__context_object",
        )
    )
    for response_id, submitted, qid, option_id, value, text, context in answers.iterator(2000):
        question = questions.get(qid)
        yield {
            "response": response_id,
            "submitted_at": submitted.isoformat(),
            "question_id": qid,
            "question": question.label if question else "",
            "option_id": option_id,
            "option": question.kind.export_option(question, option_id) if question else "",
            "value": value,
            "text": text,
            "context": context,
        }


@routes.handles("raw_export")
def raw_export(request, survey, fmt):
    if not rules.can_export_raw_answers(request.user):
        raise PermissionDenied
    filename = f"respuestas-{slugify(survey.slug)}"
    if fmt == "json":
        response = JsonResponse(
            {"survey": survey.title, "answers": list(_rows(survey))},
            json_dumps_params={"ensure_ascii": False},
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
    if fmt == "xlsx":
        return xlsx_response(filename, FIELDS, _rows(survey), private=True)
    return csv_response(filename, FIELDS, _rows(survey), private=True)
