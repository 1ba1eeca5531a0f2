"""The demo site tree home owns: the home page of each language and the standard pages
under it (``home/data/site.json``), with the link blocks added once every app's demo
has made their targets. Driven by ``home.demo.build_site`` and ``home.demo.finish``."""

import json
from pathlib import Path

from django.apps import apps

from wagtail.models import Page

from cms.demo.loader import DECREE_TITLE, paragraphs
from home.models import HomePage, StandardPage

SITE_DATA = Path(__file__).resolve().parent / "data" / "site.json"


class SiteTree:
    def __init__(self, loader):
        self.loader = loader
        self.es, self.en = loader.es, loader.en
        with open(SITE_DATA, encoding="utf-8") as handle:
            self.data = json.load(handle)
        self.pending_links = []  # (page created in this run, its spec's "links")

    def build(self):
        """The Spanish home page, with the standard pages of ``site.json`` under it."""
        home = self.home_page()
        self.loader.site(home)
        for spec in self.data["pages"]:
            self.ensure_page(home, spec)
        return home

    def home_page(self):
        spec = self.data["home"]
        home = HomePage.objects.filter(depth=2, locale=self.es).first()
        if home is None:
            home = HomePage(title=spec["title"]["es"], slug="inicio", locale=self.es)
            Page.get_first_root_node().add_child(instance=home)
            self.loader.created += 1
        if not home.introduction:
            home.introduction = spec["introduction"]["es"]
            home.title = spec["title"]["es"]
            home.save_revision().publish()
        self.ensure_translation(home, spec)
        return home

    def ensure_page(self, parent, spec):
        page = parent.get_children().filter(slug=spec["slug"], locale=self.es).first()
        if page is None:
            model = self.page_model(spec)
            fields = {"body": self.body(spec, "es")} if model is StandardPage else {}
            page = model(
                title=spec["title"]["es"],
                slug=spec["slug"],
                introduction=spec.get("introduction", {}).get("es", ""),
                show_in_menus=spec.get("in_menu", False),
                **fields,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.loader.created += 1
            if spec.get("links"):
                self.pending_links.append((page, spec["links"]))
        self.ensure_translation(page, spec)
        if spec.get("setting"):
            self.loader.pages_by_setting[spec["setting"]] = page
        for child in spec.get("children", []):
            self.ensure_page(page, child)
        return page

    @staticmethod
    def page_model(spec):
        """The page type of ``spec``: a StandardPage, or another app's page named by its
        ``"model"`` ("participation.ParticipaPage": that app fills its content in its
        own demo), through the app registry since home never imports a sibling app."""
        if "model" not in spec:
            return StandardPage
        try:
            return apps.get_model(spec["model"])
        except LookupError:
            return StandardPage

    def body(self, spec, lang):
        blocks = paragraphs(spec.get("paragraphs", {}).get(lang, []))
        decree = self.loader.decree
        if spec.get("decree") and decree is not None:
            blocks.append(("document", {"document": decree, "title": DECREE_TITLE}))
        return blocks

    def ensure_translation(self, page, spec):
        if page.get_translation_or_none(self.en) is not None:
            return
        is_standard = isinstance(page.specific, StandardPage)
        fields = {"body": self.body(spec, "en")} if is_standard else {}
        self.loader.ensure_translation(page, spec, **fields)

    def add_links(self):
        """Add the link blocks of the pages created in this run, once the apps' demos
        have made their targets (``path`` below the home page, e.g. the trámites
        catalogue of the transparency menu). A page that already existed is left as
        its editors keep it."""
        for page, links in self.pending_links:
            for locale in (self.es, self.en):
                target = page.get_translation_or_none(locale)
                if target is None:
                    continue
                added = [
                    ("link", {"page": linked, "text": link["text"][locale.language_code]})
                    for link in links
                    if (linked := self.linked_page(link["path"], locale)) is not None
                ]
                if not added:
                    continue
                target = target.specific
                target.body = [(block.block_type, block.value) for block in target.body] + added
                target.save_revision().publish()

    def linked_page(self, path, locale):
        home = self.loader.home
        page = Page.objects.filter(url_path=f"{home.url_path}{path}/", locale=self.es).first()
        if page is None:
            return None
        return page.get_translation_or_none(locale) or page
