"""Loads the Soacha demo site: this module only orchestrates (the entity settings, the
demo users and the dependencies are cms's own; every page is built by its app's
``<app>/demo.py`` from the app's ``data/`` folder). Every step is idempotent: existing
pages, documents and users are kept as they are (an editor's changes survive
``make run``), missing ones are created."""

import datetime
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
from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from allauth.account.models import EmailAddress

from cms.models import DataPolicyVersion, EntitySettings

from .dependencies import load_dependencies

DEMO_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(settings.BASE_DIR)
SITE_DATA = DEMO_DIR / "site.json"
DATA_POLICY_FILE = BASE_DIR / "cms" / "data" / "data_policy_v1.json"
DECREE_FILE = BASE_DIR / "gel" / "data" / "decreto-387-2009-soacha.txt"
DECREE_TITLE = "Decreto 387 de 2009 – Plan de Acción GEL-T de la Alcaldía de Soacha"
LOGO_FILE = DEMO_DIR / "images" / "escudo-soacha-demo.svg"
LOGO_TITLE = "Escudo de Soacha (marcador de posición de la demostración)"
DEFAULT_DEMO_PASSWORD = "soacha-demo-2026"  # documented in README; demo only


def demo_password():
    """The password given to the demo users when they are created."""
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


#: Apps whose ``<app>/demo.py`` defines ``load(loader) -> int`` (objects created), and
#: optionally ``build_site(loader) -> root page`` and ``finish(loader)`` (see
#: ``DemoLoader.run``); they run in this order, and each must be idempotent itself.
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
        self.pages_by_setting = {}  # EntitySettings field -> page (filled by the apps)
        self.home = None
        self.decree = None

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def run(self):
        """Orchestrate the apps' demos (``<app>/demo.py``), in three passes: an app's
        ``build_site(loader)`` makes the site tree and returns its root page (home),
        ``load(loader)`` adds its content, ``finish(loader)`` what needs the others'."""
        modules = list(app_demo_modules())
        self.decree = self.decree_document()
        for module in modules:
            if hasattr(module, "build_site"):
                self.home = module.build_site(self)
        self.entity_settings(self.home)
        self.data_policy()
        self.users()
        self.dependencies = load_dependencies(self)
        for module in modules:
            self.created += module.load(self) or 0
        for module in modules:
            if hasattr(module, "finish"):
                module.finish(self)
        return self.created

    def ensure_translation(self, page, spec, **fields):
        """Publish the English translation of ``page`` (title, introduction and
        ``fields`` from ``spec``'s "en" texts) unless it has one."""
        if page.get_translation_or_none(self.en) is not None:
            return
        translated = page.copy_for_translation(self.en)
        translated.title = spec["title"]["en"]
        translated.draft_title = translated.title
        if "introduction" in spec:
            translated.introduction = spec["introduction"]["en"]
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()

    def site(self, home):
        """Make ``home`` the root of the default site (called by ``build_site``)."""
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

    # Documents, settings, users ---------------------------------------------------

    def data_policy(self):
        """Version 1 of the data-treatment policy (cms/migrations/0012 creates it on a
        fresh database; this restores it where it is missing). Never changes it."""
        if DataPolicyVersion.objects.filter(number=1).exists():
            return
        texts = load_json(DATA_POLICY_FILE)
        DataPolicyVersion.objects.bulk_create(
            [
                DataPolicyVersion(
                    number=1,
                    effective_from=datetime.date(2026, 1, 1),
                    text_es=texts["es"],
                    text_en=texts["en"],
                )
            ]
        )
        self.created += 1

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
        if entity.logo_id is None:
            entity.logo = self.logo_image()
            changed = True
        if changed:
            entity.save()

    def logo_image(self):
        """The demo's placeholder coat of arms (an SVG of ours, not the real one)."""
        Image = get_image_model()
        image = Image.objects.filter(title=LOGO_TITLE).first()
        if image is None:
            with open(LOGO_FILE, "rb") as handle:
                image = Image(title=LOGO_TITLE)
                image.file.save(LOGO_FILE.name, File(handle), save=False)
                image.save()
            self.created += 1
        return image

    def logins(self):
        """(email, role) of each demo user, for the summary printed after loading."""
        return [
            (spec["email"], "superuser" if spec.get("superuser") else ", ".join(spec["groups"]))
            for spec in self.data["users"]
        ]

    def users(self):
        User = get_user_model()
        password = demo_password()
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
