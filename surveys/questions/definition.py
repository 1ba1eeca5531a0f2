"""A survey's definition: its StreamField block (a section block, then one child per
registered question type) and the steps and questions read from its value."""

from dataclasses import dataclass, field

from wagtail import blocks

from surveys.blocks import SectionBlock
from surveys.questions.base import QUESTION_TYPES, Question, question_type

#: the block that starts a new step
SECTION = "section"


class SurveyStreamBlock(blocks.StreamBlock):
    """What editors compose a survey from: sections and the registered question types."""

    def __init__(self, local_blocks=None, **kwargs):
        children = [
            (SECTION, SectionBlock()),
            *((kind.name, kind.block_class()) for kind in QUESTION_TYPES.values()),
        ]
        super().__init__([*children, *(local_blocks or [])], **kwargs)


@dataclass
class Step:
    title: str = ""
    description: str = ""
    questions: list = field(default_factory=list)


def question_from_block(block):
    """The Question of one StreamField child, read by its registered type."""
    value = block.value
    sensitive = bool(value.get("sensitive"))
    question = Question(
        id=block.id,
        type=block.block_type,
        label=value["question"],
        help_text=value.get("help_text") or "",
        # Sensitive personal data may never be demanded (Ley 1581, art. 6).
        required=bool(value.get("required")) and not sensitive,
        sensitive=sensitive,
    )
    question_type(block.block_type).read(question, value)
    return question


def parse_steps(stream):
    """The survey as steps: a section block starts a new one. This is the one place the
    StreamField is read; SurveyPage keeps its result for the request."""
    steps = [Step()]
    for block in stream:
        if block.block_type == SECTION:
            if steps[-1].questions or steps[-1].title:
                steps.append(Step())
            steps[-1].title = block.value["title"]
            steps[-1].description = block.value.get("description") or ""
        else:
            steps[-1].questions.append(question_from_block(block))
    return [step for step in steps if step.questions] or [Step()]
