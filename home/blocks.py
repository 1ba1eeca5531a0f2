"""Blocks the general pages add to the shared vocabulary: tables (with a required
caption, WCAG 1.3.1). Video and audio are the shared ones (``cms.media_blocks``)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import BaseStreamBlock

TRANSCRIPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class TableBlock(blocks.StructBlock):
    """A simple data table: a required caption, a header row and data rows."""

    caption = blocks.CharBlock(
        label=_("caption"),
        max_length=250,
        help_text=_("Says what the table shows; read first by screen readers."),
    )
    header = blocks.ListBlock(blocks.CharBlock(label=_("column")), label=_("column headings"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("cell"), required=False), label=_("row")),
        label=_("rows"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table_block.html"
        description = _("A data table with a caption and column headings")


class HomeStreamBlock(BaseStreamBlock):
    """The shared vocabulary plus tables."""

    table = TableBlock()


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=TRANSCRIPT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")
