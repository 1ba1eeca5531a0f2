"""The answers matrix in the admin ("Consultas"): the consultations an official may
answer with how many comments wait for an answer; per consultation every published
comment with its answer, filters, several identical comments answered with one form,
correcting an answer, and publishing the matrix (refused while any comment lacks an
answer). Officials see the consultations of their own dependencies only
(rules.can_answer_observations)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from cms.pagination import paginate
from cms.permissions import rule_required
from participation import answers, matrix, phases, rules
from participation.admin_forms import IdsField
from participation.models import Comment, ConsultationOutcome, ConsultationPage, ObservationAnswer

from .common import checked_pk

CONSULTATIONS_PER_PAGE = 25
COMMENTS_PER_PAGE = 50
FILTERS = ("answered", "section", "decision")


class AnswerFormBase(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=ObservationAnswer.DECISION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose a decision.")},
    )
    text = forms.CharField(
        label=gettext_lazy("Reasoned answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=answers.ANSWER_MAX_LENGTH,
        help_text=gettext_lazy(
            "Published in the matrix as written, and sent to the authors of the comments."
        ),
        error_messages={"required": gettext_lazy("Write the reasoned answer.")},
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the reasoned answer."))
        return text


class AnswerForm(AnswerFormBase):
    """One answer for the ticked comments."""

    ids = IdsField()


def _answerable(user):
    """The consultations (original pages) ``user`` may answer."""
    pages = ConsultationPage.objects.filter(locale=Locale.get_default())
    allowed = rules.answerable_dependencies(user)
    if allowed is not None:
        pages = pages.filter(Q(dependency__isnull=True) | Q(dependency_id__in=allowed))
    return pages


def _count(**extra):
    counted = (
        Comment.objects.filter(page_id=OuterRef("pk"), status=Comment.PUBLISHED, **extra)
        .order_by()
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _with_outcomes(pages):
    outcomes = ConsultationOutcome.objects.in_bulk([p.pk for p in pages], field_name="page_id")
    for page in pages:
        page._outcome_cache = outcomes.get(page.pk)
    return pages


@rule_required(rules.can_answer_any)
def consultation_list(request):
    notices = []
    pages = (
        _answerable(request.user)
        .select_related("dependency")
        .annotate(published_count=_count(), unanswered_count=_count(answer__isnull=True))
        .order_by("-closes_at", "pk")
    )
    page_obj = paginate(request, pages, CONSULTATIONS_PER_PAGE, notices, param="p")
    context = {
        "page_obj": page_obj,
        "consultations": _with_outcomes(list(page_obj.object_list)),
        "notices": notices,
    }
    return TemplateResponse(request, "participation/admin/answers_list.html", context)


def _consultation(request, pk):
    """The consultation (its original page) if ``request.user`` may answer it; an
    official of another dependency is refused like anyone without the right."""
    page = get_object_or_404(ConsultationPage, pk=checked_pk(pk))
    if not rules.can_answer_observations(request.user, page):
        raise PermissionDenied
    if page.canonical_id != page.pk:
        page = get_object_or_404(ConsultationPage, pk=page.canonical_id)
    return page


def _page_url(page, query=""):
    url = reverse("participation_answers:answers", args=[page.pk])
    return f"{url}?{query}" if query else url


@rule_required(rules.can_answer_any)
def consultation_answers(request, pk):
    page = _consultation(request, pk)
    form = AnswerForm()
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                answers.answer_comments(
                    page, data["ids"], data["decision"], data["text"], request.user
                )
            except answers.MatrixRefused as refused:
                form.add_error(None, refused.message)
            else:
                count = len(data["ids"])
                messages.success(
                    request,
                    ngettext("%(count)s comment answered.", "%(count)s comments answered.", count)
                    % {"count": count},
                )
                return redirect(_page_url(page, request.GET.urlencode()))
    return _render_answers(request, page, form)


def _render_answers(request, page, form):
    sections = matrix.sections_of(page)
    values, filter_form, notices = matrix.read_filters(request, sections, FILTERS, param="p")
    page_obj = paginate(
        request, matrix.matrix_comments(page, values), COMMENTS_PER_PAGE, notices, param="p"
    )
    selected = {str(pk) for pk in form["ids"].value() or []} if form.is_bound else set()
    rows = [
        {
            "comment": comment,
            "nickname": matrix.nickname(comment),
            "section": matrix.section_label(comment),
            "selected": str(comment.pk) in selected,
        }
        for comment in page_obj.object_list
    ]
    missing = answers.unanswered_count(page)
    phase = page.phase()
    context = {
        "consultation": page,
        "phase": phase,
        "phase_label": phases.CONSULTATION_LABELS[phase],
        "closed": phase in (phases.UNDER_REVIEW, phases.CONCLUDED),
        "outcome": page.outcome(),
        "missing": missing,
        "missing_message": answers.missing_message(missing) if missing else "",
        "published_total": answers.published_comments(page).count(),
        "form": form,
        "filter_form": filter_form,
        "filters": values,
        "notices": notices,
        "page_obj": page_obj,
        "rows": rows,
        "extra_query": matrix.filter_query(values),
        "public_url": page.get_url(request),
    }
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(
        request, "participation/admin/answers_consultation.html", context, status=status
    )


@rule_required(rules.can_answer_any)
def edit_answer(request, pk, answer_pk):
    page = _consultation(request, pk)
    answer = get_object_or_404(
        ObservationAnswer, pk=checked_pk(answer_pk), page_id=page.canonical_id
    )
    form = AnswerFormBase(initial={"decision": answer.decision, "text": answer.text})
    if request.method == "POST":
        form = AnswerFormBase(request.POST)
        if form.is_valid():
            try:
                answers.edit_answer(
                    page,
                    answer,
                    form.cleaned_data["decision"],
                    form.cleaned_data["text"],
                    request.user,
                )
            except answers.MatrixRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("Answer corrected."))
                return redirect(_page_url(page))
    context = {
        "consultation": page,
        "answer": answer,
        "form": form,
        "comments": [
            {"comment": c, "nickname": matrix.nickname(c), "section": matrix.section_label(c)}
            for c in answer.comments.select_related(
                "user__participant", "section_version__section"
            ).order_by("submit_date", "pk")[:200]
        ],
    }
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(
        request, "participation/admin/answers_edit.html", context, status=status
    )


@rule_required(rules.can_answer_any)
@require_POST
def publish_matrix(request, pk):
    page = _consultation(request, pk)
    try:
        answers.publish_matrix(page, request.user)
    except answers.MatrixRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Matrix published: the consultation is concluded and every participant is told."),
        )
    return redirect(_page_url(page))
