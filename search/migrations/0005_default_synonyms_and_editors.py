"""The Spanish default synonyms (as search.synonyms.DEFAULT_SYNONYMS lists them when
this migration was written), and the editors' rights to manage synonyms in the admin."""

from django.db import migrations

CODENAMES = ("add_synonym", "change_synonym", "delete_synonym", "view_synonym")

DEFAULT_SYNONYMS = {
    "pqrs": "pqrsd",
    "pqr": "pqrsd",
    "pqrds": "pqrsd",
    "predial": "impuesto predial",
    "ica": "industria y comercio",
    "rit": "registro de industria y comercio",
    "sisben": "sisbén",
    "pot": "plan de ordenamiento territorial",
    "pae": "alimentación escolar",
    "pase": "licencia de conducción",
    "dec": "decreto",
    "res": "resolución",
    "resol": "resolución",
    "acdo": "acuerdo",
    "vacuna": "vacunación",
    "vacunas": "vacunación",
    "estrato": "estratificación",
    "certificado": "certificación",
    "derecho de peticion": "pqrsd",
    "adulto mayor": "colombia mayor",
    "tercera edad": "personas mayores",
}


def seed(apps, schema_editor):
    from search.text import fold, query_terms

    Synonym = apps.get_model("search", "Synonym")
    for term, alternatives in DEFAULT_SYNONYMS.items():
        key = fold(" ".join(query_terms(term)))
        Synonym.objects.get_or_create(term=key, defaults={"alternatives": alternatives})


def grant(apps, schema_editor):
    from cms.roles import EDITORS, _permission

    Group = apps.get_model("auth", "Group")
    permissions = [_permission(apps, "search", "synonym", codename) for codename in CODENAMES]
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonym"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
