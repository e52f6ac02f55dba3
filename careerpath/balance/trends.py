"""Geometry of the balance trend charts: one small line chart per measure.

Pure (standard library plus the shared chart helpers): the builder takes plain weekly
values and returns frozen dataclasses with every coordinate worked out, so the template
(``balance/_trend_chart.html``) only prints numbers. Small multiples keep each chart
one line on one scale, readable on a phone; a missed week breaks the line rather
than bridging it. The table on the page carries the same numbers for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from careerpath.core.charts import format_number, nice_ticks, short_date

WIDTH, HEIGHT = 360, 180
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 26
MAX_X_LABELS = 4
# Beyond this many weeks the dots would merge into the line; it is drawn alone.
MAX_DOTS = 30


@dataclass(frozen=True)
class TrendTick:
    position: float
    label: str
    anchor: str = "middle"


@dataclass(frozen=True)
class TrendDot:
    x: float
    y: float
    label: str  # "Week of 3 Mar 2026: 46 hours", the dot's tooltip


@dataclass(frozen=True)
class TrendChart:
    chart_id: str
    title: str
    description: str
    unit: str
    segments: tuple[str, ...]  # polylines "x,y x,y …"; a missed week starts a new one
    count: int  # weeks drawn
    dots: tuple[TrendDot, ...]  # one per week with its tooltip, up to MAX_DOTS weeks
    y_ticks: tuple[TrendTick, ...]
    x_ticks: tuple[TrendTick, ...]
    watch_y: float | None  # the dashed line at the burnout rule's threshold
    watch_label: str
    left: float = LEFT
    right: float = WIDTH - RIGHT
    top: float = TOP
    bottom: float = HEIGHT - BOTTOM
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def has_data(self) -> bool:
        return self.count > 0


def trend_chart(
    *,
    key: str,
    title: str,
    unit: str,
    series: Sequence[tuple[date, Decimal | int | float]],
    scale: tuple[Decimal, Decimal] | None = None,
    watch: Decimal | None = None,
    watch_label: str = "",
) -> TrendChart:
    """A line of weekly values, oldest first; ``scale`` fixes the y range (1–5 scores)."""
    points = sorted(
        (
            (day, value if isinstance(value, Decimal) else Decimal(str(value)))
            for day, value in series
        ),
        key=lambda point: point[0],
    )
    values = [v for _, v in points]
    if scale is not None:
        low, high = scale
        tick_values = [low + i for i in range(int(high - low) + 1)]
    else:
        top = max([*values, watch or Decimal(0), Decimal(1)])
        tick_values = nice_ticks(Decimal(0), top * Decimal("1.05"), most=5)
        low, high = tick_values[0], tick_values[-1]
    plot_bottom, plot_top = HEIGHT - BOTTOM, TOP
    plot_left, plot_right = LEFT, WIDTH - RIGHT

    # Geometry in floats: Decimal arithmetic per point is what made long ranges slow.
    low_f, span = float(low), float(high - low)

    def y_of(value: Decimal) -> float:
        share = (float(value) - low_f) / span if span else 0.5
        return round(plot_bottom - share * (plot_bottom - plot_top), 2)

    # Without points nothing is placed on the x axis; any day will do as its origin.
    first = points[0][0] if points else date(2000, 1, 3)
    last = points[-1][0] if points else first
    days = max((last - first).days, 1)

    def x_of(day: date) -> float:
        if first == last:
            return round((plot_left + plot_right) / 2, 2)
        return round(
            plot_left + (day - first).days / days * (plot_right - plot_left), 2
        )

    runs: list[list[tuple[date, Decimal, float, float]]] = []
    previous: date | None = None
    for day, value in points:
        if previous is None or day - previous > timedelta(weeks=1):
            runs.append([])
        runs[-1].append((day, value, x_of(day), y_of(value)))
        previous = day
    segments = [" ".join(f"{x:g},{y:g}" for _, _, x, y in run) for run in runs]
    # A week between two missed ones has no line to sit on, so it keeps its dot.
    dots = [
        TrendDot(x, y, f"Week of {short_date(day)}: {_amount(value, unit)}")
        for run in runs
        for day, value, x, y in run
        if len(points) <= MAX_DOTS or len(run) == 1
    ]

    y_ticks = tuple(TrendTick(y_of(v), format_number(v)) for v in tick_values)
    x_ticks = _x_ticks([d for d, _ in points], x_of, plot_left, plot_right)
    chart_id = f"trend-{key}"  # one chart per measure on a page
    if points:
        latest_day, latest = points[-1]
        description = (
            f"{len(points)} weekly check-in{'s' if len(points) != 1 else ''} from {short_date(first)} to {short_date(last)}; "
            f"lowest {_amount(min(values), unit)}, highest {_amount(max(values), unit)}, "
            f"latest {_amount(latest, unit)} in the week of {short_date(latest_day)}."
        )
    else:
        description = "No check-ins yet."
    return TrendChart(
        chart_id=chart_id,
        title=title,
        description=description,
        unit=unit,
        segments=tuple(
            seg for seg, run in zip(segments, runs, strict=True) if len(run) > 1
        ),
        count=len(points),
        dots=tuple(dots),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        watch_y=y_of(watch) if watch is not None and low <= watch <= high else None,
        watch_label=watch_label,
    )


def _amount(value: Decimal, unit: str) -> str:
    text = format_number(value)
    return f"{text} {unit}" if unit else text


def _x_ticks(
    days: Sequence[date], x_of: Callable[[date], float], left: float, right: float
) -> tuple[TrendTick, ...]:
    """A few month starts (or the two ends when the range is short), at most four."""
    if not days:
        return ()
    first, last = days[0], days[-1]
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if len(months) < 2:
        picks = [first] if first == last else [first, last]
        labels = [f"{d.day} {d:%b}" for d in picks]
    else:
        step = -(-len(months) // MAX_X_LABELS)
        picks = months[::step]
        labels = [
            f"{m:%b %Y}" if index == 0 or m.month == 1 else f"{m:%b}"
            for index, m in enumerate(picks)
        ]
    ticks = []
    for day, label in zip(picks, labels, strict=True):
        x = x_of(day)
        anchor = "start" if x - left < 24 else "end" if right - x < 24 else "middle"
        ticks.append(TrendTick(x, label, anchor))
    return tuple(ticks)
