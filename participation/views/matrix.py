"""A consultation's public answers matrix (``matriz/``) and its downloads
(``matriz/csv/``, ``matriz/xlsx/``): every published comment (nickname, section,
date, text) with its decision and reasoned answer once the matrix is published;
filters by section and decision; a fixed number of queries whatever its length."""

from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from cms.exports import csv_response, xlsx_response
from cms.pagination import paginate
from participation import matrix, phases
from participation.models import ObservationAnswer
from participation.routes import handles

PER_PAGE = 50


def _published(page):
    return page.phase() == phases.CONCLUDED


@handles("matrix")
@require_safe
def matrix_page(request, page):
    sections = matrix.sections_of(page)
    published = _published(page)
    fields = ("section", "decision") if published else ("section",)
    values, form, notices = matrix.read_filters(request, sections, fields)
    page_obj = paginate(request, matrix.matrix_comments(page, values), PER_PAGE, notices)
    counts = matrix.decision_counts(page) if published else {}
    context = {
        "page": page,
        "self": page,
        "request": request,
        "phase": page.phase(),
        "outcome": page.outcome(),
        "published": published,
        "filter_form": form,
        "filters": values,
        "extra_query": matrix.filter_query(values),
        "notices": notices,
        "csv_url": page.url + page.reverse_subpage("matrix_csv_route"),
        "xlsx_url": page.url + page.reverse_subpage("matrix_xlsx_route"),
        "page_obj": page_obj,
        "rows": [
            {
                "comment": comment,
                "nickname": matrix.nickname(comment),
                "section": matrix.section_label(comment),
                "earlier_version": comment.section_version_id is not None
                and comment.section_version.version != comment.section_version.section.version,
            }
            for comment in page_obj.object_list
        ],
        "decision_counts": [
            (label, counts.get(value, 0)) for value, label in ObservationAnswer.DECISION_CHOICES
        ],
    }
    return TemplateResponse(request, "participation/consultation_matrix.html", context)


def _download(page, response):
    header, rows = matrix.export_rows(page, _published(page))
    return response(f"matriz-{slugify(page.slug)}", header, rows)


@handles("matrix_csv")
@require_safe
def matrix_csv(request, page):
    return _download(page, csv_response)


@handles("matrix_xlsx")
@require_safe
def matrix_xlsx(request, page):
    return _download(page, xlsx_response)
