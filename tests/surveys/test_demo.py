"""The demo surveys: an open one, a closed one with published results, idempotent."""

import pytest

from surveys.models import Response, SurveyPage

pytestmark = pytest.mark.django_db


def test_demo_surveys_exist_in_both_languages(demo_site):
    """Three Spanish surveys with English translations; the closed one has 200 answers."""
    spanish = SurveyPage.objects.filter(locale__language_code="es")
    slugs = set(spanish.values_list("slug", flat=True))
    assert {"encuesta-portal-web", "satisfaccion-atencion-2026"} <= slugs
    closed = spanish.get(slug="satisfaccion-atencion-2026")
    assert closed.status() == "closed"
    assert Response.objects.filter(survey=closed).count() == 200
    assert SurveyPage.objects.filter(locale__language_code="en").count() >= 3


def test_demo_closed_survey_results_are_public(client, demo_site):
    """The closed demo survey publishes its results with a chart."""
    closed = SurveyPage.objects.get(slug="satisfaccion-atencion-2026", locale__language_code="es")
    html = client.get(closed.url + "resultados/").content.decode()
    assert "200 personas respondieron." in html


def test_demo_loader_is_idempotent(demo_site):
    """Loading the surveys demo again creates nothing."""
    from cms.demo.loader import DemoLoader
    from surveys import demo

    loader = DemoLoader()
    loader.home = demo_site.root_page.specific
    assert demo.load(loader) == 0
