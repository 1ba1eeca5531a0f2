"""Django forms built from a survey definition; they are the server-side validation of
every answer (option ids, ranges, maximum choices, unknown questions)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from surveys.blocks import OTHER_OPTION

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 3000
OTHER_TEXT_MAX = 200


def other_name(question):
    return f"{question.field_name}_other"


def rank_name(question, option_id):
    return f"{question.field_name}__{option_id}"


class SurveyStepForm(forms.Form):
    """The questions of one step (or of the whole survey, for the final check)."""

    template_name = "surveys/includes/question_fields.html"

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self._add_fields(question)

    def _add_fields(self, q):
        common = {"label": q.label, "required": q.required, "help_text": q.help_text}
        if q.type in ("single_choice", "yes_no"):
            self.fields[q.field_name] = forms.ChoiceField(
                choices=q.options, widget=forms.RadioSelect, **common
            )
        elif q.type == "multiple_choice":
            self.fields[q.field_name] = forms.MultipleChoiceField(
                choices=q.options, widget=forms.CheckboxSelectMultiple, **common
            )
        elif q.type == "scale":
            low, high = q.scale
            self.fields[q.field_name] = forms.TypedChoiceField(
                choices=[(n, str(n)) for n in range(low, high + 1)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                **common,
            )
        elif q.type == "short_text":
            self.fields[q.field_name] = forms.CharField(max_length=SHORT_TEXT_MAX, **common)
        elif q.type == "long_text":
            self.fields[q.field_name] = forms.CharField(
                max_length=LONG_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}), **common
            )
        elif q.type == "ranking":
            positions = [("", "—")] + [(n, str(n)) for n in range(1, len(q.options) + 1)]
            for option_id, label in q.options:
                self.fields[rank_name(q, option_id)] = forms.TypedChoiceField(
                    choices=positions,
                    coerce=int,
                    empty_value=None,
                    required=q.required,
                    label=label,
                )
        if q.allow_other:
            self.fields[other_name(q)] = forms.CharField(
                label=_("Other (please specify)"), required=False, max_length=OTHER_TEXT_MAX
            )

    def grouped(self):
        """(question, main bound field, rank fields, other field) for the template."""
        for q in self.questions:
            main = self[q.field_name] if q.field_name in self.fields else None
            ranks = (
                [self[rank_name(q, oid)] for oid, _label in q.options]
                if q.type == "ranking"
                else []
            )
            other = self[other_name(q)] if q.allow_other else None
            yield {"question": q, "field": main, "ranks": ranks, "other": other}

    def clean(self):
        cleaned = super().clean()
        for q in self.questions:
            if q.type == "multiple_choice" and q.max_choices:
                chosen = cleaned.get(q.field_name) or []
                if len(chosen) > q.max_choices:
                    self.add_error(
                        q.field_name,
                        ngettext(
                            "Choose at most %(max)d option.",
                            "Choose at most %(max)d options.",
                            q.max_choices,
                        )
                        % {"max": q.max_choices},
                    )
            if q.type == "ranking":
                ranks = [cleaned.get(rank_name(q, oid)) for oid, _label in q.options]
                given = [r for r in ranks if r is not None]
                if given and (len(given) != len(ranks) or len(set(given)) != len(given)):
                    self.add_error(
                        rank_name(q, q.options[0][0]),
                        _("Give each option a different position, from 1 to %(n)d.")
                        % {"n": len(ranks)},
                    )
            if q.allow_other:
                chosen = cleaned.get(q.field_name)
                chosen = chosen if isinstance(chosen, list) else [chosen]
                if OTHER_OPTION in chosen and not cleaned.get(other_name(q)):
                    self.add_error(other_name(q), _("Tell us your other answer."))
        return cleaned

    def answer_rows(self):
        """The cleaned answers as (question_id, option_id, value, text) tuples."""
        rows = []
        data = self.cleaned_data
        for q in self.questions:
            answer = data.get(q.field_name)
            if q.type in ("single_choice", "yes_no") and answer:
                text = data.get(other_name(q), "") if answer == OTHER_OPTION else ""
                rows.append((q.id, answer, None, text))
            elif q.type == "multiple_choice":
                for option_id in answer or []:
                    text = data.get(other_name(q), "") if option_id == OTHER_OPTION else ""
                    rows.append((q.id, option_id, None, text))
            elif q.type == "scale" and answer is not None and answer != "":
                rows.append((q.id, "", answer, ""))
            elif q.type in ("short_text", "long_text") and answer:
                rows.append((q.id, "", None, answer))
            elif q.type == "ranking":
                for option_id, _label in q.options:
                    rank = data.get(rank_name(q, option_id))
                    if rank is not None:
                        rows.append((q.id, option_id, rank, ""))
        return rows


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
