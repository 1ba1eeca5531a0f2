"""Survey fixtures: a two-step survey with every question type under the demo home."""

import json
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

import pytest


def option_items(prefix, labels):
    return [
        {"type": "item", "id": f"{prefix}-{n}", "value": {"label": label}}
        for n, label in enumerate(labels, start=1)
    ]


def question(kind, qid, text, **value):
    base = {"question": text, "help_text": "", "required": True, "sensitive": False}
    base.update(value)
    return {"type": kind, "id": qid, "value": base}


def definition():
    """Step 1: single choice (+other), multiple choice (max 3), scale; step 2: the rest."""
    return [
        {"type": "section", "id": "sec-1", "value": {"title": "Su visita", "description": ""}},
        question(
            "single_choice",
            "q-single",
            "¿Cómo llegó al portal?",
            options=option_items("s", ["Buscador", "Redes sociales", "Enlace"]),
            allow_other=True,
        ),
        question(
            "multiple_choice",
            "q-multi",
            "¿Qué secciones usó?",
            options=option_items("m", ["Trámites", "Noticias", "PQRSD", "Transparencia", "Mapa"]),
            allow_other=False,
            max_choices=3,
        ),
        question(
            "scale", "q-scale", "¿Qué tan fácil fue?", scale="1-5", low_label="", high_label=""
        ),
        {"type": "section", "id": "sec-2", "value": {"title": "Su opinión", "description": ""}},
        question("yes_no", "q-yes", "¿Encontró lo que buscaba?"),
        question(
            "ranking",
            "q-rank",
            "Ordene sus prioridades",
            required=False,
            options=option_items("r", ["Salud", "Movilidad", "Seguridad"]),
        ),
        question("short_text", "q-short", "Una palabra para el portal", required=False),
        question("long_text", "q-long", "¿Qué mejoraría?", required=False),
        question("short_text", "q-ethnic", "Pertenencia étnica", required=True, sensitive=True),
    ]


def one_step_definition():
    return [
        question(
            "multiple_choice",
            "q-multi",
            "¿Qué secciones usó?",
            options=option_items("m", ["Trámites", "Noticias", "PQRSD", "Transparencia", "Mapa"]),
            max_choices=3,
        ),
        question("scale", "q-scale", "¿Qué tan fácil fue?", scale="0-10"),
    ]


@pytest.fixture
def make_survey(demo_site):
    from surveys.models import SurveyPage

    home = Page.objects.get(pk=demo_site.root_page_id)
    counter = {"n": 0}

    def factory(questions=None, **fields):
        counter["n"] += 1
        now = timezone.now()
        values = {
            "title": f"Encuesta de prueba {counter['n']}",
            "slug": f"encuesta-prueba-{counter['n']}",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=7),
            "audience": SurveyPage.AUDIENCE_ANYONE,
            "results_visibility": SurveyPage.RESULTS_PUBLIC,
        }
        values.update(fields)
        page = SurveyPage(questions=json.dumps(questions or definition()), **values)
        home.add_child(instance=page)
        page.save_revision().publish()
        return SurveyPage.objects.get(pk=page.pk)

    return factory


@pytest.fixture
def survey(make_survey):
    return make_survey()


def valid_step1():
    return {"q_q-single": "s-1", "q_q-multi": ["m-1", "m-3"], "q_q-scale": "4"}


def valid_step2():
    return {
        "q_q-yes": "yes",
        "q_q-rank__r-1": "2",
        "q_q-rank__r-2": "1",
        "q_q-rank__r-3": "3",
        "q_q-short": "Útil",
        "q_q-long": "Más trámites en línea",
    }
