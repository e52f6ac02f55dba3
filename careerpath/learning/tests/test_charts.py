"""Chart geometry, as tables: no database."""

from datetime import date
from decimal import Decimal as D

import pytest

from careerpath.core.dates import months_ending
from careerpath.learning.charts import (
    COLUMN_BOTTOM,
    COLUMN_TOP,
    MAX_BARS,
    bar_chart,
    column_chart,
    hours_label,
    month_step,
)


@pytest.mark.parametrize(
    ("value", "label"),
    [(D("1"), "1 h"), (D("2.50"), "2.5 h"), (D("0"), "0 h"), (D("12.25"), "12.25 h")],
)
def test_hours_label(value, label):
    assert hours_label(value) == label


@pytest.mark.parametrize(
    ("count", "step"), [(1, 1), (6, 1), (7, 2), (12, 2), (13, 3), (24, 3), (36, 6)]
)
def test_month_step(count, step):
    assert month_step(count) == step


def _points(values, today=date(2026, 3, 15)):
    months = months_ending(today, len(values))
    return list(zip(months, [D(v) for v in values], strict=True))


def test_column_chart_scales_to_the_top_tick():
    chart = column_chart(_points(["0", "5", "10"]), title="t", caption="c")
    assert next(t.label for t in chart.ticks) == "0"
    top = chart.ticks[-1]
    assert top.y == COLUMN_TOP
    tallest = chart.columns[2]
    assert tallest.y == pytest.approx(COLUMN_BOTTOM - tallest.height)
    assert chart.columns[0].height == 0
    assert chart.columns[1].height == pytest.approx(tallest.height / 2, abs=0.01)
    assert chart.total == "15 h"
    assert not chart.is_empty
    assert "Most in March 2026: 10 h" in chart.description


def test_column_chart_labels_every_third_month_and_the_years():
    chart = column_chart(_points(["1"] * 24), title="t", caption="c")
    labelled = [(c.month_label, c.year_label) for c in chart.columns if c.month_label]
    assert labelled[0] == ("Apr", "2024")
    assert ("Jan", "2025") in labelled and ("Jan", "2026") in labelled
    assert all(m in {"Jan", "Apr", "Jul", "Oct"} for m, _ in labelled)
    assert len(chart.rows) == 24
    assert chart.rows[-1].label == "March 2026"


def test_column_chart_when_nothing_is_logged():
    chart = column_chart(_points(["0"] * 12), title="t", caption="c")
    assert chart.is_empty
    assert all(c.height == 0 for c in chart.columns)
    assert "0 h in total" in chart.description


def test_columns_stay_inside_the_plot():
    chart = column_chart(_points(["3"] * 36), title="t", caption="c")
    for column in chart.columns:
        x, width = float(column.x[:-1]), float(column.width[:-1])
        assert x >= 11 and x + width <= 99.001


def test_bar_chart_longest_bar_and_the_rest():
    values = [(f"Skill {i}", D(20 - i)) for i in range(MAX_BARS + 3)]
    chart = bar_chart(values, title="t", caption="c")
    assert len(chart.bars) == MAX_BARS + 1
    # The three smallest share one bar, which here outgrows the largest skill.
    assert chart.bars[-1].width == "80.0%"
    assert chart.bars[0].width == f"{round(80 * 20 / 27, 3)}%"
    assert chart.bars[-1].full_label == "3 other skills"
    assert chart.bars[-1].value_label == f"{10 + 9 + 8} h"
    assert len(chart.rows) == MAX_BARS + 3  # the table shows every skill
    assert chart.height == (MAX_BARS + 1) * 42
    assert "most time on Skill 0: 20 h" in chart.description


def test_bar_chart_shortens_long_labels_but_keeps_them_in_the_tooltip():
    name = "Statistical analysis of clinical trial outcomes in oncology"
    chart = bar_chart([(name, D("2"))], title="t", caption="c")
    assert len(chart.bars[0].label) <= 40
    assert chart.bars[0].full_label == name


def test_bar_chart_empty():
    chart = bar_chart([], title="t", caption="c")
    assert chart.is_empty and not chart.bars
    assert chart.description == "No hours logged in this period."


def test_bar_chart_names_a_single_leftover_skill_instead_of_grouping_it():
    values = [(f"Skill {i}", D(20 - i)) for i in range(MAX_BARS + 1)]
    chart = bar_chart(values, title="t", caption="c")
    assert len(chart.bars) == MAX_BARS + 1
    assert chart.bars[-1].full_label == f"Skill {MAX_BARS}"
    assert not any("other skill" in bar.full_label for bar in chart.bars)
