"""Soacha demo content for the information phase, loaded by ``load_demo_content`` from
the JSON files in ``transparency/data/``: officials (filed under the dependencies the
cms demo creates), entities, the
transparency menu page and its sections, norms (Decreto 387 de 2009 among them),
trámites, two budget years and the development plan "Soacha para vivir mejor".

Idempotent like the rest of the demo: what exists is kept as it is (an editor's
changes survive ``make run``), what is missing is created, in Spanish and English."""

import json
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.models import Audience

from .models import (
    BudgetIndexPage,
    BudgetYearPage,
    DirectoryPage,
    EntityInfoPage,
    ExecutionReport,
    IndicatorsPage,
    InterestGroup,
    NormIndexPage,
    NormPage,
    OfficesPage,
    OrganigramPage,
    OtherEntity,
    PlanPage,
    ProcedureIndexPage,
    ProcedurePage,
    ProcessesPage,
    ProcessItem,
    ProgramPage,
    ProgramProject,
    PublicationsPage,
    PublicOfficial,
    TransparencyMenuItem,
    TransparencyPage,
)

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("es", "en")
SECTION_TYPES = {
    model.__name__: model
    for model in (
        EntityInfoPage,
        OrganigramPage,
        OfficesPage,
        ProcessesPage,
        DirectoryPage,
        NormIndexPage,
        ProcedureIndexPage,
        BudgetIndexPage,
        PlanPage,
        IndicatorsPage,
        PublicationsPage,
    )
}
COMMENTS_EMAIL = "juridica@alcaldiasoacha.gov.co"


def read(name):
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


def paragraphs_html(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def list_html(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def as_date(value):
    return date.fromisoformat(value) if value else None


def load(loader):
    """Entry point called by ``cms.demo.loader.DemoLoader`` (returns objects created)."""
    return TransparencyDemo(loader).run()


class TransparencyDemo:
    def __init__(self, loader):
        self.loader = loader
        self.locales = {"es": loader.es, "en": loader.en}
        self.created = 0
        self.dependencies = loader.dependencies  # slug -> {"es": ..., "en": ...} (cms demo)
        self.sections = {}  # slug -> {"es": page, "en": page}
        self.norms = {}  # slug -> {"es": NormPage, "en": NormPage}

    def run(self):
        self.load_officials()
        self.load_entities()
        pages = read("pages.json")
        menu_page = self.ensure_page(
            self.loader.home,
            TransparencyPage,
            pages["transparency"],
            lambda lang: {"show_in_menus": True},
        )
        for spec in pages["sections"]:
            if spec["type"] in ("PlanPage", "IndicatorsPage"):
                continue  # created once the plan and its programs exist
            self.sections[spec["slug"]] = self.ensure_section(menu_page["es"], spec)
        self.load_norms()
        self.load_procedures()
        self.load_budget()
        self.sections["plan-de-desarrollo"] = self.load_plan(menu_page["es"])
        indicators_spec = next(s for s in pages["sections"] if s["type"] == "IndicatorsPage")
        self.sections[indicators_spec["slug"]] = self.ensure_section(
            menu_page["es"], indicators_spec
        )
        self.load_menu(menu_page, pages["menu"])
        transaction.on_commit(lambda: self.link_deferred(menu_page, pages["menu"]))
        return self.created

    # Snippets ------------------------------------------------------------------------

    def dependency(self, slug, lang):
        return self.dependencies[slug][lang] if slug else None

    def ensure_snippet(self, model, lookup, fields):
        """The Spanish snippet found by ``lookup`` (created if missing) and its English
        translation; ``fields(lang)`` gives the values of each language."""
        es = model.objects.filter(locale=self.locales["es"], **lookup).first()
        if es is None:
            es = model(locale=self.locales["es"], **{**lookup, **fields("es")})
            es.save()
            self.created += 1
        if es.get_translation_or_none(self.locales["en"]) is None:
            en = es.copy_for_translation(self.locales["en"])
            for field, value in fields("en").items():
                setattr(en, field, value)
            en.save()
        return es

    def load_officials(self):
        for spec in read("officials.json"):
            self.ensure_snippet(
                PublicOfficial,
                {"name": spec["name"], "email": spec["email"]},
                lambda lang, spec=spec: {
                    "position": spec["position"][lang],
                    "dependency": self.dependency(spec["dependency"], lang),
                    "phone": spec["phone"],
                    "salary_scale": spec["salary_scale"],
                    "sort_order": spec["sort_order"],
                },
            )

    def load_entities(self):
        data = read("entities.json")
        for model, key in ((OtherEntity, "entities"), (InterestGroup, "groups")):
            for spec in data[key]:
                self.ensure_snippet(
                    model,
                    {"name": spec["name"]["es"]},
                    lambda lang, spec=spec, model=model: self.entity_fields(model, spec, lang),
                )

    @staticmethod
    def entity_fields(model, spec, lang):
        fields = {
            "name": spec["name"][lang],
            "kind": spec["kind"],
            "description": spec["description"][lang],
            "phone": spec["phone"],
            "email": spec["email"],
            "website": spec["website"],
        }
        if model is OtherEntity:
            fields["address"] = spec["address"]
        return fields

    # Documents -------------------------------------------------------------------------

    def document(self, title, text):
        """A small plain-text document (the demo's stand-in for a scanned PDF)."""
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            body = f"{title}\n\n{text}\n\nAlcaldía de Soacha – documento de demostración.\n"
            document.file.save(f"{slugify(title)[:80]}.txt", ContentFile(body.encode()), save=False)
            document.save()
            self.created += 1
        return document

    # Pages -----------------------------------------------------------------------------

    def ensure_page(self, parent_es, model, spec, fields, after_create=None):
        """The Spanish page ``spec["slug"]`` under ``parent_es`` and its English
        translation, created live when missing. ``fields(lang)`` gives the field values
        of each language; ``after_create(page, lang)`` fills child rows and relations."""
        page = parent_es.get_children().filter(slug=spec["slug"]).first()
        if page is None:
            page = self.create_page(parent_es, model, spec, "es", fields, after_create)
        page = page.specific
        translated = page.get_translation_or_none(self.locales["en"])
        if translated is None:
            parent_en = parent_es.get_translation(self.locales["en"])
            translated = self.create_page(
                parent_en,
                model,
                spec,
                "en",
                fields,
                after_create,
                translation_key=page.translation_key,
            )
        return {"es": page, "en": translated.specific}

    def create_page(self, parent, model, spec, lang, fields, after_create, **extra):
        """One live page in one save: no draft revision (the demo is published as it
        is), so loading it costs one search-index and reference-index update per page."""
        now = timezone.now()
        page = model(
            slug=spec["slug"],
            title=spec["title"][lang],
            introduction=spec.get("introduction", {}).get(lang, ""),
            locale=self.locales[lang],
            live=True,
            first_published_at=now,
            last_published_at=now,
            **extra,
            **fields(lang),
        )
        if after_create:
            after_create(page, lang)
        parent.add_child(instance=page)
        self.created += 1
        return page

    def ensure_section(self, parent_es, spec):
        model = SECTION_TYPES[spec["type"]]
        builders = {
            "EntityInfoPage": lambda lang: {
                "mission": paragraphs_html(spec["mission"][lang]),
                "vision": paragraphs_html(spec["vision"][lang]),
                "objectives": list_html(spec["objectives"][lang]),
                "functions": paragraphs_html(spec["functions"][lang]),
            },
            "DirectoryPage": lambda lang: {"directory": spec["directory"]},
            "PublicationsPage": lambda lang: {"entries": self.publication_blocks(spec, lang)},
            "IndicatorsPage": lambda lang: {"plan": self.sections[spec["plan"]][lang]},
        }
        after = None
        if model is ProcessesPage:

            def after(page, lang):
                page.processes = [
                    ProcessItem(
                        name=item["name"][lang],
                        process_type=item["type"],
                        objective=item["objective"][lang],
                        dependency=self.dependency(item["dependency"], lang),
                    )
                    for item in spec["processes"]
                ]

        return self.ensure_page(
            parent_es, model, spec, builders.get(spec["type"], lambda lang: {}), after
        )

    def publication_blocks(self, spec, lang):
        blocks = []
        for entry in spec["entries"]:
            if entry["type"] == "contract":
                blocks.append(
                    (
                        "contract",
                        {
                            "number": entry["number"],
                            "purpose": entry["purpose"][lang],
                            "contractor": entry["contractor"],
                            "value": Decimal(entry["value"]),
                            "date": as_date(entry["date"]),
                            "secop_url": entry["secop_url"],
                        },
                    )
                )
                continue
            document = None
            if entry["doc"]:
                title = entry["title"]["es"]
                document = self.document(title, entry["description"]["es"])
            blocks.append(
                (
                    "publication",
                    {
                        "title": entry["title"][lang],
                        "date": as_date(entry["date"]),
                        "description": entry["description"][lang],
                        "document": document,
                        "url": entry["url"],
                    },
                )
            )
        return blocks

    # Norms -----------------------------------------------------------------------------

    def load_norms(self):
        """Norms in the data file's order: a norm that modifies or repeals another comes
        after it, so the relations are set when the norm is created."""
        index = self.sections["normatividad"]["es"]
        for spec in read("norms.json"):
            spec["title"] = {
                lang: NormPage(
                    norm_type=spec["type"], number=spec["number"], year=spec["year"]
                ).label_in(lang)
                for lang in LANGS
            }

            def after(page, lang, spec=spec):
                page.modifies = [self.norms[slug][lang] for slug in spec.get("modifies", [])]
                page.repeals = [self.norms[slug][lang] for slug in spec.get("repeals", [])]

            self.norms[spec["slug"]] = self.ensure_page(
                index, NormPage, spec, lambda lang, spec=spec: self.norm_fields(spec, lang), after
            )

    def norm_fields(self, spec, lang):
        if spec.get("decree"):
            document = self.loader.decree
        else:
            label = NormPage(norm_type=spec["type"], number=spec["number"], year=spec["year"])
            document = self.document(label.label_in("es"), spec["epigraph"]["es"])
        is_draft = spec["type"] == "proyecto"
        return {
            "norm_type": spec["type"],
            "number": spec["number"],
            "year": spec["year"],
            "issue_date": as_date(spec["issue_date"]),
            "publication_date": as_date(spec["publication_date"]),
            "issuer": spec["issuer"],
            "epigraph": spec["epigraph"][lang],
            "in_force": spec["in_force"],
            "document": document,
            "comment_deadline": as_date(spec.get("comment_deadline")),
            "comment_email": COMMENTS_EMAIL if is_draft else "",
        }

    def norm(self, slug, lang):
        return self.norms[slug][lang] if slug else None

    # Procedures ------------------------------------------------------------------------

    def load_procedures(self):
        index = self.sections["tramites-y-servicios"]["es"]
        audiences = {audience.slug: audience for audience in Audience.objects.all()}
        for spec in read("procedures.json"):
            spec["introduction"] = spec["purpose"]

            def fields(lang, spec=spec):
                return {
                    "kind": spec["kind"],
                    "purpose": spec["purpose"][lang],
                    "who_may_request": spec["who"][lang],
                    "requirements": list_html(spec["requirements"][lang]),
                    "cost": spec["cost"][lang],
                    "time_limit": spec["time_limit"][lang],
                    "channel_in_person": "in_person" in spec["channels"],
                    "channel_online": "online" in spec["channels"],
                    "channel_phone": "phone" in spec["channels"],
                    "channel_details": spec["details"][lang],
                    "responsible_dependency": self.dependency(spec["dependency"], lang),
                    "legal_basis": self.norm(spec["norm"], lang),
                    "legal_basis_text": spec["basis"] or "",
                    "online_level": spec["level"],
                    "online_form_url": spec["online_url"],
                    "topic": spec["topic"],
                    "featured": spec["featured"],
                    "downloadable_forms": self.procedure_forms(spec),
                }

            def after(page, lang, spec=spec):
                page.audiences = [
                    audiences[slug] for slug in spec["audiences"] if slug in audiences
                ]

            self.ensure_page(index, ProcedurePage, spec, fields, after)

    def procedure_forms(self, spec):
        if spec["level"] == "informacion":
            return []
        title = f"Formulario – {spec['title']['es']}"
        document = self.document(title, spec["purpose"]["es"])
        return [("document", {"document": document, "title": ""})]

    # Budget and plan -----------------------------------------------------------------------

    def load_budget(self):
        index = self.sections["presupuesto"]["es"]
        titles = {"es": "Presupuesto {year}", "en": "Budget {year}"}
        for spec in read("budget.json"):
            year = spec["year"]
            page_spec = {
                "slug": f"vigencia-{year}",
                "title": {lang: titles[lang].format(year=year) for lang in LANGS},
            }
            budget_document = self.document(
                f"Presupuesto General de Rentas y Gastos {year}", f"Vigencia fiscal {year}."
            )

            def fields(lang, spec=spec, budget_document=budget_document):
                return {
                    "fiscal_year": spec["year"],
                    "approved_income": Decimal(spec["income"]),
                    "approved_operating": Decimal(spec["operating"]),
                    "approved_debt": Decimal(spec["debt"]),
                    "approved_investment": Decimal(spec["investment"]),
                    "approval_norm": self.norm(spec["norm"], lang),
                    "budget_document": budget_document,
                }

            def after(page, lang, spec=spec):
                reports = []
                for period_es, period_en, cut_off, income, expenses in spec["reports"]:
                    document = self.document(
                        f"Ejecución presupuestal {spec['year']} – {period_es}",
                        f"Corte: {cut_off}.",
                    )
                    reports.append(
                        ExecutionReport(
                            period=period_es if lang == "es" else period_en,
                            cut_off_date=as_date(cut_off),
                            collected_income=Decimal(income),
                            executed_expenses=Decimal(expenses),
                            document=document,
                        )
                    )
                page.execution_reports = reports

            self.ensure_page(index, BudgetYearPage, page_spec, fields, after)

    def load_plan(self, menu_page_es):
        spec = read("development_plan.json")
        document = self.document(spec["title"]["es"], spec["introduction"]["es"])
        plan = self.ensure_page(
            menu_page_es,
            PlanPage,
            spec,
            lambda lang: {
                "plan_kind": "desarrollo",
                "period_start": spec["period"][0],
                "period_end": spec["period"][1],
                "adopted_by": self.norm(spec["norm"], lang),
                "document": document,
            },
        )
        for program in spec["programs"]:
            program_spec = {
                "slug": program["slug"],
                "title": program["title"],
                "introduction": program["objective"],
            }

            def fields(lang, program=program):
                return {
                    "strategic_line": program["line"][lang],
                    "objective": program["objective"][lang],
                    "responsible_dependency": self.dependency(program["dependency"], lang),
                    "contact_position": program["contact"][lang],
                    "contact_email": program["email"],
                    "contact_phone": program["phone"],
                    "budget": Decimal(program["budget"]),
                    "indicators": [
                        ("indicator", self.indicator_value(indicator))
                        for indicator in program["indicators"][lang]
                    ],
                }

            def after(page, lang, program=program):
                page.projects = [
                    ProgramProject(
                        name=name_es if lang == "es" else name_en,
                        code=code,
                        budget=Decimal(budget),
                        status=status,
                        dependency=self.dependency(program["dependency"], lang),
                    )
                    for name_es, name_en, code, budget, status in program["projects"]
                ]

            self.ensure_page(plan["es"], ProgramPage, program_spec, fields, after)
        return plan

    @staticmethod
    def indicator_value(spec):
        return {
            "name": spec["name"],
            "formula": spec["formula"],
            "unit": spec["unit"],
            "baseline": Decimal(spec["baseline"]),
            "target": Decimal(spec["target"]),
            "measurements": [
                {"date": as_date(m["date"]), "value": Decimal(m["value"])}
                for m in spec["measurements"]
            ],
        }

    # The menu --------------------------------------------------------------------------

    def site_page(self, path):
        home = self.loader.home
        return Page.objects.filter(
            url_path=f"{home.url_path}{path}/", locale=self.locales["es"]
        ).first()

    def menu_rows(self, menu, lang):
        rows = []
        for number, targets in menu.items():
            for target in targets:
                label = target.get("label", {}).get(lang, "")
                if "section" in target:
                    rows.append(
                        TransparencyMenuItem(
                            number=number,
                            link_page=self.sections[target["section"]][lang],
                            label=label,
                        )
                    )
                elif "site" in target:
                    page = self.site_page(target["site"])
                    if page is not None:
                        rows.append(
                            TransparencyMenuItem(number=number, link_page=page, label=label)
                        )
                elif "path" in target:
                    rows.append(
                        TransparencyMenuItem(
                            number=number, link_url=f"/{lang}/{target['path']}", label=label
                        )
                    )
                elif "url" in target:
                    rows.append(
                        TransparencyMenuItem(number=number, link_url=target["url"], label=label)
                    )
                elif "na" in target:
                    rows.append(
                        TransparencyMenuItem(
                            number=number, not_applicable_reason=target["na"][lang]
                        )
                    )
                elif "fallback" in target:
                    fallback = target["fallback"]
                    rows.append(
                        TransparencyMenuItem(
                            number=number,
                            link_url=f"/{lang}/{fallback['path']}",
                            label=fallback["label"][lang],
                        )
                    )
        return rows

    def load_menu(self, menu_page, menu):
        for lang in LANGS:
            # Fetched again: the instance in hand predates its children (stale numchild).
            page = TransparencyPage.objects.get(pk=menu_page[lang].pk)
            if page.menu_items.exists():
                continue
            page.menu_items = self.menu_rows(menu, lang)
            page.save()

    def link_deferred(self, menu_page, menu):
        """Link the items whose content another app's demo creates after this one (the
        events calendar, FAQ, glossary, children's section), once the whole demo is in."""
        for number, targets in menu.items():
            for target in targets:
                if "deferred" not in target:
                    continue
                found = self.find_page_by_type(target["deferred"])
                if found is None:
                    continue
                for lang in LANGS:
                    page = TransparencyPage.objects.get(pk=menu_page[lang].pk)
                    rows = list(page.menu_items.all())
                    if any(
                        row.number == number and row.link_page_id in found.values() for row in rows
                    ):
                        continue
                    fallback = target.get("fallback")
                    if fallback:
                        path = f"/{lang}/{fallback['path']}"
                        rows = [r for r in rows if not (r.number == number and r.link_url == path)]
                    rows.append(TransparencyMenuItem(number=number, link_page_id=found[lang]))
                    page.menu_items = rows
                    page.save_revision().publish()

    def find_page_by_type(self, keywords):
        """The shallowest live Spanish page whose type name contains a keyword, with its
        English translation: {"es": pk, "en": pk} (or None)."""
        for keyword in keywords:
            page = (
                Page.objects.live()
                .filter(locale=self.locales["es"], content_type__model__icontains=keyword)
                .exclude(content_type__app_label="transparency")
                .order_by("depth", "path")
                .first()
            )
            if page is not None:
                translated = page.get_translation_or_none(self.locales["en"])
                return {"es": page.pk, "en": (translated or page).pk}
        return None
