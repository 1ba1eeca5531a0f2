"""The public page "Autoevaluación Gobierno en línea": Spanish and English, headings in
order, results per phase beside 2009, manual criteria with their reason, and the
history chart with its table, in a bounded number of queries."""

import re
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from gel.assessment import evaluate, summarise, take_snapshot
from gel.models import ManualEvaluation, Snapshot

pytestmark = pytest.mark.django_db

URLS = {
    "es": "/es/gobierno-en-linea/autoevaluacion/",
    "en": "/en/gobierno-en-linea/autoevaluacion/",
}
MAX_QUERIES = 55


def headings(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_page_renders_with_bounded_queries_and_ordered_headings(
    client, demo_site, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(URLS[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}' in html
    assert headings(html).count(1) == 1
    main = html[html.index("<main") : html.index("</main>")]
    main_levels = headings(main)
    assert main_levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(main_levels, main_levels[1:], strict=False)), main_levels
    assert main.count('class="gel-criterion ') == 93


def test_the_page_shows_each_phase_beside_2009(client, demo_site):
    summary = summarise(evaluate())
    html = client.get(URLS["en"]).content.decode()
    assert "Met in 2009" in html
    for phase, _categories, _items in summary.phases:
        assert f'id="fase-{phase.key}"' in html
        assert f"{phase.percent} %" in html and f"{phase.percent_2009} %" in html
    information = summary.phases[0][0]
    assert (information.key, information.total) == ("informacion", 47)
    assert information.percent_2009 == round(100 * information.met_2009 / 47)


def test_manual_criteria_say_so_with_their_reason(client, demo_site):
    ManualEvaluation.objects.filter(criterion_id="tramitador-en-linea").delete()
    html = client.get(URLS["en"]).content.decode()
    entry = html[html.index("Tramitador en línea") :][:1500]
    assert "Not evaluated" in entry
    assert "Evaluated manually: The national online procedure hub" in entry


def test_evidence_links_to_the_pages(client, demo_site):
    html = client.get(URLS["es"]).content.decode()
    entry = html[html.index("<strong>Organigrama</strong>") :][:1500]
    assert 'href="/es/transparencia/organigrama/"' in entry


def evidence_links(html):
    lists = re.findall(r'<ul class="gel-evidence">(.*?)</ul>', html, re.S)
    return [link for items in lists for link in re.findall(r'<a href="([^"]*)">', items)]


def test_english_evidence_links_the_english_pages_and_views(client, demo_site):
    links = evidence_links(client.get(URLS["en"]).content.decode())
    assert "/en/transparencia/organigrama/" in links  # a page, by its translation
    assert "/en/pqrsd/" in links  # a view, in English
    assert not [link for link in links if link.startswith("/es/")], links


def test_a_page_without_english_translation_keeps_its_spanish_link(client, demo_site):
    organigrama = Page.objects.get(
        url_path__endswith="/transparencia/organigrama/", locale__language_code="es"
    )
    organigrama.get_translation(Locale.objects.get(language_code="en")).unpublish()
    links = evidence_links(client.get(URLS["en"]).content.decode())
    assert "/es/transparencia/organigrama/" in links
    assert "/en/transparencia/organigrama/" not in links


def test_the_history_is_a_chart_with_its_table_and_queries_do_not_grow(
    client, demo_site, django_assert_max_num_queries
):
    Snapshot.objects.all().delete()
    html = client.get(URLS["en"]).content.decode()
    assert "No snapshot has been taken yet." in html and '<svg class="chart"' not in html
    for days in range(12):
        snapshot = take_snapshot()
        Snapshot.objects.filter(pk=snapshot.pk).update(
            taken_at=timezone.now() - timedelta(days=30 * days)
        )
    with django_assert_max_num_queries(MAX_QUERIES):
        html = client.get(URLS["en"]).content.decode()
    svg = html[html.index('<svg class="chart"') :]
    svg = svg[: svg.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count('class="chart__bar"') == 12
    table = html[html.index('id="history-caption"') :]
    assert table[: table.index("</table>")].count("<tr>") == 13  # header + 12 rows
