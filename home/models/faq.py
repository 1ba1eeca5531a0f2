import unicodedata

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from cms.models import BasePage
from home.blocks import QuestionBlock

from .common import audiences_field

ALPHABET = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


def initial(text):
    """The A–Z letter a term is filed under (accents dropped: "Órgano" → "O")."""
    letter = unicodedata.normalize("NFKD", text.strip()[:1]).encode("ascii", "ignore").decode()
    letter = letter.upper()
    return letter if letter in ALPHABET else "#"


class FaqPage(BasePage):
    """Frequently asked questions, published with schema.org FAQPage data."""

    questions = StreamField(
        [("question", QuestionBlock())], verbose_name=_("questions"), blank=True
    )
    audiences = audiences_field()

    content_panels = [*BasePage.content_panels, FieldPanel("questions")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("audiences")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("questions"),
    ]

    # A FAQ page sits in a section and has no children.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("frequently asked questions page")

    def structured_data(self):
        """The schema.org FAQPage object (answers as plain text)."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": block.value["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(expand_db_html(block.value["answer"].source)).strip(),
                    },
                }
                for block in self.questions
            ],
        }


class GlossaryPage(BasePage):
    """A glossary A–Z of the words citizens meet in procedures and norms."""

    # A glossary sits in a section and has no children (its terms are inline).
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    content_panels = [*BasePage.content_panels, InlinePanel("terms", label=_("terms"))]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.RelatedFields("terms", [index.SearchField("term"), index.SearchField("definition")]),
    ]

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = {}
        for term in sorted(self.terms.all(), key=lambda t: t.sort_key):
            groups.setdefault(initial(term.term), []).append(term)
        context["letters"] = [(letter, letter in groups) for letter in ALPHABET]
        context["groups"] = sorted(groups.items())
        return context


class GlossaryTerm(Orderable):
    page = ParentalKey(GlossaryPage, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(_("term"), max_length=150)
    definition = RichTextField(_("definition"), features=["bold", "italic", "link"])

    panels = [FieldPanel("term"), FieldPanel("definition")]

    class Meta(Orderable.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    @property
    def sort_key(self):
        return unicodedata.normalize("NFKD", self.term).encode("ascii", "ignore").decode().lower()

    @property
    def anchor(self):
        from django.utils.text import slugify

        return f"termino-{slugify(self.term)}"
