"""The demo organisation chart (``dependencies.json``): the Alcaldía's secretarías and
offices in Spanish and English, created before the apps' demos file records under them."""

import json
from pathlib import Path

from cms.models import Dependency

DATA_FILE = Path(__file__).resolve().parent / "dependencies.json"


def load_dependencies(loader):
    """``{slug: {"es": Dependency, "en": Dependency}}``, creating what is missing.

    Parents come before their children in the data file, so each dependency's parent
    exists, in both languages, when it is created."""
    with open(DATA_FILE, encoding="utf-8") as handle:
        specs = json.load(handle)
    locales = {"es": loader.es, "en": loader.en}
    found = {}
    for spec in specs:
        es = Dependency.objects.filter(locale=loader.es, slug=spec["slug"]).first()
        if es is None:
            es = Dependency(locale=loader.es, slug=spec["slug"], **_fields(spec, "es", found))
            es.save()
            loader.created += 1
        en = es.get_translation_or_none(locales["en"])
        if en is None:
            en = es.copy_for_translation(locales["en"])
            for name, value in _fields(spec, "en", found).items():
                setattr(en, name, value)
            en.save()
        found[spec["slug"]] = {"es": es, "en": en}
    return found


def _fields(spec, lang, found):
    parent = found.get(spec["parent"], {}).get(lang) if spec["parent"] else None
    return {
        "name": spec["name"][lang],
        "acronym": spec["acronym"],
        "parent": parent,
        "sort_order": spec["sort_order"],
        "description": spec["description"][lang],
        "head_position": spec["head_position"][lang],
        "address": spec["address"],
        "phone": spec["phone"],
        "toll_free_phone": spec["toll_free_phone"],
        "fax": spec["fax"],
        "email": spec["email"],
        "opening_hours": spec["opening_hours"][lang],
    }
