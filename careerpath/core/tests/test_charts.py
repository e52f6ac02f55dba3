"""Chart geometry (pure maths) and a render check of the two chart components."""

import itertools
import re
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from careerpath.core.charts import (
    MIN_WIDTH,
    TimelineItem,
    amount,
    format_number,
    nice_ticks,
    pace_chart,
    timeline,
    truncate,
)

D = Decimal
START = date(2026, 1, 1)
DEADLINE = date(2026, 12, 31)


def chart(readings=(), *, baseline="0", target="20", today=date(2026, 7, 1), **kwargs):
    args = {"starts_on": START, "deadline": DEADLINE, "unit": "interviews"} | kwargs
    return pace_chart(
        baseline=D(baseline),
        target=D(target),
        readings=[(day, D(value)) for day, value in readings],
        today=today,
        **args,
    )


def tick_values(c):
    return [D(t.label.split(" ")[0].replace(",", "")) for t in c.y_ticks]


# Pace chart -----------------------------------------------------------------------


def test_view_box_and_plot_area():
    c = chart()
    assert c.view_box == "0 0 640 260"
    assert 0 < c.plot.left < c.plot.right <= 640
    assert 0 < c.plot.top < c.plot.bottom <= 260


def test_pace_line_runs_from_the_start_to_the_deadline_corner_to_corner():
    # 0 → 20: the lowest tick is the baseline, so the line starts in the bottom-left corner.
    c = chart()
    assert (c.pace_start.x, c.pace_start.y) == (c.plot.left, c.plot.bottom)
    assert c.pace_end.x == c.plot.right
    assert c.plot.top <= c.pace_end.y < c.pace_start.y
    # The y axis spans exactly the ticks: first at the bottom edge, last at the top edge.
    assert c.y_ticks[0].position == c.plot.bottom
    assert c.y_ticks[-1].position == c.plot.top


def test_decrease_goal_line_runs_downhill():
    c = chart(baseline="92.4", target="80", unit="kg")
    assert c.pace_start.y < c.pace_end.y  # lower on screen = larger y
    assert c.pace_start.x == c.plot.left and c.pace_end.x == c.plot.right


@pytest.mark.parametrize(
    ("baseline", "target", "readings"),
    [
        ("0", "20", [("2026-03-01", "25")]),
        ("92.4", "80", [("2026-02-01", "93.1"), ("2026-05-01", "79.2")]),
        ("-5", "12", []),
        ("0.10", "0.125", [("2026-02-01", "0.09")]),
        ("1200", "4000", [("2026-02-01", "900")]),
        ("40", "75", []),
    ],
)
def test_y_range_covers_baseline_target_and_readings_with_round_ticks(
    baseline, target, readings
):
    c = chart(
        [(date.fromisoformat(d), v) for d, v in readings],
        baseline=baseline,
        target=target,
    )
    values = [D(baseline), D(target), *(D(v) for _, v in readings)]
    ticks = tick_values(c)
    assert 4 <= len(ticks) <= 6
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)
    assert (
        ticks[-1] > max(values) or ticks[-1] == 0
    )  # a little room above the top value
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    assert all(c.plot.top <= d.y <= c.plot.bottom for d in c.dots)
    assert [t.position for t in c.y_ticks] == sorted(
        (t.position for t in c.y_ticks), reverse=True
    )


def test_counts_do_not_get_a_negative_axis():
    assert tick_values(chart([(START, "1")]))[0] == 0


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        ("0", "20", ["0", "5", "10", "15", "20"]),
        ("0", "7", ["0", "2", "4", "6", "8"]),
        ("1200", "4000", ["1000", "2000", "3000", "4000"]),
        ("-5", "12", ["-5", "0", "5", "10", "15"]),
        ("0.001", "0.0043", ["0.001", "0.002", "0.003", "0.004", "0.005"]),
        (
            "3",
            "3",
            ["2", "2.5", "3", "3.5", "4"],
        ),  # a flat range is opened up, not divided by zero
        ("0", "0", ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
    ],
)
def test_nice_ticks_examples(low, high, expected):
    assert [format_number(t) for t in nice_ticks(D(low), D(high))] == expected


@given(
    st.decimals(
        min_value=-(10**6),
        max_value=10**6,
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.decimals(
        min_value=D("0.001"),
        max_value=10**6,
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ),
)
def test_nice_ticks_are_round_and_cover_any_range(low, span):
    high = low + span
    ticks = nice_ticks(low, high)
    assert 4 <= len(ticks) <= 6
    assert ticks[0] <= low and ticks[-1] >= high
    step = ticks[1] - ticks[0]
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {D(1), D(2), D("2.5"), D(5)}
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert all((t / step) == (t / step).to_integral_value() for t in ticks)


def test_baseline_equal_to_target_is_guarded():
    c = chart(baseline="5", target="5")
    assert c.pace_start.y == c.pace_end.y
    assert c.plot.top < c.pace_start.y < c.plot.bottom
    assert 4 <= len(c.y_ticks) <= 6


def test_today_inside_and_outside():
    inside = chart(today=date(2026, 7, 2))
    assert inside.plot.left < inside.today_x < inside.plot.right
    assert abs(inside.today_x - (inside.plot.left + inside.plot.width / 2)) < 2
    assert chart(today=date(2025, 12, 31)).today_x is None
    assert chart(today=date(2027, 1, 1)).today_x is None
    assert chart(today=START).today_x == chart().plot.left
    assert chart(today=DEADLINE).today_x == chart().plot.right


def test_dots_polyline_and_table_rows():
    c = chart(
        [(date(2026, 3, 12), "14"), (date(2026, 2, 1), "4")], today=date(2026, 4, 1)
    )
    assert [d.label for d in c.dots] == [
        "1 Feb 2026: 4 interviews",
        "12 Mar 2026: 14 interviews",
    ]
    assert c.points == " ".join(f"{d.x:g},{d.y:g}" for d in c.dots)
    assert [(r.date_label, r.value_label, r.expected_label) for r in c.rows] == [
        ("1 Feb 2026", "4", "1.7"),  # 31 of 364 days along 0 → 20
        ("12 Mar 2026", "14", "3.85"),
    ]
    assert c.has_readings
    assert "the latest is 14 interviews on 12 Mar 2026" in c.description


def test_single_reading():
    c = chart([(date(2026, 6, 1), "9")])
    assert len(c.dots) == 1 and len(c.rows) == 1
    assert "," in c.points and " " not in c.points
    assert "1 reading;" in c.description


def test_no_readings():
    c = chart()
    assert not c.has_readings
    assert c.points == "" and c.rows == () and c.dots == ()
    assert "No readings yet." in c.description


def test_many_readings():
    readings = [(START + timedelta(days=i), str(i % 17)) for i in range(365)]
    c = chart(readings)
    assert len(c.dots) == len(c.points.split()) == 365
    xs = [d.x for d in c.dots]
    assert xs == sorted(xs) and xs[0] == c.plot.left
    assert c.dot_radius < 4
    assert len(c.x_ticks) <= 8


def test_readings_outside_the_goal_dates_extend_the_x_range():
    early, late = date(2025, 12, 1), date(2027, 2, 1)
    c = chart([(early, "1"), (late, "30")])
    assert c.dots[0].x == c.plot.left and c.dots[-1].x == c.plot.right
    assert c.plot.left < c.pace_start.x < c.pace_end.x < c.plot.right
    assert tick_values(c)[-1] >= 30


def test_month_ticks_are_labelled_and_thinned():
    c = chart()
    labels = [t.label for t in c.x_ticks]
    assert labels[0] == "Jan 2026"
    assert 4 <= len(labels) <= 8
    assert all(
        " " not in label for label in labels[1:]
    )  # only January or the first carries the year
    long = chart(starts_on=date(2024, 3, 1), deadline=date(2029, 2, 28))
    assert len(long.x_ticks) <= 8
    assert long.x_ticks[0].label == "Mar 2024"
    assert any(t.label == "Jan 2026" for t in long.x_ticks)
    positions = [t.position for t in long.x_ticks]
    assert positions == sorted(positions)


def test_x_ticks_across_a_year_boundary():
    c = chart(
        starts_on=date(2026, 10, 1), deadline=date(2027, 3, 31), today=date(2026, 12, 1)
    )
    assert [t.label for t in c.x_ticks] == [
        "Oct 2026",
        "Nov",
        "Dec",
        "Jan 2027",
        "Feb",
        "Mar",
    ]
    assert c.x_ticks[0].anchor == "start"


def test_short_range_gets_day_ticks():
    c = chart(
        starts_on=date(2026, 11, 10),
        deadline=date(2026, 12, 5),
        today=date(2026, 11, 20),
    )
    labels = [t.label for t in c.x_ticks]
    assert labels[0] == "10 Nov" and labels[-1] == "5 Dec"
    assert c.x_ticks[-1].anchor == "end"


def test_deadline_on_the_start_day_does_not_divide_by_zero():
    c = chart([(START, "3")], starts_on=START, deadline=START, today=START)
    assert c.pace_start.x == c.plot.left
    assert c.rows[0].expected_label == "20"


def test_compact_twin_for_phones():
    c = chart([(date(2026, 3, 1), "5")])
    assert [layout.layout for layout in c.layouts] == ["wide", "compact"]
    assert c.compact is not None
    assert c.compact.width < c.width
    assert c.compact.rows == c.rows and c.compact.chart_id != c.chart_id
    assert len(c.compact.x_ticks) <= 5
    only = chart(width=360, height=240)
    assert only.compact is None and only.layout == "only"


def test_unit_formatting():
    assert amount(D("1"), "interviews") == "1 interview"
    assert amount(D("12.50"), "%") == "12.5 %"
    assert amount(D("3"), "") == "3"
    assert amount(D("1"), "class") == "1 class"
    percent = chart(baseline="40", target="75", unit="%")
    assert percent.y_ticks[0].label.endswith(" %")


# Timeline --------------------------------------------------------------------------


def item(key, start, end, kind="goal", **kwargs):
    defaults = {"label": key.title(), "status": "active", "url": f"/{key}/"}
    return TimelineItem(key=key, start=start, end=end, kind=kind, **(defaults | kwargs))


def test_timeline_percentages_over_an_explicit_range():
    t = timeline(
        [
            item("whole", date(2026, 1, 1), date(2026, 12, 31)),
            item("second-half", date(2026, 7, 2), date(2026, 12, 31)),
            item("before", date(2025, 6, 1), date(2026, 3, 31)),
            item("after", date(2026, 10, 1), date(2027, 6, 1)),
        ],
        today=date(2026, 7, 2),
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
    )
    whole, second, before, after = t.rows
    assert (whole.left, whole.width) == (0.0, 100.0)
    assert second.left == pytest.approx(50, abs=0.2) and second.right == 100.0
    assert before.left == 0.0 and before.clipped_start and not before.clipped_end
    assert after.right == 100.0 and after.clipped_end
    assert t.today_left == second.left == round(182 / 365 * 100, 2)
    assert all(isinstance(r.left, float) and round(r.left, 2) == r.left for r in t.rows)


def test_timeline_months_across_a_year_boundary():
    t = timeline(
        [], today=date(2026, 12, 1), start=date(2026, 11, 1), end=date(2027, 3, 1)
    )
    assert [m.label for m in t.months] == ["Nov 2026", "Dec", "Jan 2027", "Feb"]
    assert [m.short_label for m in t.months] == ["Nov", "Dec", "Jan", "Feb"]
    assert t.months[0].left == 0.0
    assert [m.left for m in t.months] == sorted(m.left for m in t.months)
    assert sum(m.width for m in t.months) == pytest.approx(100, abs=0.05)
    assert [y.label for y in t.years] == ["2026", "2027"]
    assert t.years[1].left == t.months[2].left
    assert "tl__tier--wide" in t.months[1].label_class


def test_timeline_thins_month_labels_on_narrow_plots_and_long_ranges():
    t = timeline(
        [], today=date(2026, 6, 1), start=date(2026, 1, 1), end=date(2028, 1, 1)
    )
    narrow = [m.short_label for m in t.months if "narrow" in m.tiers]
    wide = [m.short_label for m in t.months if "wide" in m.tiers]
    assert len(narrow) < len(wide) <= 24
    assert narrow[0] == "Jan"
    assert all(y.tiers for y in t.years)
    ten_years = timeline(
        [], today=date(2026, 6, 1), start=date(2026, 1, 1), end=date(2036, 1, 1)
    )
    assert len([m for m in ten_years.months if "narrow" in m.tiers]) <= 10


def test_timeline_default_range_snaps_to_months_and_includes_today():
    t = timeline(
        [item("goal", date(2026, 3, 14), date(2026, 5, 20))], today=date(2026, 4, 10)
    )
    assert t.start == date(
        2026, 3, 1
    )  # the earliest start, as it is before a month ago
    assert t.end == date(2026, 11, 1)  # six months after today is later than the end
    t = timeline(
        [item("goal", date(2026, 3, 14), date(2027, 5, 20))], today=date(2026, 8, 10)
    )
    assert (t.start, t.end) == (date(2026, 3, 1), date(2027, 6, 1))
    t = timeline([], today=date(2026, 8, 10))
    assert (t.start, t.end) == (date(2026, 7, 1), date(2027, 3, 1))
    assert t.today_left is not None


def test_today_outside_an_explicit_range():
    t = timeline(
        [], today=date(2027, 1, 1), start=date(2026, 1, 1), end=date(2027, 1, 1)
    )
    assert t.today_left is None


def test_single_day_milestones_stay_visible_and_inside_the_range():
    t = timeline(
        [
            item(
                "m1",
                date(2026, 4, 1),
                date(2026, 4, 1),
                kind="milestone",
                status="open",
            ),
            item(
                "edge",
                date(2026, 12, 31),
                date(2026, 12, 31),
                kind="milestone",
                status="done",
            ),
            item("day", date(2026, 5, 1), date(2026, 5, 1)),
        ],
        today=date(2026, 4, 1),
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
    )
    m1, edge, day = t.rows
    assert m1.width == MIN_WIDTH and m1.is_milestone
    assert m1.center == pytest.approx(90.5 / 365 * 100, abs=0.01)
    assert edge.right <= 100 and edge.center <= 100
    assert day.width == MIN_WIDTH


def test_timeline_rows_carry_labels_titles_classes_and_positions():
    long_label = (
        "Ship the pricing experiment to twenty percent of all traffic in Europe"
    )
    t = timeline(
        [
            item(
                "asp",
                date(2026, 1, 1),
                date(2027, 12, 31),
                kind="aspiration",
                status="aspiration",
                label="Staff",
            ),
            item(
                "g",
                date(2026, 2, 1),
                date(2026, 6, 30),
                label=long_label,
                depth=1,
                overdue=True,
            ),
            item(
                "m",
                date(2026, 3, 1),
                date(2026, 3, 1),
                kind="milestone",
                status="done",
                depth=2,
            ),
        ],
        today=date(2026, 11, 23),
    )
    asp, goal, milestone = t.rows
    assert [r.y for r in t.rows] == [
        t.header_height + i * t.row_height for i in range(3)
    ]
    assert t.height == t.header_height + 3 * t.row_height + t.footer_height
    assert (
        goal.label.endswith("…")
        and len(goal.label) <= 38
        and len(goal.short_label) <= 26
    )
    assert goal.title.startswith(
        long_label + " — goal, 1 Feb 2026 to 30 Jun 2026, active, overdue"
    )
    assert goal.css_class == "tl__row tl__row--goal tl__row--status-active is-overdue"
    assert goal.indent > asp.indent
    assert (goal.marker_anchor, goal.marker_x) == ("start", goal.right)
    assert milestone.title == "M — milestone due 1 Mar 2026, done"
    assert asp.title == "Staff — aspiration, 1 Jan 2026 to 31 Dec 2027"
    assert t.description == "3 items, 1 overdue. Today is 23 November 2026."


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short", 10, "Short"),
        (
            "Become a staff engineer in the platform group",
            38,
            "Become a staff engineer in the…",
        ),
        (
            "Become a staff engineer in the platform group",
            40,
            "Become a staff engineer in the platform…",
        ),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("  spaced   out  ", 20, "spaced out"),
    ],
)
def test_truncate(text, limit, expected):
    assert truncate(text, limit) == expected
    assert len(truncate(text, limit)) <= limit


# Templates -------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _parse(html):
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _assert_csp_safe(html):
    tags = _parse(html)
    assert not any("style" in attrs for _, attrs in tags), "inline style attribute"
    assert not any(tag in {"style", "script"} for tag, _ in tags)
    assert "style=" not in html


def test_pace_chart_component_renders():
    c = chart(
        [(date(2026, 3, 12), "14"), (date(2026, 5, 1), "9.5")], today=date(2026, 6, 1)
    )
    html = render_to_string("components/pace_chart.html", {"chart": c})
    _assert_csp_safe(html)
    tags = _parse(html)
    svgs = [attrs for tag, attrs in tags if tag == "svg" and attrs.get("role") == "img"]
    assert len(svgs) == 2  # wide and compact
    for svg in svgs:
        title_id, desc_id = svg["aria-labelledby"].split()
        assert f'<title id="{title_id}">' in html and f'<desc id="{desc_id}">' in html
        assert svg["viewbox"] in {c.view_box, c.compact.view_box}
    assert (
        "<table>" in html
        and '<th scope="col">' in html
        and '<th scope="row">12 Mar 2026</th>' in html
    )
    assert "<caption>" in html and "Show as a table" in html
    assert "<title>12 Mar 2026: 14 interviews</title>" in html
    assert ">Today</text>" in html
    assert 'class="pace-chart__pace"' in html and 'class="pace-chart__readings"' in html
    assert "Add your first reading" not in html
    # numbers are written for SVG, never localised
    assert not re.search(r'(x|y|cx|cy)\d?="-?\d+,\d', html)


def test_pace_chart_component_without_readings():
    html = render_to_string("components/pace_chart.html", {"chart": chart()})
    _assert_csp_safe(html)
    assert "Add your first reading to see progress." in html
    assert 'class="pace-chart__pace"' in html
    assert "pace-chart__readings" not in html
    assert "No readings yet." in html


def test_numbers_are_written_for_svg_not_localised():
    c = chart([(date(2026, 3, 12), "1400.5")], baseline="1000", target="2000")
    t = timeline([item("g", date(2026, 2, 3), date(2026, 6, 30))], today=START)
    with translation.override("de"):
        html = render_to_string("components/pace_chart.html", {"chart": c})
        html += render_to_string("components/timeline.html", {"timeline": t})
    assert f'x1="{c.pace_start.x}"' in html and "." in str(c.pace_start.y)
    assert f'points="{c.points}"' in html
    assert f'x="{t.rows[0].left}%"' in html and "." in str(t.rows[0].left)


def test_timeline_component_renders():
    t = timeline(
        [
            item(
                "asp",
                date(2026, 1, 1),
                date(2027, 12, 31),
                kind="aspiration",
                status="aspiration",
                label="Staff",
            ),
            item(
                "g",
                date(2026, 2, 1),
                date(2026, 6, 30),
                label="Ship <it> & more",
                depth=1,
                overdue=True,
            ),
            item(
                "m",
                date(2026, 3, 1),
                date(2026, 3, 1),
                kind="milestone",
                status="open",
                depth=2,
            ),
        ],
        today=date(2026, 11, 23),
    )
    html = render_to_string("components/timeline.html", {"timeline": t})
    _assert_csp_safe(html)
    tags = _parse(html)
    groups = [
        attrs for tag, attrs in tags if tag == "svg" and attrs.get("role") == "group"
    ]
    assert len(groups) == 2  # wide and stacked
    assert groups[0]["height"] == str(t.height) and groups[1]["height"] == str(
        t.stacked_height
    )
    links = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert links == ["/asp/", "/g/", "/m/"] * 2
    assert "Ship &lt;it&gt; &amp; more" in html
    assert ">overdue</text>" in html and ">Today</text>" in html
    assert 'class="tl__row tl__row--goal tl__row--status-active is-overdue"' in html
    assert 'class="tl__marker"' in html and 'class="tl__bar"' in html
    assert f'x="{t.rows[1].left}%"' in html
