"""The shared StreamField vocabulary every page body uses (one BaseStreamBlock).

A block whose behaviour belongs to an app (the quick poll: votes and tallies live in
surveys) is defined here, so cms imports no app, and rendered with the template that
app registers (``register_block_template`` in its ``AppConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.media_blocks import AudioBlock, VideoBlock

#: block name -> template, filled by the apps that give a shared block its behaviour
BLOCK_TEMPLATES = {}


def register_block_template(name, template):
    """Render the shared block ``name`` with ``template`` (called by the owning app)."""
    BLOCK_TEMPLATES[name] = template


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 or 3 only: the page title is the single h1."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section title inside the page")
        preview_value = {"text": "Trámites en línea", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with mandatory alternative text (WCAG 1.1.1, Res. 1519 Anexo 1)."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with alternative text and an optional caption")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"
        description = _("A link to download a document, with its format and size")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)
    text = blocks.CharBlock(label=_("link text"), max_length=120)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"
        description = _("A prominent link to a page or an external address")


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = blocks.RichTextBlock(label=_("content"), features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "blocks/accordion_block.html"
        description = _("Questions or sections that open and close (works without JavaScript)")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("option"), max_length=200)

    class Meta:
        icon = "radio-full"
        label = _("Option")


class QuickPollBlock(blocks.StructBlock):
    """A one-question poll for any page's body. The block UUID identifies the poll, so
    votes survive edits of the page. Rendered by the template the surveys app
    registers (which posts votes to ``surveys:poll_vote``); nothing without it."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    options = blocks.ListBlock(OptionBlock(), label=_("options"), min_num=2)
    show_results = blocks.BooleanBlock(
        label=_("show results after voting"), required=False, default=True
    )

    class Meta:
        icon = "pick"
        label = _("Quick poll")
        description = _("A one-question poll; one vote per person")
        preview_value = {
            "question": "¿Cómo prefiere hacer sus trámites?",
            "options": [{"label": "En línea"}, {"label": "En la ventanilla"}],
            "show_results": True,
        }

    def get_template(self, value=None, context=None):
        return BLOCK_TEMPLATES.get("quick_poll")

    def render_basic(self, value, context=None):
        return ""


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    document = DocumentBlock()
    link = LinkBlock()
    accordion = AccordionBlock()
    quick_poll = QuickPollBlock()
    video = VideoBlock()
    audio = AudioBlock()
