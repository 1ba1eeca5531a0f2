"""The rows of a consultation's answers matrix, shared by the public matrix (page and
downloads) and the answers admin: published comments with their section, nickname and
answer in a fixed number of queries, and the filters (section, decision, answered)
read from the query string, an invalid value ignored with a notice."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Count, F
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participation.answers import published_comments
from participation.models import DraftSection, ObservationAnswer
from participation.personal_data import author_name

#: the section filter's value for comments on the whole draft
WHOLE_DRAFT = "general"
UNANSWERED = "unanswered"
ANSWERED = "answered"
#: how much of an invalid filter value a notice quotes back
ECHO_LENGTH = 40


def sections_of(page):
    """The consultation's sections, in draft order (removed ones too: their comments
    keep their place in the matrix)."""
    return list(DraftSection.objects.filter(page_id=page.canonical_id).order_by("position", "pk"))


class MatrixFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[("", _("All decisions")), *ObservationAnswer.DECISION_CHOICES],
    )
    answered = forms.ChoiceField(
        label=_("Answer"),
        required=False,
        choices=[
            ("", _("Answered or not")),
            (UNANSWERED, _("Without answer")),
            (ANSWERED, _("Answered")),
        ],
    )

    def __init__(self, *args, sections=(), fields=("section", "decision"), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All sections")),
            (WHOLE_DRAFT, _("Whole draft")),
            *((str(s.pk), s.label) for s in sections),
        ]
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]


def read_filters(request, sections, fields=("section", "decision"), param="page"):
    """(valid values, display form, notices)."""
    data = request.GET.copy()
    data.pop(param, None)
    bound = MatrixFilterForm(data, sections=sections, fields=fields)
    bound.is_valid()
    notices = []
    for name in bound.errors:
        value = data.get(name, "")
        shown = value if len(value) <= ECHO_LENGTH else value[:ECHO_LENGTH] + "…"
        label = bound.fields[name].label if name in bound.fields else name
        notices.append(
            gettext("“%(value)s” is not a valid value for “%(field)s”: that filter was ignored.")
            % {"value": shown, "field": label}
        )
    values = {k: v for k, v in bound.cleaned_data.items() if v}
    display = MatrixFilterForm(initial=values, sections=sections, fields=fields)
    return values, display, notices


def filter_query(values):
    return urlencode(values)


def matrix_comments(page, values=None):
    """The published comments of the consultation with what a matrix row shows,
    filtered by ``values`` (from read_filters), ordered by section then date."""
    values = values or {}
    comments = published_comments(page).select_related(
        "user__participant", "section_version__section", "answer"
    )
    section = values.get("section")
    if section == WHOLE_DRAFT:
        comments = comments.filter(section_version__isnull=True)
    elif section:
        comments = comments.filter(section_version__section_id=int(section))
    if values.get("decision"):
        comments = comments.filter(answer__decision=values["decision"])
    if values.get("answered") == UNANSWERED:
        comments = comments.filter(answer__isnull=True)
    elif values.get("answered") == ANSWERED:
        comments = comments.filter(answer__isnull=False)
    return comments.order_by(
        F("section_version__section__position").asc(nulls_first=True), "submit_date", "pk"
    )


def decision_counts(page):
    """``{decision: count}`` of the answered published comments (one query)."""
    rows = (
        published_comments(page)
        .filter(answer__isnull=False)
        .values("answer__decision")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["answer__decision"]: row["n"] for row in rows}


def nickname(comment):
    return author_name(comment)


def section_label(comment):
    if comment.section_version_id is None:
        return gettext("Whole draft")
    return comment.section_version.section.label


def export_rows(page, with_answers):
    """(header, rows) of the downloads: id, section, date, nickname, comment, decision,
    answer; no e-mail, only published comments; answers once the matrix is published."""
    header = [
        gettext("id"),
        gettext("section"),
        gettext("date"),
        gettext("nickname"),
        gettext("comment"),
        gettext("decision"),
        gettext("answer"),
    ]

    language = translation.get_language()

    def rows():  # a CSV is streamed after the request's language is deactivated
        with translation.override(language):
            yield from _rows()

    def _rows():
        for comment in matrix_comments(page).iterator(chunk_size=500):
            answer = comment.answer if with_answers else None
            yield [
                comment.pk,
                section_label(comment),
                timezone.localtime(comment.submit_date).strftime("%Y-%m-%d %H:%M"),
                nickname(comment),
                comment.comment,
                str(answer.get_decision_display()) if answer else "",
                answer.text if answer else "",
            ]

    return header, rows()
