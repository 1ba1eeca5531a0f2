"""Django forms built from a survey definition; they are the server-side validation of
every answer (option ids, ranges, maximum choices, unknown questions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.questions import other_name


class SurveyStepForm(forms.Form):
    """The questions of one step (or of the whole survey, for the final check). Each
    question's fields, checks and stored rows come from its registered type
    (surveys/questions/types.py)."""

    template_name = "surveys/includes/question_fields.html"

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            common = {"label": q.label, "required": q.required, "help_text": q.help_text}
            self.fields.update(q.kind.form_fields(q, common))

    def grouped(self):
        """(question, main bound field, rank fields, other field) for the template."""
        for q in self.questions:
            main, ranks = q.kind.bound_fields(self, q)
            other = self[other_name(q)] if q.allow_other else None
            yield {"question": q, "field": main, "ranks": ranks, "other": other}

    def clean(self):
        cleaned = super().clean()
        for q in self.questions:
            q.kind.clean(q, cleaned, self)
        return cleaned

    def answer_rows(self):
        """The cleaned answers as (question_id, option_id, value, text) tuples."""
        return [row for q in self.questions for row in q.kind.rows(q, self.cleaned_data)]


def unknown_fields(data, form):
    """Posted answer fields that are not questions of this step: a tampered POST."""
    return [key for key in data if key.startswith("q_") and key not in form.fields]


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this page useful?"),
        choices=[("1", _("Yes")), ("0", _("No"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("How can we improve it? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write personal data. For a request, use the PQRSD mailbox."),
    )
