"""Geometry for the server-rendered SVG charts: the pace chart and the roadmap timeline.

Pure (standard library only): the builders take plain values and return frozen
dataclasses with every coordinate already worked out, so the templates
(``components/pace_chart.html`` and ``components/timeline.html``) only print numbers.
No inline styles anywhere: colours and strokes come from classes in app.css.

- The pace chart uses a viewBox (user units) and is drawn at 100 % width. It carries
  a second, narrower layout in ``compact`` that the stylesheet swaps in on phones,
  where the wide one would shrink its text to 6 px.
- The timeline uses percentages of its plot column (``x="12.5%"``), so its text stays
  at its CSS size at every width.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cached_property
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from careerpath.core.dates import add_months, month_start, next_month
from careerpath.core.text import squash
from careerpath.core.words import singular

# ----------------------------------------------------------------------------------
# Shared helpers


def format_number(value: Decimal, *, grouped: bool = False) -> str:
    """12.50 → "12.5", 40.00 → "40"; 1250 → "1,250" when grouped. No exponent."""
    value = value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
    if value == 0:
        return "0"
    return f"{value:,f}" if grouped else f"{value:f}"


def amount(value: Decimal, unit: str) -> str:
    """A number with its unit: "14 interviews", "1 interview", "12.5 %"."""
    text = format_number(value)
    unit = unit.strip()
    if not unit:
        return text
    if text in {"1", "-1"}:
        unit = singular(unit)
    return f"{text} {unit}"


def short_date(day: date, *, today: date | None = None) -> str:
    """12 Mar 2026; "12 Mar" when ``today`` is given and falls in the same year."""
    if today is not None and day.year == today.year:
        return f"{day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def weekday_date(day: date, *, today: date) -> str:
    """Fri 4 Dec; Fri 1 Jan 2027 when the year is not today's."""
    return f"{day:%a} {short_date(day, today=today)}"


def days_ago(day: date, *, today: date) -> str:
    """How long ago a day was, in whole days, weeks, months or years: "today",
    "yesterday", "3 days ago", "2 weeks ago", "5 months ago". A day after today is
    "today": the clock never runs backwards on screen."""
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 730:
        return f"{round(days / 30.44)} months ago"
    return f"{days // 365} years ago"


def truncate(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters with an ellipsis, at a word if one is near."""
    text = squash(text)
    if len(text) <= limit:
        return text
    limit = max(limit, 2)
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space >= limit * 0.6:
        cut = cut[:space]  # do not end on half a word
    return cut.rstrip(" ,;:.-–—") + "…"


def _months_between(start: date, end: date) -> list[date]:
    """First days of the months in [start, end]."""
    months = []
    month = start if start.day == 1 else next_month(start)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


# Steps (in months) between labelled months, smallest first; 12 divides by each of
# the first five, so January always carries a label.
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120)


def _month_step(count: int, slots: int) -> int:
    for step in MONTH_STEPS:
        if math.ceil(count / step) <= slots:
            return step
    return MONTH_STEPS[-1]


def _aligned(month: date, step: int) -> bool:
    if step <= 12:
        return (month.month - 1) % step == 0
    return month.month == 1 and month.year % (step // 12) == 0


def _labelled(months: Sequence[date], step: int) -> set[int]:
    """Which months carry a label when at most one in ``step`` may: the first, then
    aligned ones, each with ``step`` months of room to the next label and the end."""
    shown: set[int] = set()
    last = None
    for index, month in enumerate(months):
        room = len(months) - index >= min(step, len(months))
        if index == 0 or (
            _aligned(month, step) and room and (last is None or index - last >= step)
        ):
            shown.add(index)
            last = index
    return shown


# ----------------------------------------------------------------------------------
# Pace chart


@dataclass(frozen=True)
class PlotArea:
    """The rectangle the data is drawn in, in viewBox units."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return round(self.right - self.left, 2)

    @property
    def height(self) -> float:
        return round(self.bottom - self.top, 2)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Tick:
    """A gridline and its label: ``position`` is x on the x axis and y on the y axis."""

    position: float
    label: str
    # Text-anchor of an x label: "start" near the left edge, "end" near the right.
    anchor: str = "middle"


@dataclass(frozen=True)
class ChartDot:
    x: float
    y: float
    read_on: date
    value: Decimal
    label: str  # "12 Mar 2026: 14 interviews", the dot's tooltip


@dataclass(frozen=True)
class ChartRow:
    """A row of the fallback table: a reading and where the pace line was that day."""

    read_on: date
    value: Decimal
    expected: Decimal
    date_label: str
    value_label: str
    expected_label: str


@dataclass(frozen=True)
class PaceChart:
    chart_id: str  # unique enough for aria-labelledby: a hash of the inputs
    layout: str  # "wide" (with a compact twin), "compact" (the twin), or "only"
    width: int
    height: int
    plot: PlotArea
    pace_start: Point  # (starts_on, baseline)
    pace_end: Point  # (deadline, target)
    points: str  # the readings polyline, "x,y x,y …"; "" without readings
    dots: tuple[ChartDot, ...]
    dot_radius: float
    y_ticks: tuple[Tick, ...]  # bottom to top, round values
    x_ticks: tuple[Tick, ...]  # left to right, month starts (days for short ranges)
    today_x: float | None  # None when today is outside the drawn dates
    today_anchor: str
    rows: tuple[ChartRow, ...]  # one per reading, oldest first
    title: str
    description: str
    caption: str
    # "Target: 20 interviews by 31 Dec 2026", the end marker's tooltip.
    target_label: str
    unit: str
    compact: PaceChart | None = None

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def has_readings(self) -> bool:
        return bool(self.dots)

    @property
    def layouts(self) -> tuple[PaceChart, ...]:
        """The layouts to draw; the stylesheet shows one of them."""
        return (self, self.compact) if self.compact else (self,)

    @property
    def series_label(self) -> str:
        return f"Readings ({self.unit})" if self.unit.strip() else "Readings"


# Layout constants, in viewBox units. Tick text is 12 units in the wide layout and 13
# in the compact one (app.css), at about 0.58 em per character.
CHAR_WIDTH = 7.0
COMPACT_CHAR_WIDTH = 7.6
COMPACT_SIZE = (340, 250)
COMPACT_ABOVE = 480  # a chart wider than this gets a compact twin for phones
TOP_MARGIN = 24  # room for the "Today" label
RIGHT_MARGIN = 14
BOTTOM_MARGIN = 26  # room for the month labels
EDGE = 26  # an x label closer than this to an edge is anchored at that edge


def nice_ticks(low: Decimal, high: Decimal, *, most: int = 6) -> list[Decimal]:
    """Round tick values covering [low, high]: 4 to ``most`` of them, steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if high < low:
        low, high = high, low
    if high == low:
        pad = max(abs(low) / 10, Decimal(1))
        low, high = (max(low - pad, Decimal(0)) if low >= 0 else low - pad), high + pad
    span = high - low
    exponent = math.floor(math.log10(span)) - 1
    while True:
        scale = Decimal(1).scaleb(exponent)
        for mantissa in ("1", "2", "2.5", "5"):
            step = Decimal(mantissa) * scale
            first = (low / step).to_integral_value(rounding=ROUND_FLOOR)
            last = (high / step).to_integral_value(rounding=ROUND_CEILING)
            if last - first + 1 <= most:
                return [(first + i) * step + 0 for i in range(int(last - first) + 1)]
        exponent += 1


def pace_chart(
    *,
    starts_on: date,
    deadline: date,
    baseline: Decimal,
    target: Decimal,
    readings: Sequence[tuple[date, Decimal]],
    today: date,
    unit: str = "",
    width: int = 640,
    height: int = 260,
) -> PaceChart:
    """Readings against the straight pace line from (starts_on, baseline) to (deadline, target)."""
    series = sorted(
        ((day, Decimal(value)) for day, value in readings), key=lambda r: r[0]
    )
    chart_id = "pace-" + format(
        zlib.crc32(repr((starts_on, deadline, baseline, target, series)).encode()),
        "08x",
    )
    args: dict[str, Any] = {
        "starts_on": starts_on,
        "deadline": deadline,
        "baseline": Decimal(baseline),
        "target": Decimal(target),
        "series": series,
        "today": today,
        "unit": unit,
    }
    if width > COMPACT_ABOVE:
        compact = _pace_layout(
            **args, chart_id=f"{chart_id}-c", layout="compact", size=COMPACT_SIZE
        )
        return _pace_layout(
            **args,
            chart_id=chart_id,
            layout="wide",
            size=(width, height),
            compact=compact,
        )
    return _pace_layout(**args, chart_id=chart_id, layout="only", size=(width, height))


def _pace_layout(
    *,
    starts_on: date,
    deadline: date,
    baseline: Decimal,
    target: Decimal,
    series: list[tuple[date, Decimal]],
    today: date,
    unit: str,
    chart_id: str,
    layout: str,
    size: tuple[int, int],
    compact: PaceChart | None = None,
) -> PaceChart:
    width, height = size
    values = [baseline, target, *(v for _, v in series)]
    low, high = min(values), max(values)
    # A little room above and below, without pushing counts below zero (or
    # negative-only series above it).
    pad = (high - low) / 20
    padded_low = low - pad if low < 0 or low - pad >= 0 else Decimal(0)
    padded_high = high + pad if high > 0 or high + pad <= 0 else Decimal(0)
    tick_values = nice_ticks(padded_low, padded_high)
    y_low, y_high = tick_values[0], tick_values[-1]
    tick_unit = f" {unit.strip()}" if 0 < len(unit.strip()) <= 3 else ""
    y_labels = [format_number(v, grouped=True) + tick_unit for v in tick_values]

    char_width = COMPACT_CHAR_WIDTH if layout == "compact" else CHAR_WIDTH
    left = round(max(30.0, char_width * max(len(label) for label in y_labels) + 10), 2)
    plot = PlotArea(
        left=left,
        top=TOP_MARGIN,
        right=width - RIGHT_MARGIN,
        bottom=height - BOTTOM_MARGIN,
    )

    first_day = min([starts_on, *(d for d, _ in series)])
    last_day = max([deadline, *(d for d, _ in series)])
    days = max((last_day - first_day).days, 1)

    def x_of(day: date) -> float:
        return round(plot.left + (day - first_day).days / days * plot.width, 2)

    def y_of(value: Decimal) -> float:
        share = float((value - y_low) / (y_high - y_low))
        return round(plot.bottom - share * plot.height, 2)

    def anchor(x: float) -> str:
        if x - plot.left < EDGE:
            return "start"
        if plot.right - x < EDGE:
            return "end"
        return "middle"

    y_ticks = tuple(
        Tick(y_of(v), label) for v, label in zip(tick_values, y_labels, strict=True)
    )
    x_ticks = _date_ticks(
        first_day, last_day, x_of=x_of, anchor=anchor, plot=plot, char_width=char_width
    )

    places = _places(baseline, target, *(v for _, v in series))
    dots = tuple(
        ChartDot(
            x=x_of(day),
            y=y_of(value),
            read_on=day,
            value=value,
            label=f"{short_date(day)}: {amount(value, unit)}",
        )
        for day, value in series
    )
    rows = []
    for day, value in series:
        expected = _line_value(starts_on, deadline, baseline, target, day, places)
        rows.append(
            ChartRow(
                read_on=day,
                value=value,
                expected=expected,
                date_label=short_date(day),
                value_label=format_number(value),
                expected_label=format_number(expected),
            )
        )
    today_x = x_of(today) if first_day <= today <= last_day else None

    line = f"from {amount(baseline, unit)} on {short_date(starts_on)} to {amount(target, unit)} on {short_date(deadline)}"
    if series:
        latest_day, latest = series[-1]
        count = f"{len(series)} reading{'s' if len(series) != 1 else ''}"
        readings_text = f"{count}; the latest is {amount(latest, unit)} on {short_date(latest_day)}."
    else:
        readings_text = "No readings yet."
    return PaceChart(
        chart_id=chart_id,
        layout=layout,
        width=width,
        height=height,
        plot=plot,
        pace_start=Point(x_of(starts_on), y_of(baseline)),
        pace_end=Point(x_of(deadline), y_of(target)),
        points=" ".join(f"{d.x:g},{d.y:g}" for d in dots),
        dots=dots,
        dot_radius=4.0 if len(dots) <= 40 else 2.5,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        today_x=today_x,
        today_anchor=anchor(today_x) if today_x is not None else "middle",
        rows=tuple(rows),
        title=f"Readings against the pace line to {amount(target, unit)}",
        description=f"The dashed pace line runs {line}. {readings_text}",
        caption=f"Readings and the pace line ({line})",
        target_label=f"Target: {amount(target, unit)} by {short_date(deadline)}",
        unit=unit.strip(),
        compact=compact,
    )


def _date_ticks(
    first: date,
    last: date,
    *,
    x_of: Callable[[date], float],
    anchor: Callable[[float], str],
    plot: PlotArea,
    char_width: float = CHAR_WIDTH,
) -> tuple[Tick, ...]:
    """Month starts, thinned to fit; evenly spaced days when fewer than two months start."""
    months = _months_between(first, last)
    slots = max(2, min(8, int(plot.width // 64)))
    if len(months) >= 2:
        step = _month_step(len(months), slots)
        chosen = [m for i, m in enumerate(months) if i in _labelled(months, step)]
        ticks = []
        for index, month in enumerate(chosen):
            label = (
                f"{month:%b %Y}" if index == 0 or month.month == 1 else f"{month:%b}"
            )
            ticks.append((x_of(month), label))
    else:
        # Under two months: evenly spaced days, first and last included.
        span = (last - first).days
        count = max(1, min(slots, span + 1))
        days = sorted(
            {
                first + timedelta(days=round(i * span / max(count - 1, 1)))
                for i in range(count)
            }
        )
        ticks = [(x_of(day), f"{day.day} {day:%b}") for day in days]
    kept: list[Tick] = []
    end = -math.inf
    for x, label in ticks:
        tick = Tick(x, label, anchor(x))
        half = char_width * len(label) / 2
        start, stop = {
            "start": (x, x + 2 * half),
            "end": (x - 2 * half, x),
            "middle": (x - half, x + half),
        }[tick.anchor]
        if start < end + 6:
            if tick.anchor != "end":
                continue
            kept.pop()  # keep the last date rather than the one crowding it
        kept.append(tick)
        end = stop
    return tuple(kept)


def _line_value(
    starts_on: date,
    deadline: date,
    baseline: Decimal,
    target: Decimal,
    day: date,
    places: int,
) -> Decimal:
    """Where the pace line is on ``day`` (flat before the start and after the deadline)."""
    total = (deadline - starts_on).days
    if total <= 0:
        share = Decimal(0) if day < starts_on else Decimal(1)
    else:
        share = Decimal(min(max((day - starts_on).days, 0), total)) / Decimal(total)
    return (baseline + (target - baseline) * share).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )


def _places(*values: Decimal) -> int:
    places = 2
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return min(places, 6)


# ----------------------------------------------------------------------------------
# Timeline (the roadmap)
#
# Drawn twice by the template, one shown by the container's width:
# - "wide": labels in a left column, bars in a plot column beside them, 28 px rows;
# - "stacked" (phones): each label on its own line above a full-width bar, 40 px rows.
# Month and year labels are thinned for the narrowest plot each width class can have.


@dataclass(frozen=True)
class TimelineItem:
    key: str
    label: str
    start: date
    end: date
    kind: str  # "aspiration" | "goal" | "milestone"
    status: str
    url: str
    depth: int = 0
    overdue: bool = False
    # A goal without a deadline: drawn for a while so it shows, but it has no end date.
    open_ended: bool = False


@dataclass(frozen=True)
class TimelineMonth:
    start: date
    label: str  # "Jan 2027" in January and for the first month, else "Feb"
    short_label: str  # "Jan": the month row under the year row
    left: float  # % of the plot column
    width: float  # % of the plot column
    # Where the short label fits: "narrow" (stacked), "medium", "wide"
    tiers: frozenset[str]
    # The same as classes: "tl__tier--medium tl__tier--wide"; "" for a bare gridline.
    label_class: str


@dataclass(frozen=True)
class TimelineYear:
    label: str  # "2027"
    left: float  # % of the plot column: January, or the start of the range
    width: float
    tiers: frozenset[str]
    label_class: str


@dataclass(frozen=True)
class TimelineRow:
    item: TimelineItem
    left: float  # % of the plot column, clamped to 0..100
    width: float  # % of the plot column, at least MIN_WIDTH
    center: float  # % where a milestone's marker sits (the middle of its day)
    y: int  # top of the row in the wide layout, px
    stacked_y: int  # top of the row in the stacked layout, px
    # At most LABEL_CHARS (fewer when indented); the full label is in ``title``.
    label: str
    # At most SHORT_LABEL_CHARS, for the wide layout on mid-sized screens.
    short_label: str
    # "Ship the pricing experiment — goal, 1 Jan 2026 to 30 Jun 2026, active, overdue"
    title: str
    indent: int  # px from the left of the label column
    css_class: str  # "tl__row tl__row--goal tl__row--status-active is-overdue"
    marker_x: float  # where the "overdue" marker is anchored (%)
    marker_anchor: str  # its text-anchor: "start" after the bar, "end" before it
    clipped_start: bool = False  # the item starts before the drawn range
    clipped_end: bool = False  # the item ends after it

    @property
    def right(self) -> float:
        return round(self.left + self.width, 2)

    @property
    def is_milestone(self) -> bool:
        return self.item.kind == "milestone"

    @property
    def marker_dx(self) -> int:
        return 8 if self.marker_anchor == "start" else -8

    def _overdue_svg(self, y: int) -> str:
        if not self.item.overdue:
            return ""
        return (
            f'<text class="tl__overdue" x="{self.marker_x}%" dx="{self.marker_dx}" '
            f'y="{y}" text-anchor="{self.marker_anchor}">overdue</text>'
        )

    def wide_svg(self, timeline: Timeline) -> str:
        """This row in the wide layout: label column beside the plot column."""
        if self.is_milestone:
            mark = (
                f'<svg x="{self.center}%" y="14" overflow="visible">'
                '<polygon class="tl__marker" points="0,-7 7,0 0,7 -7,0"/></svg>'
            )
        else:
            mark = (
                f'<rect class="tl__bar" x="{self.left}%" y="8" '
                f'width="{self.width}%" height="12" rx="3"/>'
            )
        return (
            f'<a class="{escape(self.css_class)}" href="{escape(self.item.url)}">'
            f"<title>{escape(self.title)}</title>"
            f'<rect class="tl__hit" x="0" y="{self.y}" width="100%" '
            f'height="{timeline.row_height}"/>'
            f'<svg y="{self.y}" width="{timeline.label_width}%" '
            f'height="{timeline.row_height}">'
            f'<text class="tl__label tl__label--long" x="{self.indent}" y="18">'
            f"{escape(self.label)}</text>"
            f'<text class="tl__label tl__label--short" x="{self.indent}" y="18">'
            f"{escape(self.short_label)}</text></svg>"
            f'<svg x="{timeline.plot_left}%" y="{self.y}" '
            f'width="{timeline.plot_width}%" height="{timeline.row_height}" '
            f'overflow="visible">{mark}{self._overdue_svg(18)}</svg></a>\n'
        )

    def stacked_svg(self, timeline: Timeline) -> str:
        """This row in the stacked layout: the label above its bar."""
        if self.is_milestone:
            mark = (
                f'<svg x="{self.center}%" y="29" overflow="visible">'
                '<polygon class="tl__marker" points="0,-7 7,0 0,7 -7,0"/></svg>'
            )
        else:
            mark = (
                f'<rect class="tl__bar" x="{self.left}%" y="24" '
                f'width="{self.width}%" height="11" rx="3"/>'
            )
        return (
            f'<a class="{escape(self.css_class)}" href="{escape(self.item.url)}">'
            f"<title>{escape(self.title)}</title>"
            f'<rect class="tl__hit" x="0" y="{self.stacked_y}" width="100%" '
            f'height="{timeline.stacked_row_height}"/>'
            f'<svg y="{self.stacked_y}" width="100%" '
            f'height="{timeline.stacked_row_height}">'
            f'<text class="tl__label" x="{self.indent}" y="17">{escape(self.label)}'
            f"</text></svg>"
            f'<svg x="1%" y="{self.stacked_y}" width="98%" '
            f'height="{timeline.stacked_row_height}" overflow="visible">'
            f"{mark}{self._overdue_svg(33)}</svg></a>\n"
        )


ROW_HEIGHT = 28
STACKED_ROW_HEIGHT = 42
HEADER_HEIGHT = 40  # the year row and the month row
FOOTER_HEIGHT = 22  # the "Today" label under the rows
MIN_WIDTH = 0.8  # % of the plot column: a one-day item is still visible
LABEL_CHARS = 38
SHORT_LABEL_CHARS = 26
INDENT = 14  # px per level of depth
# The narrowest plot column (px) of each width class, and the room labels need there.
TIER_PLOT_PX = {"narrow": 270, "medium": 390, "wide": 560}
MONTH_LABEL_PX = 34  # "Sep" at 12 px plus a gap
YEAR_LABEL_PX = 40  # "2027" at 12 px bold plus a gap
STATUS_WORDS = {"open": "not done yet", "done": "done"}


@dataclass(frozen=True)
class Timeline:
    start: date  # first day drawn
    end: date  # first day no longer drawn
    today: date
    # % of the plot column; None when today is outside the range.
    today_left: float | None
    months: tuple[TimelineMonth, ...]
    years: tuple[TimelineYear, ...]
    rows: tuple[TimelineRow, ...]
    title: str
    description: str
    chart_id: str = "timeline"
    row_height: int = ROW_HEIGHT
    stacked_row_height: int = STACKED_ROW_HEIGHT
    header_height: int = HEADER_HEIGHT
    footer_height: int = FOOTER_HEIGHT
    # The wide layout's label column and plot column, as % of the SVG's width.
    label_width: float = 32.0
    plot_left: float = 33.0
    plot_width: float = 65.5

    @property
    def height(self) -> int:
        return (
            self.header_height + len(self.rows) * self.row_height + self.footer_height
        )

    @property
    def stacked_height(self) -> int:
        return (
            self.header_height
            + len(self.rows) * self.stacked_row_height
            + self.footer_height
        )

    @property
    def rows_bottom(self) -> int:
        return self.header_height + len(self.rows) * self.row_height

    @property
    def stacked_rows_bottom(self) -> int:
        return self.header_height + len(self.rows) * self.stacked_row_height

    @cached_property
    def wide_rows_svg(self) -> SafeString:
        """The rows of the wide drawing, built here rather than in the template: a
        roadmap can have hundreds of rows and template nodes cost ten times more."""
        # Every user-written string in a row passes through escape() in wide_svg.
        return mark_safe("".join(row.wide_svg(self) for row in self.rows))  # noqa: S308

    @cached_property
    def stacked_rows_svg(self) -> SafeString:
        """The rows of the stacked (phone) drawing; see ``wide_rows_svg``."""
        # Every user-written string in a row passes through escape() in stacked_svg.
        return mark_safe("".join(row.stacked_svg(self) for row in self.rows))  # noqa: S308

    @property
    def today_anchor(self) -> str:
        if self.today_left is None or 6 <= self.today_left <= 94:
            return "middle"
        return "start" if self.today_left < 6 else "end"


def timeline(
    items: Sequence[TimelineItem],
    *,
    today: date,
    start: date | None = None,
    end: date | None = None,
) -> Timeline:
    """Lay the items out on one time axis, one row each, in the order given.

    The default range runs from the first of the month of the earliest start, or of
    the month before today if that is earlier, to the first of the month after the
    latest end, or after six months from today if that is later: today is always on it.
    """
    if start is None:
        start = month_start(
            min([add_months(month_start(today), -1), *(i.start for i in items)])
        )
    if end is None:
        end = next_month(
            max(
                [
                    add_months(month_start(today), 7) - timedelta(days=1),
                    *(i.end for i in items),
                ]
            )
        )
    if end <= start:
        end = start + timedelta(days=1)
    days = (end - start).days

    def pct(day: date) -> float:
        return (day - start).days / days * 100

    def clamp(value: float) -> float:
        return min(max(value, 0.0), 100.0)

    months = _timeline_months(start, end, pct)
    years = _timeline_years(start, end, pct)

    rows = []
    for index, item in enumerate(items):
        first, last = min(item.start, item.end), max(item.start, item.end)
        if item.kind == "milestone":
            center = clamp(pct(first) + 50 / days)
            width = MIN_WIDTH
            left = min(max(center - width / 2, 0.0), 100.0 - width)
        else:
            left = clamp(pct(first))
            width = max(clamp(pct(last + timedelta(days=1))) - left, MIN_WIDTH)
            left = min(left, 100.0 - width)
            center = left + width / 2
        left, width, center = round(left, 2), round(width, 2), round(center, 2)
        if left + width <= 75 or left < 25:
            marker_x, marker_anchor = left + width, "start"
        else:
            marker_x, marker_anchor = left, "end"
        classes = ["tl__row", f"tl__row--{item.kind}", f"tl__row--status-{item.status}"]
        if item.overdue:
            classes.append("is-overdue")
        rows.append(
            TimelineRow(
                item=item,
                left=left,
                width=width,
                center=center,
                y=HEADER_HEIGHT + index * ROW_HEIGHT,
                stacked_y=HEADER_HEIGHT + index * STACKED_ROW_HEIGHT,
                label=truncate(item.label, LABEL_CHARS - 2 * min(item.depth, 5)),
                short_label=truncate(
                    item.label, SHORT_LABEL_CHARS - 2 * min(item.depth, 4)
                ),
                title=_item_title(item),
                indent=6 + INDENT * min(item.depth, 5),
                css_class=" ".join(classes),
                marker_x=round(marker_x, 2),
                marker_anchor=marker_anchor,
                clipped_start=first < start,
                clipped_end=last >= end,
            )
        )

    overdue = sum(1 for i in items if i.overdue)
    count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    return Timeline(
        start=start,
        end=end,
        today=today,
        today_left=round(pct(today), 2) if start <= today < end else None,
        months=months,
        years=years,
        rows=tuple(rows),
        title=f"Roadmap from {start:%B %Y} to {end - timedelta(days=1):%B %Y}",
        description=f"{count}{f', {overdue} overdue' if overdue else ''}. Today is {today.day} {today:%B %Y}.",
    )


def _tier_class(tiers: set[str]) -> str:
    return " ".join(f"tl__tier--{name}" for name in TIER_PLOT_PX if name in tiers)


def _timeline_months(
    start: date, end: date, pct: Callable[[date], float]
) -> tuple[TimelineMonth, ...]:
    starts = _months_between(start, end - timedelta(days=1))
    shown: dict[str, set[int]] = {}
    for tier, plot_px in TIER_PLOT_PX.items():
        per_month = plot_px / max(len(starts), 1)
        step = next(
            (s for s in MONTH_STEPS if s * per_month >= MONTH_LABEL_PX), MONTH_STEPS[-1]
        )
        shown[tier] = {
            i
            for i, month in enumerate(starts)
            if _aligned(month, step)
            and (100 - pct(month)) / 100 * plot_px >= MONTH_LABEL_PX - 4
        }
    months = []
    for index, month in enumerate(starts):
        tiers = {tier for tier in TIER_PLOT_PX if index in shown[tier]}
        months.append(
            TimelineMonth(
                start=month,
                label=f"{month:%b %Y}"
                if index == 0 or month.month == 1
                else f"{month:%b}",
                short_label=f"{month:%b}",
                left=round(pct(month), 2),
                width=round(min(pct(next_month(month)), 100.0) - pct(month), 2),
                tiers=frozenset(tiers),
                label_class=_tier_class(tiers),
            )
        )
    return tuple(months)


def _timeline_years(
    start: date, end: date, pct: Callable[[date], float]
) -> tuple[TimelineYear, ...]:
    """A label per calendar year at its January (or the range's start), thinned where
    years are too narrow; a sliver of a first year gives way to the next one."""
    segments = []
    for year in range(start.year, (end - timedelta(days=1)).year + 1):
        left = max(pct(date(year, 1, 1)), 0.0)
        right = min(pct(date(year + 1, 1, 1)), 100.0)
        segments.append((year, left, right))
    shown: dict[str, set[int]] = {}
    for tier, plot_px in TIER_PLOT_PX.items():
        kept: set[int] = set()
        last = None
        for index, (_, left, right) in enumerate(segments):
            x = left / 100 * plot_px
            fits_own = (right - left) / 100 * plot_px >= YEAR_LABEL_PX or index == len(
                segments
            ) - 1
            if index == 0 and not fits_own and len(segments) > 1:
                continue
            if (
                last is None or x - last >= YEAR_LABEL_PX
            ) and plot_px - x >= YEAR_LABEL_PX - 6:
                kept.add(index)
                last = x
        shown[tier] = kept
    years = []
    for index, (year, left, right) in enumerate(segments):
        tiers = {tier for tier in TIER_PLOT_PX if index in shown[tier]}
        years.append(
            TimelineYear(
                label=str(year),
                left=round(left, 2),
                width=round(right - left, 2),
                tiers=frozenset(tiers),
                label_class=_tier_class(tiers),
            )
        )
    return tuple(years)


def _item_title(item: TimelineItem) -> str:
    if item.kind == "milestone":
        when = f"milestone due {short_date(item.end)}"
    elif item.open_ended:
        when = f"{item.kind} from {short_date(item.start)}, no deadline"
    else:
        when = f"{item.kind}, {short_date(item.start)} to {short_date(item.end)}"
    parts = [when]
    status = STATUS_WORDS.get(item.status, item.status)
    if status and status != item.kind:
        parts.append(status)
    if item.overdue:
        parts.append("overdue")
    return f"{squash(item.label)} — {', '.join(parts)}"
