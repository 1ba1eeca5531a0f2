"""Question blocks an editor composes a survey from (the quick poll block is cms's).

Every question is a StreamField child, so its block UUID (``block.id``) is the stable
question id stored with each answer; every option is a ListBlock item, so its item
UUID is the stable option id. Editors may reword a question or an option without
breaking the stored answers; deleting one leaves its answers out of the results.

What each question type does with its answers (form field, stored rows, tally) is in
its class in surveys/questions/types.py, which also names its block; the survey's
StreamBlock (``surveys.questions.SurveyStreamBlock``) is built from that registry."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import OptionBlock


class QuestionBlock(blocks.StructBlock):
    """Fields every question shares. ``sensitive`` marks questions about sensitive
    personal data (Ley 1581 de 2012, art. 5-6): they are always optional."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=True)
    sensitive = blocks.BooleanBlock(
        label=_("sensitive personal data"),
        required=False,
        help_text=_(
            "Health, ethnicity, religion, political opinion, sexual life… (Ley 1581). "
            "The question is always optional."
        ),
    )

    class Meta:
        icon = "help"
        template = "surveys/blocks/question_preview.html"


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("options"), min_num=2)
    allow_other = blocks.BooleanBlock(
        label=_("allow an “other” answer"), required=False, default=False
    )


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Single choice")
        description = _("Choose one option")
        icon = "radio-full"


class MultipleChoiceBlock(ChoiceQuestionBlock):
    max_choices = blocks.IntegerBlock(
        label=_("maximum choices"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no limit."),
    )

    class Meta:
        label = _("Multiple choice")
        description = _("Choose several options, optionally up to a maximum")
        icon = "tasks"


class ScaleBlock(QuestionBlock):
    scale = blocks.ChoiceBlock(
        label=_("scale"),
        choices=[("1-5", _("1 to 5")), ("0-10", _("0 to 10"))],
        default="1-5",
    )
    low_label = blocks.CharBlock(label=_("label of the lowest value"), required=False)
    high_label = blocks.CharBlock(label=_("label of the highest value"), required=False)

    class Meta:
        label = _("Scale")
        description = _("A rating from 1 to 5 or from 0 to 10")
        icon = "order"


class YesNoBlock(QuestionBlock):
    class Meta:
        label = _("Yes / no")
        description = _("Answer yes or no")
        icon = "tick"


class ShortTextBlock(QuestionBlock):
    class Meta:
        label = _("Short text")
        description = _("A line of free text (published only after moderation)")
        icon = "pilcrow"


class LongTextBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        description = _("A paragraph of free text (published only after moderation)")
        icon = "doc-full"


class RankingBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("options"), min_num=2)

    class Meta:
        label = _("Ranking")
        description = _("Put the options in order of preference")
        icon = "list-ol"


class SectionBlock(blocks.StructBlock):
    """Starts a new step: the questions after it are asked on their own screen."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "title"
        label = _("Section (new step)")
        description = _("Starts a new step of the survey")
        template = "surveys/blocks/question_preview.html"
