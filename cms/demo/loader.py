"""Loads the Soacha demo site from the data files beside this module and in the apps'
``data/`` folders. Every step is idempotent: existing pages, documents and users are
kept as they are (an editor's changes survive ``make run``), missing ones are created."""

import importlib
import json
import os
from html import escape
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from allauth.account.models import EmailAddress

from cms.models import EntitySettings
from home.models import HomePage, StandardPage

from .dependencies import load_dependencies

DEMO_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(settings.BASE_DIR)
SITE_DATA = DEMO_DIR / "site.json"
DECREE_FILE = BASE_DIR / "gel" / "data" / "decreto-387-2009-soacha.txt"
DECREE_TITLE = "Decreto 387 de 2009 – Plan de Acción GEL-T de la Alcaldía de Soacha"
DEFAULT_DEMO_PASSWORD = "soacha-demo-2026"  # documented in README; demo only


#: Apps whose ``<app>/demo.py`` defines ``load(loader) -> int`` (objects created); they
#: run in this order after the site tree, and each must be idempotent itself.
DEMO_APPS = ["transparency", "home", "gel", "pqr", "participation", "surveys", "search"]


def app_demo_modules():
    for app in DEMO_APPS:
        try:
            yield importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.demo":
                raise


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def paragraphs(texts):
    return [("paragraph", RichText("".join(f"<p>{escape(t)}</p>" for t in texts)))] if texts else []


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.data = load_json(SITE_DATA)
        self.es = Locale.objects.get(language_code="es")
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.created = 0
        self.pages_by_setting = {}
        self.pending_links = []  # (page created in this run, its spec's "links")

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def run(self):
        home = self.home_page()
        self.site(home)
        decree = self.decree_document()
        for spec in self.data["pages"]:
            self.ensure_page(home, spec, decree=decree)
        self.entity_settings(home)
        self.users()
        self.home = home
        self.decree = decree
        self.dependencies = load_dependencies(self)
        for module in app_demo_modules():
            self.created += module.load(self) or 0
        self.add_links()
        return self.created

    # Pages ---------------------------------------------------------------------

    def home_page(self):
        spec = self.data["home"]
        home = HomePage.objects.filter(depth=2, locale=self.es).first()
        if home is None:
            home = HomePage(title=spec["title"]["es"], slug="inicio", locale=self.es)
            Page.get_first_root_node().add_child(instance=home)
            self.created += 1
        if not home.introduction:
            home.introduction = spec["introduction"]["es"]
            home.title = spec["title"]["es"]
            home.save_revision().publish()
        self.ensure_translation(home, spec)
        return home

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                root_page=home,
                is_default_site=True,
                site_name="Alcaldía de Soacha",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()

    def ensure_page(self, parent, spec, decree=None):
        page = parent.get_children().filter(slug=spec["slug"], locale=self.es).first()
        if page is None:
            page = StandardPage(
                title=spec["title"]["es"],
                slug=spec["slug"],
                introduction=spec.get("introduction", {}).get("es", ""),
                show_in_menus=spec.get("in_menu", False),
                body=self.body(spec, "es", decree),
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            if spec.get("links"):
                self.pending_links.append((page, spec["links"]))
        self.ensure_translation(page, spec, decree=decree)
        if spec.get("setting"):
            self.pages_by_setting[spec["setting"]] = page
        for child in spec.get("children", []):
            self.ensure_page(page, child, decree=decree)
        return page

    def body(self, spec, lang, decree):
        blocks = paragraphs(spec.get("paragraphs", {}).get(lang, []))
        if spec.get("decree") and decree is not None:
            blocks.append(("document", {"document": decree, "title": DECREE_TITLE}))
        return blocks

    def ensure_translation(self, page, spec, decree=None):
        if page.get_translation_or_none(self.en) is not None:
            return
        translated = page.copy_for_translation(self.en)
        translated.title = spec["title"]["en"]
        translated.draft_title = translated.title
        if "introduction" in spec:
            translated.introduction = spec["introduction"]["en"]
        if isinstance(translated, StandardPage):
            translated.body = self.body(spec, "en", decree)
        translated.save_revision().publish()

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
        page = Page.objects.filter(url_path=f"{self.home.url_path}{path}/", locale=self.es).first()
        if page is None:
            return None
        return page.get_translation_or_none(locale) or page

    # Documents, settings, users ---------------------------------------------------

    def decree_document(self):
        Document = get_document_model()
        document = Document.objects.filter(title=DECREE_TITLE).first()
        if document is None:
            with open(DECREE_FILE, "rb") as handle:
                document = Document(title=DECREE_TITLE)
                document.file.save("decreto-387-2009-soacha.txt", File(handle), save=False)
                document.save()
            self.created += 1
        return document

    def entity_settings(self, home):
        site = Site.objects.get(root_page=home)
        entity = EntitySettings.for_site(site)
        changed = False
        for field, value in self.data["entity"].items():
            if not getattr(entity, field):
                setattr(entity, field, value)
                changed = True
        for field, page in self.pages_by_setting.items():
            if getattr(entity, f"{field}_id") is None:
                setattr(entity, field, page)
                changed = True
        if changed:
            entity.save()

    def users(self):
        User = get_user_model()
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        for spec in self.data["users"]:
            user = User.objects.filter(email__iexact=spec["email"]).first()
            if user is None:
                user = User(
                    username=spec["email"].split("@")[0],
                    email=spec["email"],
                    first_name=spec["first_name"],
                    last_name=spec["last_name"],
                    is_superuser=spec.get("superuser", False),
                    is_staff=spec.get("superuser", False),
                )
                user.set_password(password)
                user.save()
                self.created += 1
            user.groups.add(*Group.objects.filter(name__in=spec["groups"]))
            EmailAddress.objects.get_or_create(
                user=user, email=spec["email"], defaults={"verified": True, "primary": True}
            )
