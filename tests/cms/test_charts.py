"""The one bar-chart geometry: lengths proportional to the values, zero and empty
series drawn without errors, and every chart of the portal placed by it."""

import pytest

from cms.charts import Frame, columns, scaled

FRAME = Frame(width=100, height=60, left=10, top=5, right=10, bottom=5)


def test_column_heights_are_proportional_and_share_the_baseline():
    placed = columns([1, 2, 4], FRAME)
    assert [c.height for c in placed] == [12.5, 25, 50]
    assert all(c.y + c.height == FRAME.baseline for c in placed)
    assert len({c.width for c in placed}) == 1
    assert placed[0].x >= FRAME.left and placed[-1].x + placed[-1].width <= FRAME.width - 10


def test_columns_sit_centred_in_equal_slots():
    placed = columns([3, 3], FRAME, fill=0.5)
    assert [c.centre for c in placed] == [30, 70]
    assert [c.x for c in placed] == [20, 60] and placed[0].width == 20


def test_zero_values_and_all_zero_series_are_flat():
    assert [c.height for c in columns([0, 5], FRAME)] == [0, 50]
    flat = columns([0, 0, 0], FRAME)
    assert [c.height for c in flat] == [0, 0, 0] and all(c.y == FRAME.baseline for c in flat)


def test_empty_series_has_no_columns():
    assert columns([], FRAME) == []


def test_a_given_peak_scales_and_clamps():
    assert [c.height for c in columns([50, 200], FRAME, peak=100)] == [25, 50]
    assert FRAME.y(100, 100) == FRAME.top and FRAME.y(0, 100) == FRAME.baseline


@pytest.mark.parametrize(
    ("value", "peak", "expected"), [(50, 100, 260), (0, 100, 0), (7, 0, 0), (150, 100, 520)]
)
def test_horizontal_bar_lengths(value, peak, expected):
    assert scaled(value, peak, 520) == expected


def test_many_columns_stay_at_least_one_unit_wide():
    placed = columns(range(500), FRAME)
    assert all(c.width == 1 for c in placed)


def test_the_indicator_chart_is_placed_by_it():
    """Transparency's indicator: columns on the shared frame, target and baseline on its scale."""
    from datetime import date
    from decimal import Decimal

    from transparency.models.planning import INDICATOR_CHART, indicator_stats

    value = {
        "baseline": Decimal("0"),
        "target": Decimal("100"),
        "measurements": [
            {"date": date(2025, 1, 1), "value": Decimal("25")},
            {"date": date(2025, 6, 1), "value": Decimal("50")},
        ],
    }
    stats = indicator_stats(value)
    heights = [bar["height"] for bar in stats["bars"]]
    assert heights[1] == 2 * heights[0] == INDICATOR_CHART.plot_height / 2
    assert stats["target_y"] == INDICATOR_CHART.top
    assert stats["baseline_y"] == INDICATOR_CHART.baseline
    assert indicator_stats({**value, "measurements": []})["bars"] == []
