"""The public page "Plan de acción de Gobierno en línea": Spanish and English, headings
in order, the 22 actions with their progress as a bar and in words, the indicator
"Metas cumplidas / metas trazadas", queries that do not grow with the plan, and the
demo's progress so the page is not empty."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from gel.action_plan import plan_progress
from gel.models import Action, Activity

pytestmark = pytest.mark.django_db

URLS = {
    "es": "/es/gobierno-en-linea/plan-de-accion/",
    "en": "/en/gobierno-en-linea/plan-de-accion/",
}
MAX_QUERIES = 40


def headings(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_page_lists_every_action_with_ordered_headings(
    client, demo_site, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(URLS[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}' in html
    assert headings(html).count(1) == 1
    main = html[html.index("<main") : html.index("</main>")]
    levels = headings(main)
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert main.count('<li class="gel-action"') == 22
    for action in Action.objects.all():
        assert f'id="accion-{action.sort_order}-titulo">{escape(action.name)}</h3>' in main


def test_progress_is_a_bar_with_the_figure_in_words(client, demo_site):
    progress = plan_progress()
    assert progress.done > 0  # the demo recorded some
    with translation.override("en"):
        html = client.get(URLS["en"]).content.decode()
    assert (
        f"{progress.done} of {progress.total} activities completed ({progress.percent} %)." in html
    )
    assert f'<progress class="gel-progress" value="{progress.percent}" max="100"' in html
    for item in progress.actions:
        number = item.action.sort_order
        entry = html[html.index(f'id="accion-{number}"') :][:4000]
        assert f'value="{item.percent}" max="100" aria-labelledby="accion-{number}-titulo"' in entry
        assert f"Progress: {item.percent} % (mean of its activities)." in entry


def test_an_overdue_activity_says_so(client, demo_site):
    activity = Activity.objects.get(action__sort_order=3, sort_order=1)
    Activity.objects.filter(pk=activity.pk).update(
        progress=20, due_date=timezone.localdate() - timedelta(days=2)
    )
    html = client.get(URLS["en"]).content.decode()
    entry = html[html.index('id="accion-3"') :][:4000]
    assert "gel-activity--overdue" in entry and "(overdue)" in entry
    assert f"{activity.description}: <strong>20 %</strong>" in entry


def test_queries_do_not_grow_with_the_number_of_actions(client, demo_site):
    client.get(URLS["es"])  # warms the caches of the menu and the footer
    with CaptureQueriesContext(connection) as before:
        client.get(URLS["es"])
    for number in range(23, 33):
        action = Action.objects.create(sort_order=number, name=f"Acción {number}")
        Activity.objects.create(action=action, sort_order=1, description="Actividad", progress=10)
    with CaptureQueriesContext(connection) as after:
        html = client.get(URLS["es"]).content.decode()
    assert html.count('<li class="gel-action"') == 32
    assert len(after) == len(before)


def test_the_self_assessment_links_to_the_plan(client, demo_site):
    html = client.get("/es/gobierno-en-linea/autoevaluacion/").content.decode()
    assert 'href="/es/gobierno-en-linea/plan-de-accion/"' in html


def test_the_demo_progress_is_recorded_once(demo_site):
    from gel.demo import record_progress

    recorded = Activity.objects.exclude(progress=0).count()
    assert recorded == 13
    assert record_progress(None) == 0
    assert Activity.objects.exclude(progress=0).count() == recorded
