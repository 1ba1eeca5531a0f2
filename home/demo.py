"""Demo content of the general pages (news, events, FAQ, glossary, children's section,
pages by audience, help and policies) from ``home/data/*.json``.

Idempotent: a page that exists (looked up by slug under its parent) is left as the
editors keep it; only missing pages and missing English translations are created."""

import json
from html import escape
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.demo.loader import paragraphs
from cms.models import Audience, Dependency
from home.demo_tree import SiteTree
from home.models import (
    AudiencePage,
    ChildrenPage,
    EventIndexPage,
    EventPage,
    FaqPage,
    GlossaryPage,
    GlossaryTerm,
    HomePage,
    HomeSectionCard,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from home.models.common import LISTING_RENDITIONS

DATA = Path(__file__).resolve().parent / "data"


def read(name):
    with open(DATA / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


class DemoImages:
    """The illustrations of ``home/data/images/`` (the project's own, CC0) as Wagtail
    images, made once (looked up by title; an editor's changes are kept), with the
    alternative text of ``home/data/images.json`` in each language."""

    def __init__(self):
        self.data = read("images")
        self._images = {}

    def image(self, key):
        if key not in self._images:
            spec = self.data["images"][key]
            model = get_image_model()
            image = model.objects.filter(title=spec["title"]).first()
            if image is None:
                with open(DATA / "images" / f"{key}.jpg", "rb") as handle:
                    image = model(title=spec["title"], file=ImageFile(handle, name=f"{key}.jpg"))
                    image.save()
            # Made now so the first visitors' pages need not make them.
            image.get_renditions(*LISTING_RENDITIONS)
            self._images[key] = image
        return self._images[key]

    def fields(self, kind, slug, language="es"):
        """The image fields of the demo page ``slug`` of ``kind`` ("news", "events"),
        or none when the data gives it no image."""
        key = self.data[kind].get(slug)
        if key is None:
            return {}
        return {"image": self.image(key), "image_alt": self.data["images"][key]["alt"][language]}

    def add_section_cards(self, loader):
        """A card image for each section of ``images.json`` on both home pages, unless
        the home page has a card for that section already or unpublished changes."""
        for locale in (loader.es, loader.en):
            home = loader.home.get_translation_or_none(locale)
            if home is None or home.has_unpublished_changes:
                continue
            home = home.specific
            if not isinstance(home, HomePage):
                continue
            have = set(home.section_cards.values_list("section__translation_key", flat=True))
            added = False
            for slug, key in self.data["sections"].items():
                section = Page.objects.child_of(loader.home).filter(slug=slug).first()
                if section is None or section.translation_key in have:
                    continue
                section = section.get_translation_or_none(locale) or section
                home.section_cards.add(
                    HomeSectionCard(
                        section=section,
                        image=self.image(key),
                        image_alt=self.data["images"][key]["alt"][locale.language_code],
                    )
                )
                added = True
            if added:
                home.save_revision().publish()


class DemoMedia:
    """The demo video (with Spanish and English WebVTT captions) and audio of
    ``home/data/media/`` (the project's own, CC0; ``make_media.py`` made them) as
    Wagtail documents, made once (looked up by title), and the body blocks that show
    them with their transcripts (the texts of ``media.json``)."""

    def __init__(self):
        with open(DATA / "media" / "media.json", encoding="utf-8") as handle:
            self.data = json.load(handle)

    @staticmethod
    def document(title, filename):
        model = get_document_model()
        document = model.objects.filter(title=title).first()
        if document is None:
            with open(DATA / "media" / filename, "rb") as handle:
                document = model(title=title)
                document.file.save(filename, File(handle), save=False)
                document.save()
            # The size shown by the download link and the hash the serve view's ETag uses.
            document.get_file_size()
            document.get_file_hash()
        return document

    @staticmethod
    def transcript(cues, language):
        return RichText("".join(f"<p>{escape(cue[language])}</p>" for cue in cues))

    def video(self, language):
        spec = self.data["video"]
        stem = Path(spec["file"]).stem
        captions = [
            {
                "file": self.document(
                    f"Subtítulos ({code}): {spec['document_title']}", f"{stem}.{code}.vtt"
                ),
                "language": code,
                "label": "",
            }
            for code in ("es", "en")
        ]
        return (
            "video",
            {
                "title": spec["title"][language],
                "file": self.document(spec["document_title"], spec["file"]),
                "url": "",
                "captions": captions,
                "poster": None,
                "transcript": self.transcript(spec["cues"], language),
            },
        )

    def audio(self, language):
        spec = self.data["audio"]
        return (
            "audio",
            {
                "title": spec["title"][language],
                "file": self.document(spec["document_title"], spec["file"]),
                "transcript": self.transcript(spec["cues"], language),
            },
        )

    def body(self, language):
        texts = self.data["page"]["paragraphs"][language]
        return [*paragraphs(texts), self.video(language), self.audio(language)]


class HomeDemo:
    def __init__(self, loader):
        self.loader = loader
        self.es, self.en = loader.es, loader.en
        self.created = 0
        self.images = DemoImages()
        self.audiences = {audience.slug: audience for audience in Audience.objects.all()}
        self._dependencies = {}

    # Helpers ---------------------------------------------------------------------

    def child(self, parent, slug):
        page = parent.get_children().filter(slug=slug).first()
        return page.specific if page else None

    def ensure(self, parent, spec, model, **fields):
        """The page ``spec["slug"]`` under ``parent``, created and published if missing."""
        page = self.child(parent, spec["slug"])
        if page is None:
            page = model(
                title=spec["title"]["es"],
                slug=spec["slug"],
                introduction=spec.get("introduction", {}).get("es", ""),
                **fields,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        return page

    def translate(self, page, spec, **fields):
        """Publish the English translation of ``page`` if it has none yet."""
        if page.get_translation_or_none(self.en) is not None:
            return
        translated = page.copy_for_translation(self.en)
        translated.title = translated.draft_title = spec["title"]["en"]
        if "introduction" in spec:
            translated.introduction = spec["introduction"]["en"]
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()

    def dependency(self, key, language="es"):
        """The demo dependency whose slug contains ``key`` (cms' demo data), in the
        given language, or None when there is none."""
        if key not in self._dependencies:
            self._dependencies[key] = (
                Dependency.objects.filter(locale=self.es, slug__icontains=key).first()
                if key and key != "general"
                else None
            )
        found = self._dependencies[key]
        if found is None or language == "es":
            return found
        return found.get_translation_or_none(self.en) or found

    def english_alt(self, page, kind, slug):
        """The English alternative text for the translation of ``page``, when the page
        still shows its demo image (the translation copies the image)."""
        fields = self.images.fields(kind, slug, "en")
        if not fields or page.image_id != fields["image"].pk:
            return {}
        return {"image_alt": fields["image_alt"]}

    def pick_audiences(self, slugs):
        return [self.audiences[slug] for slug in slugs if slug in self.audiences]

    def section(self, slug):
        page = self.child(self.loader.home, slug)
        if page is None:
            raise RuntimeError(f"the base demo site has no '{slug}' section")
        return page

    # Content ---------------------------------------------------------------------

    def news(self):
        data = read("news")
        index = self.ensure(self.section("noticias"), data["index"], NewsIndexPage)
        self.translate(index, data["index"])
        for spec in data["items"]:
            page = self.ensure(
                index,
                spec,
                NewsPage,
                date=parse_date(spec["date"]),
                category=spec["category"],
                dependency=self.dependency(spec["dependency"]),
                body=paragraphs(spec["paragraphs"]["es"]),
                audiences=self.pick_audiences(spec["audiences"]),
                **self.images.fields("news", spec["slug"]),
            )
            self.translate(
                page,
                spec,
                body=paragraphs(spec["paragraphs"]["en"]),
                dependency=self.dependency(spec["dependency"], "en"),
                **self.english_alt(page, "news", spec["slug"]),
            )

    def media(self):
        """A news item with the demo video and audio (criterion "Información en audio
        y/o video"), in both languages."""
        media = DemoMedia()
        spec = media.data["page"]
        index = self.child(self.section("noticias"), read("news")["index"]["slug"])
        page = self.ensure(
            index,
            spec,
            NewsPage,
            date=parse_date(spec["date"]),
            category=spec["category"],
            body=media.body("es"),
        )
        self.translate(page, spec, body=media.body("en"))

    def events(self):
        data = read("events")
        calendar = self.ensure(self.section("noticias"), data["index"], EventIndexPage)
        self.translate(calendar, data["index"])
        tz = timezone.get_current_timezone()
        for spec in data["items"]:
            start = parse_datetime(spec["start"]).replace(tzinfo=tz)
            end = parse_datetime(spec["end"]).replace(tzinfo=tz)
            page = self.ensure(
                calendar,
                spec,
                EventPage,
                start=start,
                end=end,
                place=spec["place"],
                dependency=self.dependency(spec["dependency"]),
                audiences=self.pick_audiences(spec["audiences"]),
                **self.images.fields("events", spec["slug"]),
            )
            self.translate(
                page,
                spec,
                dependency=self.dependency(spec["dependency"], "en"),
                **self.english_alt(page, "events", spec["slug"]),
            )

    def faq(self, parent):
        data = read("faq")

        def questions(lang):
            return [
                (
                    "question",
                    {"question": item[lang][0], "answer": RichText(f"<p>{item[lang][1]}</p>")},
                )
                for item in data["questions"]
            ]

        page = self.ensure(parent, data, FaqPage, questions=questions("es"))
        self.translate(page, data, questions=questions("en"))

    def glossary(self, parent):
        data = read("glossary")

        def terms(lang):
            return [
                GlossaryTerm(term=item[lang][0], definition=f"<p>{item[lang][1]}</p>")
                for item in data["terms"]
            ]

        page = self.child(parent, data["slug"])
        if page is None:
            page = self.ensure(parent, data, GlossaryPage, terms=terms("es"))
        if page.get_translation_or_none(self.en) is None:
            translated = page.copy_for_translation(self.en)
            translated.title = translated.draft_title = data["title"]["en"]
            translated.introduction = data["introduction"]["en"]
            translated.terms = terms("en")
            translated.save_revision().publish()

    def standard(self, parent, spec, model=StandardPage):
        page = self.ensure(parent, spec, model, body=paragraphs(spec["paragraphs"]["es"]))
        self.translate(page, spec, body=paragraphs(spec["paragraphs"]["en"]))
        return page

    def sections(self, services):
        data = read("sections")
        children = self.standard(services, data["children"], ChildrenPage)
        for spec in data["children"]["children"]:
            self.standard(children, spec)
        groups = self.ensure(services, data["audiences_parent"], StandardPage)
        self.translate(groups, data["audiences_parent"])
        for spec in data["audiences"]:
            audience = self.audiences[spec["audience"]]
            page = self.ensure(groups, spec, AudiencePage, audience=audience)
            self.translate(page, spec)
        for spec in data["pages"]:
            self.standard(self.loader.home, spec)
        self.enrich_privacy(data["privacy"])

    def enrich_privacy(self, spec):
        """Add the Ley 1581 sections to the base privacy page once (while it has no
        headings yet), in both languages; later edits by the editors are kept."""
        page = self.child(self.loader.home, spec["slug"])
        if page is None:
            return
        for language, target in (("es", page), ("en", page.get_translation_or_none(self.en))):
            if target is None:
                continue
            target = target.specific
            if any(block.block_type == "heading" for block in target.body):
                continue
            blocks = [(block.block_type, block.value) for block in target.body]
            for heading, texts in spec["sections"]:
                blocks.append(("heading", {"text": heading[language], "level": "h2"}))
                blocks.extend(paragraphs(texts[language]))
            target.body = blocks
            target.save_revision().publish()


def build_site(loader):
    """The home page (the site root) and the standard pages under it."""
    loader.site_tree = SiteTree(loader)
    return loader.site_tree.build()


def finish(loader):
    """Link blocks whose targets the other apps' demos have just made, and the images
    of the sections' cards on the home pages (the sections come from every app)."""
    loader.site_tree.add_links()
    DemoImages().add_section_cards(loader)


def load(loader) -> int:
    demo = HomeDemo(loader)
    demo.news()
    demo.media()
    demo.events()
    services = demo.section("atencion-ciudadania")
    demo.faq(services)
    demo.glossary(services)
    demo.sections(services)
    return demo.created
