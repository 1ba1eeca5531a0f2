"""The question types of a survey, one class each. Adding a type: its block in
surveys/blocks.py, a class here registered with ``@register`` (appended: the order is
the StreamField's), and its sample answer in tests/surveys/test_question_types.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from surveys import blocks
from surveys.questions.base import (
    NO,
    OTHER_OPTION,
    YES,
    QuestionType,
    other_name,
    rank_name,
    register,
)

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 3000
OTHER_TEXT_MAX = 200


def item_options(value):
    """[(item UUID, label)] of a block's ``options`` ListBlock."""
    return [(item.id, item.value["label"]) for item in value["options"].bound_blocks]


class ChoiceType(QuestionType):
    """Answered by choosing options, optionally with an "other" option and its text."""

    def options(self, value):
        """The options to choose from: by default the block's listed items."""
        return item_options(value)

    def read(self, question, value):
        question.options = self.options(value)
        question.allow_other = bool(value.get("allow_other"))
        if question.allow_other:
            question.options = [*question.options, (OTHER_OPTION, str(_("Other")))]

    def form_fields(self, question, common):
        fields = {question.field_name: self.choice_field(question, common)}
        if question.allow_other:
            fields[other_name(question)] = forms.CharField(
                label=_("Other (please specify)"), required=False, max_length=OTHER_TEXT_MAX
            )
        return fields

    def choice_field(self, question, common):
        return forms.ChoiceField(choices=question.options, widget=forms.RadioSelect, **common)

    def clean(self, question, cleaned, form):
        if question.allow_other:
            chosen = cleaned.get(question.field_name)
            chosen = chosen if isinstance(chosen, list) else [chosen]
            if OTHER_OPTION in chosen and not cleaned.get(other_name(question)):
                form.add_error(other_name(question), _("Tell us your other answer."))

    def rows(self, question, data):
        answer = data.get(question.field_name)
        if not answer:
            return []
        return [(question.id, answer, None, self._other_text(question, data, answer))]

    def _other_text(self, question, data, option_id):
        return data.get(other_name(question), "") if option_id == OTHER_OPTION else ""


@register
class SingleChoice(ChoiceType):
    name = "single_choice"
    block_class = blocks.SingleChoiceBlock


@register
class MultipleChoice(ChoiceType):
    name = "multiple_choice"
    block_class = blocks.MultipleChoiceBlock

    def read(self, question, value):
        super().read(question, value)
        question.max_choices = value.get("max_choices") or None

    def choice_field(self, question, common):
        return forms.MultipleChoiceField(
            choices=question.options, widget=forms.CheckboxSelectMultiple, **common
        )

    def clean(self, question, cleaned, form):
        if question.max_choices:
            chosen = cleaned.get(question.field_name) or []
            if len(chosen) > question.max_choices:
                form.add_error(
                    question.field_name,
                    ngettext(
                        "Choose at most %(max)d option.",
                        "Choose at most %(max)d options.",
                        question.max_choices,
                    )
                    % {"max": question.max_choices},
                )
        super().clean(question, cleaned, form)

    def rows(self, question, data):
        return [
            (question.id, option_id, None, self._other_text(question, data, option_id))
            for option_id in data.get(question.field_name) or []
        ]


@register
class Scale(QuestionType):
    name = "scale"
    block_class = blocks.ScaleBlock
    value_heading = _("Value")

    def read(self, question, value):
        question.scale = (1, 5) if value.get("scale") != "0-10" else (0, 10)
        question.low_label = value.get("low_label") or ""
        question.high_label = value.get("high_label") or ""

    def form_fields(self, question, common):
        low, high = question.scale
        field = forms.TypedChoiceField(
            choices=[(n, str(n)) for n in range(low, high + 1)],
            coerce=int,
            widget=forms.RadioSelect(attrs={"class": "scale"}),
            **common,
        )
        return {question.field_name: field}

    def rows(self, question, data):
        answer = data.get(question.field_name)
        if answer is None or answer == "":
            return []
        return [(question.id, "", answer, "")]

    def tally(self, question, tallies, make_row):
        low, high = question.scale
        rows = [
            make_row(str(value), tallies.per_value.get((question.id, value), 0))
            for value in range(low, high + 1)
        ]
        return rows, tallies.per_question.get(question.id, {}).get("avg")

    def summary_rows(self, question, result):
        return [
            {
                "option": "average",
                "count": result.respondents,
                "percent": None,
                "average_rank": round(result.average, 2) if result.average else None,
            }
        ]


@register
class YesNo(ChoiceType):
    name = "yes_no"
    block_class = blocks.YesNoBlock

    def options(self, value):
        return [(YES, str(_("Yes"))), (NO, str(_("No")))]


class TextType(QuestionType):
    """A free-text answer, published only after moderation."""

    free_text = True
    max_length = SHORT_TEXT_MAX
    widget = None

    def form_fields(self, question, common):
        field = forms.CharField(max_length=self.max_length, widget=self.widget, **common)
        return {question.field_name: field}

    def rows(self, question, data):
        answer = data.get(question.field_name)
        return [(question.id, "", None, answer)] if answer else []


@register
class ShortText(TextType):
    name = "short_text"
    block_class = blocks.ShortTextBlock


@register
class LongText(TextType):
    name = "long_text"
    block_class = blocks.LongTextBlock
    max_length = LONG_TEXT_MAX

    @property
    def widget(self):
        return forms.Textarea(attrs={"rows": 5})


@register
class Ranking(QuestionType):
    name = "ranking"
    block_class = blocks.RankingBlock
    ranked = True

    def read(self, question, value):
        question.options = item_options(value)

    def form_fields(self, question, common):
        positions = [("", "—")] + [(n, str(n)) for n in range(1, len(question.options) + 1)]
        return {
            rank_name(question, option_id): forms.TypedChoiceField(
                choices=positions,
                coerce=int,
                empty_value=None,
                required=question.required,
                label=label,
            )
            for option_id, label in question.options
        }

    def bound_fields(self, form, question):
        return None, [form[rank_name(question, oid)] for oid, _label in question.options]

    def clean(self, question, cleaned, form):
        ranks = [cleaned.get(rank_name(question, oid)) for oid, _label in question.options]
        given = [r for r in ranks if r is not None]
        if given and (len(given) != len(ranks) or len(set(given)) != len(given)):
            form.add_error(
                rank_name(question, question.options[0][0]),
                _("Give each option a different position, from 1 to %(n)d.") % {"n": len(ranks)},
            )

    def rows(self, question, data):
        rows = []
        for option_id, _label in question.options:
            rank = data.get(rank_name(question, option_id))
            if rank is not None:
                rows.append((question.id, option_id, rank, ""))
        return rows

    def tally(self, question, tallies, make_row):
        """Every option ranks for every respondent, so a percentage says nothing: each
        row has its average position (1 is first), best first, and a bar as long as
        its share of the way from last place (no bar) to first place (a full bar)."""
        places = len(question.options)
        rows = []
        for option_id, label in question.options:
            stats = tallies.per_option.get((question.id, option_id), {})
            row = make_row(label, stats.get("n", 0))
            row["average"] = average = stats.get("avg")
            strength = (places - average) / (places - 1) if average and places > 1 else 0
            row["bar"] = round(100 * max(0.0, min(1.0, strength)), 2)
            rows.append(row)
        rows.sort(key=lambda row: (row["average"] is None, row["average"] or 0))
        return rows, None
