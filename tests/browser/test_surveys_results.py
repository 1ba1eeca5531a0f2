"""The demo survey's results (200 answers) on a phone, in Chromium: the page is no wider
than the screen, each table fits or scrolls in a focusable named region, the chart
labels are at body size, and axe finds nothing (issue 13)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RESULTS = "participa/encuestas/satisfaccion-atencion-2026/resultados/"

MEASURE = """() => {
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    const labels = [...document.querySelectorAll('.survey-chart__label, .survey-chart__value')];
    return {
        scrollWidth: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        body,
        labels: labels.length,
        smallestLabel: Math.min(
            ...labels.map(label => parseFloat(getComputedStyle(label).fontSize))
        ),
        tables: [...document.querySelectorAll('main table')].map(table => {
            const region = table.closest('[role="region"]');
            return {
                region: region !== null,
                tabindex: region && region.getAttribute('tabindex'),
                name: region && (region.getAttribute('aria-label') || '').trim(),
                right: (region || table).getBoundingClientRect().right,
            };
        }),
    };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("language", ["es", "en"])
def test_survey_results_fit_a_phone(page, portal_url, screenshot, axe_check, width, language):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{portal_url}/{language}/{RESULTS}")
    screenshot(page, f"survey-results-{language}-{width}")
    metrics = page.evaluate(MEASURE)

    assert metrics["scrollWidth"] <= metrics["viewport"] <= width, metrics
    assert metrics["tables"], "the results have tables"
    for table in metrics["tables"]:
        assert table["region"] and table["tabindex"] == "0" and table["name"], table
        assert table["right"] <= metrics["viewport"], table
    assert metrics["labels"] > 0
    assert metrics["smallestLabel"] >= metrics["body"], metrics
    if width == 390:
        axe_check(page)
