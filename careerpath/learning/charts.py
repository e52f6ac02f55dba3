"""Geometry of the learning log's two SVG charts (pure): hours per month as columns and
hours per skill as horizontal bars.

Both are drawn without a viewBox: x positions are percentages of the chart's width and
y positions are pixels, so the text keeps its CSS size from a 360 px phone to a desktop
and nothing has to be scaled. The templates (``learning/_hours_chart.html``) only print
these numbers; colours come from classes in learning.css. Every chart has a table
fallback with the same figures.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerpath.core.charts import format_number, nice_ticks, truncate

# Column chart layout (pixels vertically, percent horizontally).
COLUMN_HEIGHT = 220
COLUMN_TOP = 12
COLUMN_BOTTOM = 182  # baseline; month labels sit below it
COLUMN_LEFT = 11.0  # percent: room for the hour labels of the y axis
COLUMN_RIGHT = 99.0
COLUMN_FILL = 0.7  # share of a month's slot the column covers

# Bar chart layout: each skill's name on a line of its own above its bar, so long
# names stay readable on a phone.
BAR_ROW = 42
BAR_LABEL_Y = 13
BAR_Y = 19
BAR_THICKNESS = 16
BAR_SPAN = 80.0  # percent for the longest bar, leaving room for its value
BAR_LABEL_CHARS = 40
MAX_BARS = 10


def hours_label(value: Decimal) -> str:
    """1 → "1 h", 2.5 → "2.5 h"."""
    return f"{format_number(value)} h"


def _chart_id(prefix: str, *parts: object) -> str:
    return f"{prefix}-{zlib.crc32(repr(parts).encode()):08x}"


def _pct(value: float) -> str:
    return f"{round(value, 3)}%"


@dataclass(frozen=True)
class YTick:
    y: float
    label: str


@dataclass(frozen=True)
class Column:
    x: str  # percent
    width: str  # percent
    y: float
    height: float
    label_x: str  # centre of the slot, percent
    month_label: str  # "Mar", or "" when this month carries no label
    year_label: str  # "2026" under January and the first labelled month
    title: str  # "March 2026: 6.5 h"


@dataclass(frozen=True)
class TableRow:
    label: str
    value: str


@dataclass(frozen=True)
class ColumnChart:
    chart_id: str
    title: str
    description: str
    caption: str
    height: int
    left: str
    right: str
    baseline: float
    ticks: tuple[YTick, ...]
    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]
    total: str
    is_empty: bool


def month_step(count: int) -> int:
    """Label every month up to 6, then every 2nd, 3rd or 6th so labels never touch on a phone."""
    if count <= 6:
        return 1
    if count <= 12:
        return 2
    if count <= 24:
        return 3
    return 6


def column_chart(
    points: Sequence[tuple[date, Decimal]], *, title: str, caption: str
) -> ColumnChart:
    """Hours per month as columns; ``points`` are (first day of month, hours), oldest first."""
    top = max((value for _, value in points), default=Decimal(0))
    ticks = nice_ticks(Decimal(0), max(top, Decimal(1)), most=5)
    scale_top = ticks[-1]
    plot_height = COLUMN_BOTTOM - COLUMN_TOP
    slot = (COLUMN_RIGHT - COLUMN_LEFT) / max(len(points), 1)
    step = month_step(len(points))
    columns: list[Column] = []
    year_shown: set[int] = set()
    for index, (month, value) in enumerate(points):
        height = float(value / scale_top) * plot_height if scale_top else 0.0
        labelled = (month.month - 1) % step == 0 if step > 1 else True
        year_label = ""
        if labelled and (month.month == 1 or month.year not in year_shown):
            year_label = str(month.year)
            year_shown.add(month.year)
        columns.append(
            Column(
                x=_pct(COLUMN_LEFT + slot * index + slot * (1 - COLUMN_FILL) / 2),
                width=_pct(slot * COLUMN_FILL),
                y=round(COLUMN_BOTTOM - height, 2),
                height=round(height, 2),
                label_x=_pct(COLUMN_LEFT + slot * index + slot / 2),
                month_label=f"{month:%b}" if labelled else "",
                year_label=year_label,
                title=f"{month:%B %Y}: {hours_label(value)}",
            )
        )
    total = sum((value for _, value in points), Decimal(0))
    first = points[0][0] if points else None
    last = points[-1][0] if points else None
    span = f"{first:%B %Y} to {last:%B %Y}" if first and last else "no months"
    busiest = max(points, key=lambda p: (p[1], p[0]), default=None)
    description = f"{hours_label(total)} in total from {span}."
    if busiest and busiest[1] > 0:
        description += f" Most in {busiest[0]:%B %Y}: {hours_label(busiest[1])}."
    return ColumnChart(
        chart_id=_chart_id("hours-month", tuple(points)),
        title=title,
        description=description,
        caption=caption,
        height=COLUMN_HEIGHT,
        left=_pct(COLUMN_LEFT),
        right=_pct(COLUMN_RIGHT),
        baseline=COLUMN_BOTTOM,
        ticks=tuple(
            YTick(
                y=round(COLUMN_BOTTOM - float(tick / scale_top) * plot_height, 2),
                label=format_number(tick),
            )
            for tick in ticks
        ),
        columns=tuple(columns),
        rows=tuple(
            TableRow(f"{month:%B %Y}", hours_label(value)) for month, value in points
        ),
        total=hours_label(total),
        is_empty=total == 0,
    )


@dataclass(frozen=True)
class Bar:
    y: float  # top of the row
    label_y: float
    bar_y: float
    value_y: float
    label: str  # possibly shortened
    full_label: str
    width: str  # percent
    value_x: str  # percent, just after the bar's end
    value_label: str


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    description: str
    caption: str
    height: int
    thickness: int
    bars: tuple[Bar, ...]
    rows: tuple[TableRow, ...]
    is_empty: bool


def bar_chart(
    values: Sequence[tuple[str, Decimal]], *, title: str, caption: str
) -> BarChart:
    """Horizontal bars, largest first as given; beyond ``MAX_BARS`` the rest share one bar."""
    # One left over is shown by name: a bar called "1 other skill" says less.
    limit = MAX_BARS + 1 if len(values) == MAX_BARS + 1 else MAX_BARS
    shown = list(values[:limit])
    rest = values[limit:]
    if rest:
        shown.append(
            (
                f"{len(rest)} other skills",
                sum((v for _, v in rest), Decimal(0)),
            )
        )
    top = max((value for _, value in shown), default=Decimal(0))
    bars: list[Bar] = []
    for index, (label, value) in enumerate(shown):
        share = float(value / top) if top else 0.0
        width = max(BAR_SPAN * share, 0.4 if value > 0 else 0.0)
        y = index * BAR_ROW
        bars.append(
            Bar(
                y=y,
                label_y=y + BAR_LABEL_Y,
                bar_y=y + BAR_Y,
                value_y=y + BAR_Y + BAR_THICKNESS / 2,
                label=truncate(label, BAR_LABEL_CHARS),
                full_label=label,
                width=_pct(width),
                value_x=_pct(width + 1.5),
                value_label=hours_label(value),
            )
        )
    if values:
        lead, lead_hours = values[0]
        description = (
            f"{len(values)} skill{'s' if len(values) != 1 else ''}; "
            f"most time on {lead}: {hours_label(lead_hours)}."
        )
    else:
        description = "No hours logged in this period."
    return BarChart(
        chart_id=_chart_id("hours-skill", tuple(values)),
        title=title,
        description=description,
        caption=caption,
        height=max(len(bars), 1) * BAR_ROW,
        thickness=BAR_THICKNESS,
        bars=tuple(bars),
        rows=tuple(TableRow(label, hours_label(value)) for label, value in values),
        is_empty=not values,
    )
