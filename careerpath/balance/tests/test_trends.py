"""Trend chart geometry: pure, no database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from careerpath.balance.trends import HEIGHT, MAX_DOTS, TOP, trend_chart

MONDAY = date(2026, 1, 5)
BOTTOM_Y = HEIGHT - 26


def weeks(*values, start=MONDAY):
    return [
        (start + timedelta(weeks=i), v) for i, v in enumerate(values) if v is not None
    ]


def test_scores_use_a_fixed_one_to_five_scale():
    chart = trend_chart(
        key="stress",
        title="Stress",
        unit="",
        series=weeks(1, 5, 3),
        scale=(Decimal(1), Decimal(5)),
        watch=Decimal(4),
        watch_label="4+",
    )
    assert [t.label for t in chart.y_ticks] == ["1", "2", "3", "4", "5"]
    ys = [d.y for d in chart.dots]
    assert ys[0] == BOTTOM_Y and ys[1] == TOP
    assert ys[2] == round((BOTTOM_Y + TOP) / 2, 2)
    assert chart.watch_y == round(BOTTOM_Y - 0.75 * (BOTTOM_Y - TOP), 2)
    assert chart.dots[1].label == "Week of 12 Jan 2026: 5"


def test_hours_start_at_zero_with_round_ticks_and_units():
    chart = trend_chart(
        key="hours", title="Hours", unit="h", series=weeks(38, Decimal("52.5"), 44)
    )
    assert chart.y_ticks[0].label == "0"
    assert float(chart.y_ticks[-1].label) >= 52.5
    assert chart.dots[1].label == "Week of 12 Jan 2026: 52.5 h"
    assert "lowest 38 h, highest 52.5 h, latest 44 h" in chart.description


@pytest.mark.parametrize(
    ("values", "segments", "dots"),
    [
        ((3, 3, 3), 1, 3),
        ((3, None, 3, 3), 1, 3),  # the lone first week keeps its dot, no line
        ((3, 3, None, 4, 4), 2, 4),
        ((4,), 0, 1),
        ((), 0, 0),
    ],
)
def test_a_missed_week_breaks_the_line(values, segments, dots):
    chart = trend_chart(key="e", title="Energy", unit="", series=weeks(*values))
    assert len(chart.segments) == segments
    assert len(chart.dots) == dots
    assert chart.has_data is bool(dots)


def test_long_ranges_draw_the_line_without_dots_except_lone_weeks():
    many = [3] * (MAX_DOTS + 10) + [None, 4]
    chart = trend_chart(key="e", title="Energy", unit="", series=weeks(*many))
    assert chart.count == MAX_DOTS + 11
    assert len(chart.segments) == 1
    assert [d.label for d in chart.dots] == ["Week of 19 Oct 2026: 4"]


def test_x_labels_are_a_few_months_or_the_two_ends():
    year = trend_chart(key="h", title="H", unit="h", series=weeks(*[40] * 52))
    labels = [t.label for t in year.x_ticks]
    assert 2 <= len(labels) <= 4
    assert labels[0] == "Feb 2026"
    short = trend_chart(key="h", title="H", unit="h", series=weeks(40, 41))
    assert [t.label for t in short.x_ticks] == ["5 Jan", "12 Jan"]
    assert short.x_ticks[0].anchor == "start" and short.x_ticks[1].anchor == "end"


def test_one_check_in_is_described_in_the_singular():
    chart = trend_chart(key="hours", title="Hours", unit="h", series=weeks(40))
    assert chart.description.startswith("1 weekly check-in from")
    two = trend_chart(key="hours", title="Hours", unit="h", series=weeks(40, 41))
    assert two.description.startswith("2 weekly check-ins from")
