"""Blocks the general pages add to the shared vocabulary: tables, audio and video.

Audio and video must carry a transcript or captions (WCAG 1.2.1, 1.2.2) and tables
a caption (WCAG 1.3.1), so the editor cannot publish media a citizen cannot follow."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

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


class AudioBlock(blocks.StructBlock):
    """An audio file with its mandatory transcript."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    file = DocumentChooserBlock(label=_("audio file"))
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=TRANSCRIPT_FEATURES,
        help_text=_("Everything said in the audio, for people who cannot hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "home/blocks/audio_block.html"
        description = _("An audio file with its transcript")


class VideoBlock(blocks.StructBlock):
    """A video with captions, a transcript, or both: at least one is required."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    video = EmbedBlock(label=_("video address"))
    captions = DocumentChooserBlock(
        label=_("captions file"),
        required=False,
        help_text=_("A subtitles file (WebVTT or SRT) in the page language."),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"), features=TRANSCRIPT_FEATURES, required=False
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video_block.html"
        description = _("A video with captions or a transcript")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("captions") and not value.get("transcript"):
            message = _("Add a captions file or a transcript: the video needs one.")
            raise StructBlockValidationError(block_errors={"transcript": ValidationError(message)})
        return value


class HomeStreamBlock(BaseStreamBlock):
    """The shared vocabulary plus tables and accessible media."""

    table = TableBlock()
    audio = AudioBlock()
    video = VideoBlock()


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=TRANSCRIPT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")
