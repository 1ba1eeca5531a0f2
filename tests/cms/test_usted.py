"""The portal addresses citizens as "usted" (CONTRIBUTING.md): no Spanish translation
of the project's catalogues says "tú", allauth's own "tú" strings are all overridden
in the project catalogue, and account e-mails greet from the Alcaldía, not example.com."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail

import allauth
import polib
import pytest

from cms import allauth_messages

BASE_DIR = Path(settings.BASE_DIR)
# Words that only "tú" uses (pronouns, possessives and verb forms), lower case. "ti"
# is matched in lower case only ("TI" is the tarjeta de identidad).
TU_WORDS = (
    "tu tus te contigo puedes tienes eres estás has haz quieres debes necesitas "
    "olvidaste podrás deberás recibirás asegúrate introduce inténtalo ten deseas decides "
    "vete introdúcelo regístrate regítrate"
).split()
TU = re.compile(r"\b(" + "|".join(TU_WORDS) + r")\b", re.IGNORECASE)
TU_CASED = re.compile(r"\bti\b")
# Imperatives that are also third-person forms: "tú" only at the start of a sentence.
TU_IMPERATIVE = re.compile(
    r"(?:^|[.:!?¿¡]\s*|por favor,?\s+)"
    r"(ingresa|confirma|revisa|escribe|elige|selecciona|utiliza|usa|comprueba|añade)\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{.*?\}\}|<[^>]+>")


def tu_forms(text):
    text = PLACEHOLDER.sub(" ", text)
    return [m.group(0) for regex in (TU, TU_CASED, TU_IMPERATIVE) for m in regex.finditer(text)]


def spanish_catalogues():
    return [
        BASE_DIR / "locale/es/LC_MESSAGES/django.po",
        *BASE_DIR.glob("*/locale/es/LC_MESSAGES/django.po"),
    ]


def msgstrs(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


def test_the_word_list_catches_tu_and_spares_usted():
    assert tu_forms("¿Olvidaste tu contraseña? Ingresa tu correo.")
    assert tu_forms("Te enviamos un código: introduce el código.")
    assert tu_forms("Has verificado tus datos.")
    assert tu_forms("Para confirmar, vete a %(url)s. Por favor selecciona solo uno.")
    assert tu_forms("Utiliza la aplicación.")
    assert not tu_forms("¿Olvidó su contraseña? Ingrese su correo. Tarjeta de identidad (TI)")
    assert not tu_forms("La consulta se revisa; la Alcaldía confirma la fecha.")


def test_project_catalogues_say_usted():
    offending = [
        (path.relative_to(BASE_DIR).as_posix(), entry.msgid, found)
        for path in spanish_catalogues()
        for entry in polib.pofile(str(path)).translated_entries()
        if not entry.obsolete
        for text in msgstrs(entry)
        if (found := tu_forms(text))
    ]
    assert not offending, offending


def test_allauth_tu_strings_are_overridden_in_the_project_catalogue():
    """allauth's Spanish says "tú" here and there: every such msgid must be listed in
    cms/allauth_messages.py (so the project catalogue translates it with "usted")."""
    catalogue = Path(allauth.__file__).parent / "locale/es/LC_MESSAGES/django.po"
    listed = set(allauth_messages.USTED_OVERRIDES) | set(allauth_messages.PLURAL_OVERRIDES)
    missing = [
        entry.msgid
        for entry in polib.pofile(str(catalogue)).translated_entries()
        if any(tu_forms(text) for text in msgstrs(entry)) and entry.msgid not in listed
    ]
    assert not missing, missing


@pytest.mark.django_db
def test_site_is_named_for_the_alcaldia():
    site = Site.objects.get_current()
    assert site.name == settings.SITE_NAME == "Alcaldía de Soacha"
    assert site.domain != "example.com"


@pytest.mark.django_db
def test_signup_email_greets_from_the_alcaldia(client):
    client.post(
        "/es/cuentas/signup/",
        {
            "email": "saludo@correo.example",
            "password1": "Soacha-2026-x",
            "password2": "Soacha-2026-x",
            "consent": "on",
        },
    )
    (message,) = [m for m in mail.outbox if m.to == ["saludo@correo.example"]]
    assert "example.com" not in message.body
    first_line = message.body.strip().splitlines()[0]
    assert "Alcaldía de Soacha" in first_line
