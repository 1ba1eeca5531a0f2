"""Demo online forms (``pqr/data/online_forms.json``): form pages in Spanish and
English under the citizen-services section, each linked from a demo procedure or
service, which then shows the transaction level.

Idempotent: a form page is found by its slug under its parent, and a procedure keeps
an online form an editor already linked."""

import json
from pathlib import Path

from django.utils import timezone

from wagtail.models import Page

from transparency.models import ProcedurePage

from .online_forms import OnlineFormField, OnlineFormPage

DATA = Path(__file__).resolve().parent / "data" / "online_forms.json"


def load(loader):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    parent_es = _parent(loader, data["parent_path"])
    if parent_es is None:
        return 0
    parent_en = parent_es.get_translation_or_none(loader.en)
    created = 0
    for spec in data["forms"]:
        pages = {}
        page = parent_es.get_children().filter(slug=spec["slug"]).first()
        if page is None:
            page = _create(loader, parent_es, spec, "es")
            created += 1
        pages["es"] = page.specific
        translated = pages["es"].get_translation_or_none(loader.en)
        if translated is None and parent_en is not None:
            translated = _create(
                loader, parent_en, spec, "en", translation_key=pages["es"].translation_key
            )
            created += 1
        pages["en"] = translated
        _link_procedure(loader, spec["procedure"], pages)
    return created


def _parent(loader, path):
    page = loader.home
    for slug in path:
        page = page.get_children().filter(slug=slug).first() if page else None
    return page.specific if page else None


def _create(loader, parent, spec, lang, **extra):
    now = timezone.now()
    dependency = loader.dependencies.get(spec["dependency"], {}).get(lang)
    page = OnlineFormPage(
        slug=spec["slug"],
        title=spec["title"][lang],
        introduction=spec["introduction"][lang],
        thank_you_text=f"<p>{spec['thank_you'][lang]}</p>",
        petition_type=spec["petition_type"],
        dependency=dependency,
        locale=loader.es if lang == "es" else loader.en,
        live=True,
        first_published_at=now,
        last_published_at=now,
        form_fields=[
            OnlineFormField(
                sort_order=order,
                label=field["label"][lang],
                field_type=field["type"],
                required=field["required"],
                choices=field.get("choices", {}).get(lang, ""),
                help_text=field.get("help_text", {}).get(lang, ""),
            )
            for order, field in enumerate(spec["fields"])
        ],
        **extra,
    )
    parent.add_child(instance=page)
    return page


def _link_procedure(loader, slug, pages):
    """Link the form from the procedure in each language, unless one is linked."""
    for lang, locale in (("es", loader.es), ("en", loader.en)):
        procedure = ProcedurePage.objects.filter(slug=slug, locale=locale).first()
        form_page = pages.get(lang)
        if procedure is None or form_page is None or procedure.online_form_id:
            continue
        procedure.online_form = Page.objects.get(pk=form_page.pk)
        procedure.online_level = "transaccion"
        procedure.channel_online = True
        procedure.save(update_fields=["online_form", "online_level", "channel_online"])
