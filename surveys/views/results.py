"""The public results of a survey and its aggregated open data (CSV/JSON/XLSX)."""

from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms.exports import csv_response, xlsx_response
from surveys import routes, services


@routes.handles("results")
def results(request, survey):
    context = survey.get_context(request)
    context["survey"] = survey
    if not survey.results_visible(request.user):
        context["hidden"] = True
        return TemplateResponse(request, "surveys/survey_results.html", context, status=403)
    total, question_results = services.survey_results(survey)
    context.update({"total": total, "results": question_results})
    return TemplateResponse(request, "surveys/survey_results.html", context)


@routes.handles("results_data")
def open_data(request, survey, fmt):
    if not survey.results_visible(request.user):
        return HttpResponse(_("The results are published when the survey closes."), status=403)
    total, rows = services.open_data_rows(survey)
    filename = f"resultados-{slugify(survey.slug)}"
    if fmt == "json":
        payload = {"survey": survey.title, "url": survey.full_url, "responses": total, "rows": rows}
        response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
        response["Content-Disposition"] = f'inline; filename="{filename}.json"'
        return response
    header = list(rows[0]) if rows else ["question_id"]
    if fmt == "xlsx":
        return xlsx_response(filename, header, rows)
    return csv_response(filename, header, rows)
