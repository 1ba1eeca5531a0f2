"""The bimonthly report's page (Decreto 387, Artículo 8) as the demo publishes it: in
Spanish and English, listed by its parent "Informes de gestión", accessible tables,
bounded queries."""

import re

from django.utils import timezone, translation

import pytest

from gel.periods import Period
from gel.report_page import BimonthlyReportPage

pytestmark = pytest.mark.django_db


def english(page):
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def report(demo_site):
    period = Period.last_complete(timezone.localdate())
    return BimonthlyReportPage.objects.get(period_key=f"es:{period.label}")


def test_the_demo_publishes_the_last_complete_period_in_both_languages(report):
    assert report.live and report.first_published_at is not None
    assert report.get_parent().slug == "informes-de-gestion"
    translated = english(report)
    assert translated.live
    assert translated.figures == report.figures
    assert translated.url.startswith("/en/")
    assert (
        translated.pdf_filename == report.pdf_filename == (f"informe-gel-{report.period.label}.pdf")
    )
    assert report.figures["period"]["start"] == report.period_start.isoformat()
    assert translated.title.startswith("Online government bimonthly report")
    with translation.override("es"):
        assert report.title.startswith("Informe bimestral")


def test_the_parent_lists_the_report(client, report):
    for page in (report, english(report)):
        html = client.get(page.get_parent().url).content.decode()
        assert f'href="{page.url}"' in html


def test_the_page_shows_the_frozen_figures_in_accessible_tables(client, report):
    response = client.get(report.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])", html.split("<main", 1)[1])]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) >= 5
    for table in tables:
        assert "<caption" in table
        assert 'scope="col"' in table and 'scope="row"' in table
    filed = re.search(r'data-figure="pqrsd-filed">(\d+)<', html).group(1)
    assert int(filed) == report.figures["pqrsd"]["filed"]
    assert f'href="{report.url}pdf/"' in html


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_page_runs_a_bounded_number_of_queries(
    client, report, language, django_assert_max_num_queries
):
    page = report if language == "es" else english(report)
    client.get(page.url)  # warm the per-process caches (site, settings)
    with django_assert_max_num_queries(25):
        assert client.get(page.url).status_code == 200
