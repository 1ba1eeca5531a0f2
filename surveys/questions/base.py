"""The question-type registry: what a question *is* (read from its block), which form
fields it builds, which answer rows it stores, how it is tallied and exported.

A question type is one ``QuestionType`` subclass registered with ``@register``; its
``name`` is the StreamField block name (``Question.type``) and its ``block_class`` the
block editors add. Registration order is the order of the survey StreamField's
children, which the migrations record: append new types, never reorder."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

#: the option id of an "other" answer (its text is stored with it)
OTHER_OPTION = "other"
#: the option ids of a yes/no question
YES, NO = "yes", "no"

#: block name -> registered QuestionType instance, in registration order
QUESTION_TYPES = {}


def register(cls):
    """Class decorator: register one instance of a QuestionType under its ``name``."""
    if cls.name in QUESTION_TYPES:
        raise ValueError(f"question type {cls.name!r} is registered twice")
    QUESTION_TYPES[cls.name] = cls()
    return cls


def question_type(name):
    """The registered type of a block name (KeyError for an unknown one)."""
    return QUESTION_TYPES[name]


@dataclass
class Question:
    """A question of the survey definition, read from its StreamField block."""

    id: str
    type: str
    label: str
    help_text: str
    required: bool
    sensitive: bool
    options: list = field(default_factory=list)  # [(option_id, label)]
    allow_other: bool = False
    max_choices: int | None = None
    scale: tuple = ()
    low_label: str = ""
    high_label: str = ""

    @property
    def kind(self):
        """The registered QuestionType of this question."""
        return QUESTION_TYPES[self.type]

    @property
    def field_name(self):
        return f"q_{self.id}"

    @property
    def option_labels(self):
        return dict(self.options)

    @property
    def has_texts(self):
        """Whether some answers are free text (published only after moderation)."""
        return self.kind.free_text or self.allow_other


def other_name(question):
    return f"{question.field_name}_other"


def rank_name(question, option_id):
    return f"{question.field_name}__{option_id}"


@dataclass
class Tallies:
    """The aggregates of one survey's answers, keyed for every question type's tally:
    ``per_question[qid]`` = {"n": respondents, "avg": average value},
    ``per_option[(qid, option_id)]`` = {"n": count, "avg": average value},
    ``per_value[(qid, value)]`` = count of answers without option."""

    per_question: dict
    per_option: dict
    per_value: dict


class QuestionType:
    """One kind of question. Subclasses set ``name`` and ``block_class`` and override
    what differs; the defaults describe a question answered by choosing options."""

    #: the StreamField block name, stored as ``Question.type``
    name = ""
    #: the StructBlock editors add for this type (surveys/blocks.py)
    block_class = None
    #: answers are free text, stored unpublished until a moderator approves them
    free_text = False
    #: the answer is a position per option (a column of average positions in results)
    ranked = False
    #: the heading of the first column of the results table
    value_heading = _("Option")

    # Definition --------------------------------------------------------------

    def read(self, question, value):
        """Fill the type's own attributes of ``question`` from its block value."""

    # Form ----------------------------------------------------------------------

    def form_fields(self, question, common):
        """{field name: form field} for this question; ``common`` holds the label,
        ``required`` and help text every main field takes."""
        raise NotImplementedError

    def clean(self, question, cleaned, form):
        """Checks across this question's fields (``form.add_error`` on a problem)."""

    def bound_fields(self, form, question):
        """The main bound field and the per-option rank fields, for the template."""
        main = form[question.field_name] if question.field_name in form.fields else None
        return main, []

    # Storage --------------------------------------------------------------------

    def rows(self, question, data):
        """The cleaned answer as (question_id, option_id, value, text) tuples."""
        raise NotImplementedError

    def needs_moderation(self, option_id):
        """Whether a stored row stays unpublished until a moderator approves it."""
        return self.free_text or option_id == OTHER_OPTION

    # Results --------------------------------------------------------------------

    def tally(self, question, tallies, make_row):
        """(result rows, average) from the survey's aggregates; ``make_row(label,
        count)`` builds one row with its percentage and bar."""
        rows = [
            make_row(label, tallies.per_option.get((question.id, option_id), {}).get("n", 0))
            for option_id, label in question.options
        ]
        return rows, None

    def summary_rows(self, question, result):
        """Extra open-data rows after the per-option ones (e.g. an average)."""
        return []

    def export_option(self, question, option_id):
        """The raw export's ``option`` cell of one stored row."""
        return question.option_labels.get(option_id, "")
